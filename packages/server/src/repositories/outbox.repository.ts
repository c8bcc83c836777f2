import type { Executor, OutboxTable } from '../db/database-schema.js';

export type OutboxRecord = {
  readonly messageId: string;
  readonly toCountry: string;
  readonly type: string;
  readonly requestId: string | null;
  readonly envelope: string | null;
  readonly envelopeDigest: string | null;
  readonly status: OutboxTable['status'];
  readonly priorityRank: number;
  readonly attempts: number;
  readonly nextAttemptAt: string;
  readonly lastError: string | null;
  readonly receipt: string | null;
  readonly createdAt: string;
  readonly deliveredAt: string | null;
};

const toRecord = (r: OutboxTable): OutboxRecord => ({
  messageId: r.message_id,
  toCountry: r.to_country,
  type: r.type,
  requestId: r.request_id,
  envelope: r.envelope,
  envelopeDigest: r.envelope_digest,
  status: r.status,
  priorityRank: Number(r.priority_rank),
  attempts: Number(r.attempts),
  nextAttemptAt: r.next_attempt_at,
  lastError: r.last_error,
  receipt: r.receipt,
  createdAt: r.created_at,
  deliveredAt: r.delivered_at,
});

/** Written in the same transaction as the business change; delivered after commit, identical bytes on every retry. */
export const outboxRepository = {
  async insert(db: Executor, m: OutboxRecord): Promise<void> {
    await db
      .insertInto('outbox')
      .values({
        message_id: m.messageId,
        to_country: m.toCountry,
        type: m.type,
        request_id: m.requestId,
        envelope: m.envelope,
        envelope_digest: m.envelopeDigest,
        status: m.status,
        priority_rank: m.priorityRank,
        attempts: m.attempts,
        next_attempt_at: m.nextAttemptAt,
        last_error: m.lastError,
        receipt: m.receipt,
        created_at: m.createdAt,
        delivered_at: m.deliveredAt,
      })
      .execute();
  },

  /** Partners with at least one message due: the dispatcher then works through each one's queue in order. */
  async dueCountries(db: Executor, now: string): Promise<string[]> {
    const rows = await db
      .selectFrom('outbox')
      .select('to_country')
      .distinct()
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .orderBy('to_country')
      .execute();
    return rows.map((r) => r.to_country);
  },

  /** The due messages for one partner, most urgent first, then oldest. */
  async dueFor(db: Executor, country: string, now: string, limit: number): Promise<OutboxRecord[]> {
    const rows = await db
      .selectFrom('outbox')
      .selectAll()
      .where('status', '=', 'pending')
      .where('to_country', '=', country)
      .where('next_attempt_at', '<=', now)
      .orderBy('priority_rank')
      .orderBy('created_at')
      .orderBy('message_id')
      .limit(limit)
      .execute();
    return rows.map(toRecord);
  },

  async find(db: Executor, messageId: string): Promise<OutboxRecord | undefined> {
    const row = await db.selectFrom('outbox').selectAll().where('message_id', '=', messageId).executeTakeFirst();
    return row && toRecord(row);
  },

  /** The request's messages the partner acknowledged with a signed receipt, in sending order. */
  async deliveredForRequest(db: Executor, requestId: string): Promise<OutboxRecord[]> {
    const rows = await db
      .selectFrom('outbox')
      .selectAll()
      .where('request_id', '=', requestId)
      .where('receipt', 'is not', null)
      .orderBy('created_at')
      .orderBy('message_id')
      .execute();
    return rows.map(toRecord);
  },

  /** Everything waiting for a partner, whatever its retry time: a pull takes it now. */
  async pendingFor(db: Executor, country: string, limit: number): Promise<OutboxRecord[]> {
    const rows = await db
      .selectFrom('outbox')
      .selectAll()
      .where('status', '=', 'pending')
      .where('to_country', '=', country)
      .orderBy('priority_rank')
      .orderBy('created_at')
      .orderBy('message_id')
      .limit(limit)
      .execute();
    return rows.map(toRecord);
  },

  /**
   * Only a message still pending: a receipt and the expiry scan may race for the same message,
   * and whichever commits second must see that it lost (false) rather than overwrite.
   */
  async markDelivered(db: Executor, messageId: string, receipt: string, at: string): Promise<boolean> {
    const result = await db
      .updateTable('outbox')
      .set({ status: 'delivered', receipt, delivered_at: at, last_error: null })
      .where('message_id', '=', messageId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  },

  /** Only a message still pending, as for markDelivered. */
  async markRetry(
    db: Executor,
    messageId: string,
    attempts: number,
    nextAttemptAt: string,
    error: string,
    failed: boolean,
  ): Promise<boolean> {
    const result = await db
      .updateTable('outbox')
      .set({
        attempts,
        next_attempt_at: nextAttemptAt,
        last_error: error.slice(0, 1000),
        status: failed ? 'failed' : 'pending',
      })
      .where('message_id', '=', messageId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  },

  async byStatus(db: Executor, statuses: readonly OutboxTable['status'][], limit: number): Promise<OutboxRecord[]> {
    const rows = await db
      .selectFrom('outbox')
      .selectAll()
      .where('status', 'in', [...statuses])
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toRecord);
  },

  /** The oldest message still waiting and the latest delivery: how stuck the queue is, at a glance. */
  async extremes(db: Executor): Promise<{ oldestPendingAt: string | null; lastDeliveredAt: string | null }> {
    const oldest = await db
      .selectFrom('outbox')
      .select((eb) => eb.fn.min('created_at').as('at'))
      .where('status', '=', 'pending')
      .executeTakeFirst();
    const last = await db
      .selectFrom('outbox')
      .select((eb) => eb.fn.max('delivered_at').as('at'))
      .where('status', '=', 'delivered')
      .executeTakeFirst();
    return { oldestPendingAt: oldest?.at ?? null, lastDeliveredAt: last?.at ?? null };
  },

  async counts(db: Executor): Promise<Record<string, number>> {
    const rows = await db
      .selectFrom('outbox')
      .select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
      .groupBy('status')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  },
};
