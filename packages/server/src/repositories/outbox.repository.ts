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
   * Takes the message for one send under a new token, by one conditional UPDATE: it must still be
   * pending, unleased (or its lease ran out: the process holding it died) and unchanged since it was
   * read (the same attempts). Of two dispatch runs, in one process or in two on one database, only one
   * gets true; on PostgreSQL the second UPDATE waits for the first's row lock and then no longer matches.
   */
  async claim(db: Executor, message: OutboxRecord, token: string, now: string, leasedUntil: string): Promise<boolean> {
    const result = await db
      .updateTable('outbox')
      .set({ lease_token: token, leased_until: leasedUntil })
      .where('message_id', '=', message.messageId)
      .where('status', '=', 'pending')
      .where('attempts', '=', message.attempts)
      .where((eb) => eb.or([eb('leased_until', 'is', null), eb('leased_until', '<=', now)]))
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  },

  /** Gives a claim back unchanged (nothing was sent, nothing to record): the next run may take the message at once. */
  async release(db: Executor, messageId: string, token: string): Promise<void> {
    await db
      .updateTable('outbox')
      .set({ lease_token: null, leased_until: null })
      .where('message_id', '=', messageId)
      .where('lease_token', '=', token)
      .execute();
  },

  /**
   * Only a message still pending: a receipt and the expiry scan may race for the same message,
   * and whichever commits second must see that it lost (false) rather than overwrite.
   */
  async markDelivered(db: Executor, messageId: string, receipt: string, at: string): Promise<boolean> {
    const result = await db
      .updateTable('outbox')
      .set({ status: 'delivered', receipt, delivered_at: at, last_error: null, lease_token: null, leased_until: null })
      .where('message_id', '=', messageId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  },

  /**
   * Only a message still pending, as for markDelivered, and only by the run holding its claim (`token`): a run whose
   * lease ran out and was taken over changes nothing. Releases the claim.
   */
  async markRetry(
    db: Executor,
    messageId: string,
    token: string,
    outcome: { attempts: number; nextAttemptAt: string; error: string; failed: boolean },
  ): Promise<boolean> {
    const result = await db
      .updateTable('outbox')
      .set({
        attempts: outcome.attempts,
        next_attempt_at: outcome.nextAttemptAt,
        last_error: outcome.error.slice(0, 1000),
        status: outcome.failed ? 'failed' : 'pending',
        lease_token: null,
        leased_until: null,
      })
      .where('message_id', '=', messageId)
      .where('status', '=', 'pending')
      .where('lease_token', '=', token)
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
