import { Writable } from 'node:stream';
import { DomainError, ManualClock } from '@hanoi247/core';
import { createTestDatabase, type TestDatabase } from '@hanoi247/testkit';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadStorageConfig } from '../config/load-config.js';
import { uuidV7Ids } from '../identity/ids.js';
import { openNode, type NodeRuntime } from '../node-runtime.js';
import { auditRepository } from '../repositories/audit.repository.js';
import { counterRepository } from '../repositories/counter.repository.js';
import { jobRepository } from '../repositories/job.repository.js';
import type { NodeMetrics, Telemetry } from '../telemetry.js';
import { createJobRunner, enqueueJob, type JobHandler, type JobSettings } from './job-runner.service.js';

/** A logger and metrics that remember what they were told. */
function recordingTelemetry() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  const counted: string[] = [];
  const metrics: NodeMetrics = {
    outbound: () => undefined,
    backgroundError: (component, reason) => counted.push(`${component}/${reason}`),
    jobRun: (kind, outcome) => counted.push(`${kind}:${outcome}`),
  };
  const telemetry: Telemetry = { log: pino({ level: 'debug' }, stream), metrics };
  return { telemetry, lines, counted };
}

const settings: JobSettings = { leaseSeconds: 60, maxAttempts: 3, retryBaseSeconds: 10, retryMaxSeconds: 15 };

describe('the durable job runner', () => {
  let database: TestDatabase;
  let node: NodeRuntime;
  const clock = new ManualClock('2026-11-02T08:00:00.000Z');

  beforeAll(async () => {
    database = await createTestDatabase();
    node = await openNode(
      loadStorageConfig({ overrides: { dataDir: database.dataDir, databaseUrl: database.databaseUrl } }),
      {
        clock,
      },
    );
  });
  afterAll(async () => {
    await node.close();
    await database.drop();
  });

  const db = () => node.database.db;
  const enqueue = (payload: Record<string, string> = {}) =>
    db()
      .transaction()
      .execute((tx) => enqueueJob(tx, { clock, ids: uuidV7Ids }, 'production-offer', payload));
  const runner = (handler: JobHandler, telemetry: Telemetry, random = () => 0.5) =>
    createJobRunner({
      db: db(),
      clock,
      ids: uuidV7Ids,
      handlers: { 'production-offer': handler },
      settings,
      telemetry,
      random,
    });
  /** Counts an effect in the job's own transaction, so a rolled-back effect does not count. */
  const effect = (tx: Parameters<JobHandler['failed']>[0], id: string) => counterRepository.next(tx, `effect:${id}`);
  const effects = async (id: string) =>
    Number(
      (await db().selectFrom('counters').select('value').where('name', '=', `effect:${id}`).executeTakeFirst())
        ?.value ?? 0,
    );
  const failures = async (id: string) =>
    (await auditRepository.list(db(), { action: 'job.failed', limit: 50 })).filter((e) => e.objectId === id);

  it('completes a job with its effect, in one transaction, and runs it once', async () => {
    const id = await enqueue();
    const { telemetry, counted } = recordingTelemetry();
    const work = runner(
      {
        run: ({ job, complete }) =>
          db()
            .transaction()
            .execute(async (tx) => {
              await effect(tx, job.id);
              await complete(tx);
            }),
        failed: async () => undefined,
      },
      telemetry,
    );
    expect(await work.runDue()).toEqual({ claimed: 1, done: 1, retried: 0, failed: 0 });
    expect(await work.runDue()).toEqual({ claimed: 0, done: 0, retried: 0, failed: 0 });
    expect(await effects(id)).toBe(1);
    expect(await jobRepository.find(db(), id)).toMatchObject({
      state: 'done',
      attempts: 1,
      finishedAt: clock.now().toISOString(),
    });
    expect(counted).toEqual(['production-offer:done']);
  });

  it('retries a transient failure with back-off, then gives up visibly: hook, audit, log and metric', async () => {
    const id = await enqueue();
    const { telemetry, lines, counted } = recordingTelemetry();
    const shown: string[] = [];
    const work = runner(
      {
        run: async () => {
          throw new DomainError('storage/unavailable', 'the partner ledger did not answer');
        },
        failed: async (tx, job, code) => {
          await effect(tx, job.id);
          shown.push(`${job.id}:${code}:${job.attempts}`);
        },
      },
      telemetry,
    );
    const delays: number[] = [];
    for (let attempt = 1; attempt < settings.maxAttempts; attempt += 1) {
      const before = clock.now().getTime();
      expect(await work.runDue()).toMatchObject({ claimed: 1, retried: 1 });
      const job = await jobRepository.find(db(), id);
      expect(job).toMatchObject({ state: 'pending', attempts: attempt, errorCode: 'storage/unavailable' });
      delays.push(Date.parse(job!.runAt) - before);
      // Not before its time.
      expect(await work.runDue()).toMatchObject({ claimed: 0 });
      clock.set(new Date(job!.runAt));
    }
    // 10 s × 0.75, then 20 s capped at 15 s × 0.75.
    expect(delays).toEqual([7500, 11_250]);
    expect(await work.runDue()).toMatchObject({ claimed: 1, failed: 1 });
    expect(await jobRepository.find(db(), id)).toMatchObject({ state: 'failed', errorCode: 'storage/unavailable' });
    expect(shown).toEqual([`${id}:storage/unavailable:3`]);
    expect(await effects(id)).toBe(1);
    expect((await failures(id)).map((e) => [e.outcome, e.details])).toEqual([
      ['failure', { kind: 'production-offer', code: 'storage/unavailable', attempts: 3 }],
    ]);
    expect(lines.filter((l) => l['jobId'] === id).map((l) => [l['level'], l['code']])).toEqual([
      [40, 'storage/unavailable'],
      [40, 'storage/unavailable'],
      [50, 'storage/unavailable'],
    ]);
    expect(counted).toEqual(['production-offer:retry', 'production-offer:retry', 'production-offer:failed']);
  });

  it('gives up at once on an error no retry can cure', async () => {
    const id = await enqueue();
    const { telemetry } = recordingTelemetry();
    const shown: string[] = [];
    const work = runner(
      {
        run: async () => {
          throw new DomainError('auth/forbidden', 'may not export evidence');
        },
        failed: async (_tx, job, code) => void shown.push(`${job.attempts}:${code}`),
      },
      telemetry,
    );
    expect(await work.runDue()).toEqual({ claimed: 1, done: 0, retried: 0, failed: 1 });
    expect(shown).toEqual(['1:auth/forbidden']);
    expect(await jobRepository.find(db(), id)).toMatchObject({
      state: 'failed',
      errorDetail: 'may not export evidence',
    });
  });

  it('leaves a job held by a process that died until its lease runs out, then runs it again', async () => {
    const id = await enqueue();
    const [candidate] = (await jobRepository.due(db(), clock.now().toISOString(), 50)).filter((c) => c.id === id);
    // The dead process's claim: nothing will ever complete it.
    await jobRepository.claim(
      db(),
      candidate!,
      'dead-run',
      clock.now().toISOString(),
      new Date(clock.now().getTime() + 60_000).toISOString(),
    );
    const { telemetry } = recordingTelemetry();
    const ran: number[] = [];
    const work = runner(
      {
        run: async ({ job }) => void ran.push(job.attempts),
        failed: async () => undefined,
      },
      telemetry,
    );
    expect(await work.runDue()).toMatchObject({ claimed: 0 });
    clock.advance(60_000);
    expect(await work.runDue()).toMatchObject({ claimed: 1, done: 1 });
    expect(ran).toEqual([2]);
  });

  it('refuses the effect of a run that outran its lease while another run holds the job', async () => {
    const id = await enqueue();
    const { telemetry, counted } = recordingTelemetry();
    const finish = (run: Parameters<JobHandler['run']>[0], who: string) =>
      db()
        .transaction()
        .execute(async (tx) => {
          await effect(tx, `${run.job.id}:${who}`);
          await run.complete(tx);
        });
    let entered = (): void => undefined;
    const takenOver = new Promise<void>((resolve) => (entered = resolve));
    let release = (): void => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const takeOver = runner(
      {
        run: async (run) => {
          entered();
          await released;
          await finish(run, 'second');
        },
        failed: async () => undefined,
      },
      recordingTelemetry().telemetry,
    );
    const slow = runner(
      {
        run: async (run) => {
          // Stalled past its lease: another process claims the job and is still at work when this run ends.
          clock.advance(61_000);
          const second = takeOver.runDue();
          await takenOver;
          try {
            await finish(run, 'first');
          } finally {
            release();
            expect(await second).toMatchObject({ claimed: 1, done: 1 });
          }
        },
        failed: async () => undefined,
      },
      telemetry,
    );
    expect(await slow.runDue()).toEqual({ claimed: 1, done: 0, retried: 0, failed: 0 });
    expect([await effects(`${id}:first`), await effects(`${id}:second`)]).toEqual([0, 1]);
    expect(await jobRepository.find(db(), id)).toMatchObject({ state: 'done', attempts: 2 });
    expect(counted).toEqual(['jobs/lease-lost']);
  });

  it('gives up on a job that ended its process on every claim, without running it again', async () => {
    const id = await enqueue();
    for (let claim = 0; claim < settings.maxAttempts; claim += 1) {
      const [candidate] = (await jobRepository.due(db(), clock.now().toISOString(), 50)).filter((c) => c.id === id);
      await jobRepository.claim(
        db(),
        candidate!,
        `crash-${claim}`,
        clock.now().toISOString(),
        clock.now().toISOString(),
      );
      clock.advance(1000);
    }
    const { telemetry } = recordingTelemetry();
    let ran = false;
    const shown: string[] = [];
    const work = runner(
      {
        run: async () => void (ran = true),
        failed: async (_tx, job, code) => void shown.push(`${job.attempts}:${code}`),
      },
      telemetry,
    );
    expect(await work.runDue()).toMatchObject({ claimed: 1, failed: 1 });
    expect(ran).toBe(false);
    expect(shown).toEqual([`${settings.maxAttempts + 1}:bug/internal`]);
  });

  it('fails a job of a kind it does not know, visibly, rather than leaving it due forever', async () => {
    await jobRepository.insert(db(), {
      id: 'f0000000-0000-7000-8000-000000000001',
      kind: 'from-a-newer-version',
      payload: {},
      runAt: clock.now().toISOString(),
      createdAt: clock.now().toISOString(),
    });
    const { telemetry, lines } = recordingTelemetry();
    const work = runner({ run: async () => undefined, failed: async () => undefined }, telemetry);
    expect(await work.runDue()).toMatchObject({ claimed: 1, failed: 1 });
    expect(await failures('f0000000-0000-7000-8000-000000000001')).toHaveLength(1);
    expect(lines.find((l) => l['kind'] === 'from-a-newer-version')).toMatchObject({ code: 'bug/invariant-violated' });
  });
});
