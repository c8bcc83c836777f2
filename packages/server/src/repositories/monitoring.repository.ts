import type { Executor } from '../db/database-schema.js';

export type ClockTable = 'deadlines' | 'order_deadlines';

export interface StatusCount {
  readonly status: string;
  readonly count: number;
}

/** Leaves waiting for the sequencer, and when the oldest of them was written. */
export interface Backlog {
  readonly count: number;
  readonly oldestAt: string | null;
}

export interface PartnerQueueRow {
  readonly partner: string;
  readonly status: 'pending' | 'failed' | 'undeliverable';
  readonly count: number;
  readonly oldestCreatedAt: string | null;
}

/**
 * Read-only numbers for the Prometheus endpoint, read at every scrape: each query stays on a
 * primary key, a status index or a queue that is short when the node is healthy. No personal data.
 */
export const monitoringRepository = {
  /** Through the (status, due_at) index of each clock table. */
  async deadlinesByStatus(db: Executor, table: ClockTable, statuses: readonly string[]): Promise<StatusCount[]> {
    const rows = await db
      .selectFrom(table)
      .select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('status', 'in', [...statuses])
      .groupBy('status')
      .execute();
    return rows.map((r) => ({ status: r.status, count: Number(r.n) }));
  },

  /** Leaves in the log: the highest index plus one, read from the primary key rather than counted. */
  async ledgerLeaves(db: Executor): Promise<number> {
    const row = await db
      .selectFrom('ledger_leaves')
      .select('leaf_index')
      .orderBy('leaf_index', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row === undefined ? 0 : Number(row.leaf_index) + 1;
  },

  /** Custody leaves queued but not yet sequenced, and when the oldest of them was queued. */
  async custodyBacklog(db: Executor): Promise<Backlog> {
    const row = await db
      .selectFrom('ledger_pending')
      .select([(eb) => eb.fn.countAll<number | string>().as('n'), (eb) => eb.fn.min('queued_at').as('oldest')])
      .executeTakeFirstOrThrow();
    return { count: Number(row.n), oldestAt: row.oldest ?? null };
  },

  /** Audit entries above the sequencer's watermark (ledger-audit.repository.ts): a primary-key range. */
  async auditBacklog(db: Executor, watermark: number): Promise<Backlog> {
    const row = await db
      .selectFrom('audit_entries')
      .select([(eb) => eb.fn.countAll<number | string>().as('n'), (eb) => eb.fn.min('occurred_at').as('oldest')])
      .where('seq', '>', watermark)
      .executeTakeFirstOrThrow();
    return { count: Number(row.n), oldestAt: row.oldest ?? null };
  },

  /** Content of live items, each content address once, as the store keeps it once (plaintext size). */
  async evidenceStoredBytes(db: Executor): Promise<number> {
    const row = await db
      .selectFrom((eb) =>
        eb
          .selectFrom('evidence_items')
          .select(['sha256', (inner) => inner.fn.max('size').as('size')])
          .where('erased_at', 'is', null)
          .groupBy('sha256')
          .as('contents'),
      )
      .select((eb) => eb.fn.sum<number | string | null>('size').as('bytes'))
      .executeTakeFirstOrThrow();
    return row.bytes === null ? 0 : Number(row.bytes);
  },

  /** Messages not delivered, per partner and status, through the outbox's status index. */
  async undeliveredByPartner(db: Executor): Promise<PartnerQueueRow[]> {
    const rows = await db
      .selectFrom('outbox')
      .select([
        'to_country',
        'status',
        (eb) => eb.fn.countAll<number | string>().as('n'),
        (eb) => eb.fn.min('created_at').as('oldest'),
      ])
      .where('status', 'in', ['pending', 'failed', 'undeliverable'])
      .groupBy(['to_country', 'status'])
      .execute();
    return rows.map((r) => ({
      partner: r.to_country,
      status: r.status as PartnerQueueRow['status'],
      count: Number(r.n),
      oldestCreatedAt: r.oldest ?? null,
    }));
  },

  /** Partners we send to: each gets its series even when nothing waits for it. */
  async activePartners(db: Executor): Promise<string[]> {
    const rows = await db.selectFrom('peers').select('country').where('status', '=', 'active').execute();
    return rows.map((r) => r.country);
  },
};
