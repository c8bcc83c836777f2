import type { LedgerLeafKind } from '@hanoi247/core';
import type { Executor } from '../db/database-schema.js';
import { powerOfTwoChunks } from '../db/power-of-two-chunks.js';

export interface PendingLeaf {
  readonly seq: number;
  readonly kind: LedgerLeafKind;
  readonly refId: string;
  readonly leafData: string;
  readonly queuedAt: string;
}

/**
 * Leaves waiting for the sequencer. A service queues its leaf in the same transaction as
 * the fact it records, so a committed custody event always reaches the log.
 */
export const ledgerPendingRepository = {
  async enqueue(db: Executor, leaf: Omit<PendingLeaf, 'seq'>): Promise<void> {
    await db
      .insertInto('ledger_pending')
      .values({ kind: leaf.kind, ref_id: leaf.refId, leaf_data: leaf.leafData, queued_at: leaf.queuedAt })
      .execute();
  },

  async oldest(db: Executor, limit: number): Promise<PendingLeaf[]> {
    const rows = await db.selectFrom('ledger_pending').selectAll().orderBy('seq').limit(limit).execute();
    return rows.map((r) => ({
      seq: Number(r.seq),
      kind: r.kind as LedgerLeafKind,
      refId: r.ref_id,
      leafData: r.leaf_data,
      queuedAt: r.queued_at,
    }));
  },

  /**
   * Removes exactly the rows a sequencer consumed. Not a range: on PostgreSQL a row with a
   * lower seq may commit after the sequencer read the queue, and must stay for the next run.
   * Returns how many were removed; fewer than asked means another sequencer took them.
   */
  async remove(db: Executor, seqs: readonly number[]): Promise<number> {
    let removed = 0;
    for (const chunk of powerOfTwoChunks(seqs, 256)) {
      const result = await db.deleteFrom('ledger_pending').where('seq', 'in', chunk).executeTakeFirst();
      removed += Number(result.numDeletedRows);
    }
    return removed;
  },

  async count(db: Executor): Promise<number> {
    const row = await db
      .selectFrom('ledger_pending')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
};
