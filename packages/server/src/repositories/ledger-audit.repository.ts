import { sql } from 'kysely';
import type { Db, Dialect, Executor } from '../db/database-schema.js';
import { powerOfTwoChunks } from '../db/power-of-two-chunks.js';

/** What an audit leaf is made of (auditLeafData), read from the audit entry. */
export interface AuditLeafSource {
  readonly seq: number;
  readonly id: string;
  readonly digest: string;
  readonly occurredAt: string;
}

/** Kept in the counters table, written only by the sequencer, in the transaction that adds the leaves. */
const watermarkName = 'ledger.audit-seq';

/**
 * The audit log reaches the ledger without any write on the audit path: the sequencer takes
 * entries above a watermark (the highest seq already logged) in seq order. The watermark is
 * one row, updated once per sequencer run, never per audit append.
 */
export const ledgerAuditRepository = {
  async watermark(db: Executor): Promise<number> {
    const row = await db.selectFrom('counters').select('value').where('name', '=', watermarkName).executeTakeFirst();
    return row === undefined ? 0 : Number(row.value);
  },

  async setWatermark(db: Executor, seq: number): Promise<void> {
    await db
      .insertInto('counters')
      .values({ name: watermarkName, value: seq })
      .onConflict((oc) => oc.column('name').doUpdateSet({ value: seq }))
      .execute();
  },

  /**
   * The highest audit seq below which no transaction can still commit an entry. SQLite writers
   * are serialised (BEGIN IMMEDIATE), so seq order is commit order: every visible entry is
   * settled. On PostgreSQL a transaction holding seq 5 may commit after one holding seq 6; a
   * watermark past 6 would then skip 5 forever. SHARE mode waits for every transaction that
   * inserted audit entries to end (and holds new inserts for the moment it takes to read the
   * maximum), in its own short transaction. A busy table yields 0: no audit leaves this run.
   */
  async settledSeq(db: Db, dialect: Dialect): Promise<number> {
    if (dialect === 'sqlite') return Number.MAX_SAFE_INTEGER;
    try {
      return await db.transaction().execute(async (tx) => {
        await sql`set local lock_timeout = '200ms'`.execute(tx);
        await sql`lock table audit_entries in share mode`.execute(tx);
        const row = await tx
          .selectFrom('audit_entries')
          .select((eb) => eb.fn.max('seq').as('seq'))
          .executeTakeFirst();
        return Number(row?.seq ?? 0);
      });
    } catch (error) {
      if ((error as { code?: unknown }).code === '55P03') return 0;
      throw error;
    }
  },

  /** Entries not yet logged, oldest first. */
  async unsequenced(db: Executor, afterSeq: number, upToSeq: number, limit: number): Promise<AuditLeafSource[]> {
    if (limit <= 0 || upToSeq <= afterSeq) return [];
    const rows = await db
      .selectFrom('audit_entries')
      .select(['seq', 'id', 'digest', 'occurred_at'])
      .where('seq', '>', afterSeq)
      .where('seq', '<=', upToSeq)
      .orderBy('seq')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ seq: Number(r.seq), id: r.id, digest: r.digest, occurredAt: r.occurred_at }));
  },

  /** The stored canonical text and digest of entries, for `ledger verify`'s comparison with their leaves. */
  async entries(
    db: Executor,
    ids: readonly string[],
  ): Promise<Map<string, { readonly seq: number; readonly canonical: string; readonly digest: string }>> {
    const found = new Map<string, { seq: number; canonical: string; digest: string }>();
    for (const chunk of powerOfTwoChunks(ids, 256)) {
      const rows = await db
        .selectFrom('audit_entries')
        .select(['seq', 'id', 'canonical', 'digest'])
        .where('id', 'in', chunk)
        .execute();
      for (const r of rows) found.set(r.id, { seq: Number(r.seq), canonical: r.canonical, digest: r.digest });
    }
    return found;
  },

  /** How many audit entries the watermark covers: all of them must be leaves. */
  async countThrough(db: Executor, seq: number): Promise<number> {
    const row = await db
      .selectFrom('audit_entries')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('seq', '<=', seq)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
};
