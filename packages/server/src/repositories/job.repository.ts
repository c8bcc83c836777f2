import type { JsonValue } from '@hanoi247/core';
import type { Executor, JobsTable } from '../db/database-schema.js';

export type JobState = JobsTable['state'];

export interface JobRecord {
  readonly id: string;
  readonly kind: string;
  readonly payload: JsonValue;
  readonly state: JobState;
  /** Claims so far, this one included: a run that crashed the process counts too. */
  readonly attempts: number;
  readonly runAt: string;
  readonly leaseToken: string | null;
  readonly leasedUntil: string | null;
  readonly errorCode: string | null;
  readonly errorDetail: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly finishedAt: string | null;
}

export interface NewJob {
  readonly id: string;
  readonly kind: string;
  readonly payload: JsonValue;
  readonly runAt: string;
  readonly createdAt: string;
}

/** A due job as first seen, before the claim: the claim succeeds only if nobody claimed it since. */
export interface JobCandidate {
  readonly id: string;
  readonly leaseToken: string | null;
}

const toRecord = (r: JobsTable): JobRecord => ({
  id: r.id,
  kind: r.kind,
  payload: JSON.parse(r.payload) as JsonValue,
  state: r.state,
  attempts: Number(r.attempts),
  runAt: r.run_at,
  leaseToken: r.lease_token,
  leasedUntil: r.leased_until,
  errorCode: r.error_code,
  errorDetail: r.error_detail,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  finishedAt: r.finished_at,
});

/**
 * Durable jobs (ADR 0009). Written in the business transaction; claimed by compare-and-set on the
 * lease token, so of two processes on one PostgreSQL database only one wins a claim; every later
 * write of a run names the token it claimed with, so a run whose lease ran out changes nothing.
 */
export const jobRepository = {
  async insert(db: Executor, job: NewJob): Promise<void> {
    await db
      .insertInto('jobs')
      .values({
        id: job.id,
        kind: job.kind,
        payload: JSON.stringify(job.payload),
        state: 'pending',
        attempts: 0,
        run_at: job.runAt,
        lease_token: null,
        leased_until: null,
        error_code: null,
        error_detail: null,
        created_at: job.createdAt,
        updated_at: job.createdAt,
        finished_at: null,
      })
      .execute();
  },

  async find(db: Executor, id: string): Promise<JobRecord | undefined> {
    const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  },

  /** Pending, due and not leased (or the lease ran out: the process holding it died), oldest first. */
  async due(db: Executor, now: string, limit: number): Promise<JobCandidate[]> {
    const rows = await db
      .selectFrom('jobs')
      .select(['id', 'lease_token'])
      .where('state', '=', 'pending')
      .where('run_at', '<=', now)
      .where((eb) => eb.or([eb('leased_until', 'is', null), eb('leased_until', '<=', now)]))
      .orderBy('run_at')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ id: r.id, leaseToken: r.lease_token }));
  },

  /** Takes the job for one run under a new token, or undefined when another run took it first. */
  async claim(
    db: Executor,
    candidate: JobCandidate,
    token: string,
    now: string,
    leasedUntil: string,
  ): Promise<JobRecord | undefined> {
    const result = await db
      .updateTable('jobs')
      .set((eb) => ({
        lease_token: token,
        leased_until: leasedUntil,
        attempts: eb('attempts', '+', 1),
        updated_at: now,
      }))
      .where('id', '=', candidate.id)
      .where('state', '=', 'pending')
      .where((eb) =>
        candidate.leaseToken === null ? eb('lease_token', 'is', null) : eb('lease_token', '=', candidate.leaseToken),
      )
      .where((eb) => eb.or([eb('leased_until', 'is', null), eb('leased_until', '<=', now)]))
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) return undefined;
    const row = await db
      .selectFrom('jobs')
      .selectAll()
      .where('id', '=', candidate.id)
      .where('lease_token', '=', token)
      .executeTakeFirst();
    return row && toRecord(row);
  },

  /** Done, only by the run holding the lease: false means another run owns the job now. */
  async complete(db: Executor, id: string, token: string, now: string): Promise<boolean> {
    const result = await db
      .updateTable('jobs')
      .set({
        state: 'done',
        leased_until: null,
        error_code: null,
        error_detail: null,
        updated_at: now,
        finished_at: now,
      })
      .where('id', '=', id)
      .where('state', '=', 'pending')
      .where('lease_token', '=', token)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  },

  /** Back to pending at `runAt`, the error kept for operators; fenced like complete. */
  async retryLater(
    db: Executor,
    id: string,
    token: string,
    runAt: string,
    error: { readonly code: string; readonly detail: string },
    now: string,
  ): Promise<boolean> {
    const result = await db
      .updateTable('jobs')
      .set({
        run_at: runAt,
        leased_until: null,
        error_code: error.code,
        error_detail: error.detail.slice(0, 1000),
        updated_at: now,
      })
      .where('id', '=', id)
      .where('state', '=', 'pending')
      .where('lease_token', '=', token)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  },

  /** Given up: the job's own failure hook shows it where it matters, in the same transaction. */
  async fail(
    db: Executor,
    id: string,
    token: string,
    error: { readonly code: string; readonly detail: string },
    now: string,
  ): Promise<boolean> {
    const result = await db
      .updateTable('jobs')
      .set({
        state: 'failed',
        leased_until: null,
        error_code: error.code,
        error_detail: error.detail.slice(0, 1000),
        updated_at: now,
        finished_at: now,
      })
      .where('id', '=', id)
      .where('state', '=', 'pending')
      .where('lease_token', '=', token)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  },

  /** Jobs by kind and state, for the metrics. */
  async counts(db: Executor): Promise<{ kind: string; state: JobState; count: number }[]> {
    const rows = await db
      .selectFrom('jobs')
      .select(['kind', 'state', (eb) => eb.fn.countAll<number | string>().as('n')])
      .groupBy(['kind', 'state'])
      .execute();
    return rows.map((r) => ({ kind: r.kind, state: r.state, count: Number(r.n) }));
  },
};
