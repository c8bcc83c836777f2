import { DomainError, isDomainError, kindOf, type JsonValue } from '@hanoi247/core';
import type { Tx } from '../db/database-schema.js';
import { auditRepository } from '../repositories/audit.repository.js';
import { jobRepository, type JobRecord } from '../repositories/job.repository.js';
import type { Telemetry } from '../telemetry.js';
import { auditEntryFor, type ServiceRuntime } from './service-runtime.js';

/** Every kind of durable job this node knows; a row of another kind fails visibly rather than waiting forever. */
export const jobKinds = ['production-offer'] as const;
export type JobKind = (typeof jobKinds)[number];

/** One claimed run of a job. */
export interface JobRun {
  readonly job: JobRecord;
  /**
   * Call inside the transaction that commits the job's effect: the job is done exactly when the
   * effect is. Throws `job/lease-lost` (rolling the effect back) when another run owns the job now.
   */
  readonly complete: (tx: Tx) => Promise<void>;
}

export interface JobHandler {
  /** Carries the effect out. A crash may make it run again: it must find what a first run did. */
  readonly run: (run: JobRun) => Promise<void>;
  /** Shows a final failure where an officer works, in the transaction that marks the job failed. */
  readonly failed: (tx: Tx, job: JobRecord, code: string) => Promise<void>;
}

export interface JobSettings {
  /** How long a claim holds: a process that died holding one leaves it to others after this. */
  readonly leaseSeconds: number;
  readonly maxAttempts: number;
  readonly retryBaseSeconds: number;
  readonly retryMaxSeconds: number;
}

export interface JobRunnerDeps extends ServiceRuntime {
  readonly handlers: Readonly<Record<JobKind, JobHandler>>;
  readonly settings: JobSettings;
  readonly telemetry: Telemetry;
  /** Jitter source in [0, 1); injected so tests are deterministic. */
  readonly random?: () => number;
}

export interface JobSummary {
  readonly claimed: number;
  readonly done: number;
  readonly retried: number;
  readonly failed: number;
}

/** Writes the job in the caller's transaction: the change and the promise of its effect commit together. */
export async function enqueueJob(
  tx: Tx,
  runtime: Pick<ServiceRuntime, 'clock' | 'ids'>,
  kind: JobKind,
  payload: JsonValue,
): Promise<string> {
  const id = runtime.ids();
  const now = runtime.clock.now().toISOString();
  await jobRepository.insert(tx, { id, kind, payload, runAt: now, createdAt: now });
  return id;
}

/** Worth another attempt: the store or a partner was unavailable, or a concurrent writer won a race. */
function transient(error: unknown): boolean {
  if (!isDomainError(error)) return true;
  return (
    ['unavailable', 'bug', 'rate-limited'].includes(kindOf(error.code)) ||
    ['ledger/sequencer-conflict', 'request/concurrent-change', 'order/concurrent-change'].includes(error.code)
  );
}

const isKnown = (kind: string, handlers: object): kind is JobKind => Object.hasOwn(handlers, kind);

/**
 * Runs due durable jobs (ADR 0009): each claimed under a fenced lease, retried with exponential
 * back-off and jitter while its error is transient, and on giving up shown by its own handler
 * where the officer works, audited, logged and counted.
 */
export function createJobRunner(deps: JobRunnerDeps) {
  const { db, clock, ids, settings } = deps;
  const { log, metrics } = deps.telemetry;
  const random = deps.random ?? Math.random;
  const at = (offsetSeconds = 0) => new Date(clock.now().getTime() + offsetSeconds * 1000).toISOString();

  async function giveUp(job: JobRecord, token: string, code: string, detail: string, error: unknown): Promise<void> {
    const settled = await db.transaction().execute(async (tx) => {
      if (!(await jobRepository.fail(tx, job.id, token, { code, detail }, at()))) return false;
      if (isKnown(job.kind, deps.handlers)) await deps.handlers[job.kind].failed(tx, job, code);
      await auditRepository.append(
        tx,
        auditEntryFor(
          deps,
          { principal: null, requestId: null },
          {
            action: 'job.failed',
            objectType: 'job',
            objectId: job.id,
            actorType: 'system',
            actorName: 'jobs',
            outcome: 'failure',
            details: { kind: job.kind, code, attempts: job.attempts },
          },
        ),
      );
      return true;
    });
    if (!settled) return leaseLost(job);
    metrics.jobRun(job.kind, 'failed');
    log.error({ err: error, jobId: job.id, kind: job.kind, code, attempts: job.attempts }, 'a durable job gave up');
    deps.commits?.committed('requests');
  }

  function leaseLost(job: JobRecord): void {
    metrics.backgroundError('jobs', 'lease-lost');
    log.warn({ jobId: job.id, kind: job.kind }, 'a durable job outran its lease; the run that owns it now decides');
  }

  /** Returns how the run ended. */
  async function runOne(job: JobRecord, token: string): Promise<'done' | 'retry' | 'failed' | 'lost'> {
    if (!isKnown(job.kind, deps.handlers)) {
      await giveUp(job, token, 'bug/invariant-violated', `no handler for jobs of kind ${job.kind}`, null);
      return 'failed';
    }
    if (job.attempts > settings.maxAttempts) {
      // Claimed that often without an outcome: each run ended its process or outran its lease.
      await giveUp(job, token, 'bug/internal', `no run finished in ${job.attempts - 1} claims`, null);
      return 'failed';
    }
    const handler = deps.handlers[job.kind];
    try {
      await handler.run({
        job,
        complete: async (tx) => {
          if (!(await jobRepository.complete(tx, job.id, token, at()))) {
            throw new DomainError('job/lease-lost', `job ${job.id} is owned by another run now`);
          }
        },
      });
      if (!(await jobRepository.complete(db, job.id, token, at()))) {
        // Completed with its effect already (the usual case), or the lease ran out: only the latter is news.
        if ((await jobRepository.find(db, job.id))?.state !== 'done') {
          leaseLost(job);
          return 'lost';
        }
      }
      metrics.jobRun(job.kind, 'done');
      return 'done';
    } catch (error) {
      const code = isDomainError(error) ? error.code : 'bug/internal';
      const detail = error instanceof Error ? error.message : String(error);
      if (code === 'job/lease-lost') {
        leaseLost(job);
        return 'lost';
      }
      if (!transient(error) || job.attempts >= settings.maxAttempts) {
        await giveUp(job, token, code, detail, error);
        return 'failed';
      }
      const delay =
        Math.min(settings.retryMaxSeconds, settings.retryBaseSeconds * 2 ** (job.attempts - 1)) * (0.5 + random() / 2);
      if (!(await jobRepository.retryLater(db, job.id, token, at(delay), { code, detail }, at()))) {
        leaseLost(job);
        return 'lost';
      }
      metrics.jobRun(job.kind, 'retry');
      log.warn(
        { err: error, jobId: job.id, kind: job.kind, code, attempts: job.attempts },
        'a durable job failed; retrying',
      );
      return 'retry';
    }
  }

  return {
    /** Jobs by kind and state, for the metrics. */
    counts: () => jobRepository.counts(db),

    /** One pass over the due jobs, oldest first; a job another process claimed first is left to it. */
    async runDue(batch = 20): Promise<JobSummary> {
      const summary = { claimed: 0, done: 0, retried: 0, failed: 0 };
      for (const candidate of await jobRepository.due(db, at(), batch)) {
        const token = ids();
        const job = await jobRepository.claim(db, candidate, token, at(), at(settings.leaseSeconds));
        if (job === undefined) continue;
        summary.claimed += 1;
        let outcome;
        try {
          outcome = await runOne(job, token);
        } catch (error) {
          // Recording the outcome failed (the store went away): the lease runs out and the job runs again.
          metrics.backgroundError('jobs', 'outcome-unrecorded');
          log.error(
            { err: error, jobId: job.id, kind: job.kind },
            'the outcome of a durable job could not be recorded',
          );
          continue;
        }
        if (outcome === 'done') summary.done += 1;
        else if (outcome === 'retry') summary.retried += 1;
        else if (outcome === 'failed') summary.failed += 1;
      }
      return summary;
    },
  };
}

export type JobRunner = ReturnType<typeof createJobRunner>;
