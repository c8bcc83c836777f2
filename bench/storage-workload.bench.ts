import { randomBytes, randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import type { AuditEntry } from '@hanoi247/core';
import {
  auditRepository,
  hashSecret,
  migrateToLatest,
  openDatabase,
  sessionRepository,
  userRepository,
  type Db,
} from '@hanoi247/server';
import { createTestDatabase, type TestDatabase } from '@hanoi247/testkit';
import { positiveNumberFromEnv, progress, type Benchmark, type BenchResult } from './report.js';

const name = 'storage-conformance-workload';
const defaultPostgresUrl = 'postgres://postgres@127.0.0.1:5432/postgres';
/** Uncounted iterations first: PostgreSQL opens pool connections and both engines warm caches. */
const warmUpIterations = 20;

type UserRecord = Parameters<typeof userRepository.insert>[1];
type SessionRecord = Parameters<typeof sessionRepository.insert>[1];

interface Iteration {
  readonly user: UserRecord;
  readonly audit: AuditEntry;
  readonly session: SessionRecord;
  readonly sessionTokenHash: string;
}

/**
 * A real argon2id string, computed once: hashing per iteration would measure argon2, not
 * storage, and it is the same opaque text column either way.
 */
const passwordHash = '$argon2id$v=19$m=8192,t=1,p=1$YmVuY2gtc2FsdC0wMDAx$1Hc3yDq1O1mC7bGQhV5pQ8nI8kRkqS0b2o8wJ9aYxq0';

function isoAt(base: number, offsetMs: number): string {
  return new Date(base + offsetMs).toISOString();
}

/** Inputs are built before the clock starts, so only repository calls are timed. */
function buildIterations(prefix: string, count: number): Iteration[] {
  const base = Date.parse('2026-11-22T08:00:00Z');
  return Array.from({ length: count }, (_, i) => {
    const userId = randomUUID();
    const at = isoAt(base, i);
    const user: UserRecord = {
      id: userId,
      username: `${prefix}_${i}`,
      displayName: `Bench officer ${i}`,
      roles: ['duty_officer'],
      passwordHash,
      totpSecret: null,
      totpLastStep: null,
      status: 'active',
      createdAt: at,
      updatedAt: at,
    };
    const audit: AuditEntry = {
      id: randomUUID(),
      occurredAt: at,
      actorType: 'system',
      actorId: null,
      actorName: 'bench',
      action: 'user.created',
      objectType: 'user',
      objectId: userId,
      purpose: null,
      outcome: 'success',
      requestId: null,
      details: { username: user.username, roles: ['duty_officer'] },
    };
    const session: SessionRecord = {
      id: randomUUID(),
      userId,
      csrfToken: randomBytes(24).toString('base64url'),
      createdAt: at,
      lastSeenAt: at,
      idleExpiresAt: isoAt(base, i + 3_600_000),
      absoluteExpiresAt: isoAt(base, i + 43_200_000),
      revokedAt: null,
    };
    return { user, audit, session, sessionTokenHash: hashSecret(`h247s_${randomBytes(32).toString('base64url')}`) };
  });
}

/** The same four steps a user creation and first sign-in put on storage. */
async function runIteration(db: Db, step: Iteration): Promise<void> {
  // User and audit row commit together, as the user service does: no user without its audit trail.
  await db.transaction().execute(async (tx) => {
    await userRepository.insert(tx, step.user);
    await auditRepository.append(tx, step.audit);
  });
  const found = await userRepository.findByUsername(db, step.user.username);
  if (found?.id !== step.user.id) throw new Error(`user ${step.user.username} was not read back`);
  await sessionRepository.insert(db, step.session, step.sessionTokenHash);
  const session = await sessionRepository.findByTokenHash(db, step.sessionTokenHash);
  if (session?.userId !== step.user.id) throw new Error(`session of ${step.user.username} was not read back`);
}

async function measureBackend(database: TestDatabase, iterations: number): Promise<number> {
  const handle = openDatabase(database);
  try {
    await migrateToLatest(handle);
    for (const step of buildIterations('warm', warmUpIterations)) await runIteration(handle.db, step);
    const steps = buildIterations('bench', iterations);
    const started = process.hrtime.bigint();
    for (const step of steps) await runIteration(handle.db, step);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const rate = iterations / seconds;
    progress(
      name,
      `${database.backend}: ${iterations} iterations in ${seconds.toFixed(3)} s = ${rate.toFixed(1)} iterations/s`,
    );
    return rate;
  } finally {
    await handle.close();
  }
}

/** Fresh database, measured, then dropped whatever happened. */
async function measureFresh(database: TestDatabase, iterations: number): Promise<number> {
  try {
    return await measureBackend(database, iterations);
  } finally {
    await database.drop();
  }
}

function postgresServerUrl(): string {
  for (const key of ['TEST_DATABASE_URL', 'BENCH_DATABASE_URL']) {
    const value = process.env[key];
    if (value !== undefined && value !== '') return value;
  }
  return defaultPostgresUrl;
}

/** A bounded TCP probe first: pg's client has no connect timeout and could hang the run. */
async function portOpen(url: string, timeoutMs = 3000): Promise<boolean> {
  const parsed = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: parsed.hostname || '127.0.0.1', port: Number(parsed.port || 5432) });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Null when PostgreSQL cannot be reached; the caller then skips instead of inventing a baseline. */
async function freshPostgres(): Promise<TestDatabase | null> {
  const url = postgresServerUrl();
  // createTestDatabase reads only TEST_DATABASE_URL, so the chosen server is passed through it.
  process.env['TEST_DATABASE_URL'] = url;
  const where = new URL(url);
  const label = `${where.hostname}:${where.port || '5432'}`;
  if (!(await portOpen(url))) {
    progress(name, `PostgreSQL at ${label} is unreachable (no TCP connection); skipping, no result line`);
    return null;
  }
  try {
    return await createTestDatabase('postgres');
  } catch (error) {
    progress(name, `PostgreSQL at ${label} is unreachable (${(error as Error).message}); skipping, no result line`);
    return null;
  }
}

async function run(): Promise<BenchResult | null> {
  const iterations = Math.floor(positiveNumberFromEnv('BENCH_ITERATIONS', 300));
  progress(
    name,
    `${iterations} iterations per backend (PostgreSQL, then SQLite), after ${warmUpIterations} warm-up iterations each`,
  );
  // PostgreSQL first: if it is missing there is nothing to compare, so SQLite is not run for nothing.
  const postgres = await freshPostgres();
  if (postgres === null) return null;
  const postgresRate = await measureFresh(postgres, iterations);
  const sqliteRate = await measureFresh(await createTestDatabase('sqlite'), iterations);
  return { value: sqliteRate, baseline: postgresRate, unit: 'iterations/s' };
}

export const storageWorkloadBenchmark: Benchmark = {
  name,
  description: 'iterations/s of a user+audit+session workload through the repositories on SQLite versus PostgreSQL',
  run,
};
