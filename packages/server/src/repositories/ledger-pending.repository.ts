import type { LedgerLeafKind } from '@hanoi247/core';
import type { Executor } from '../db/database-schema.js';

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
    await db.insertInto('ledger_pending').values({ kind: leaf.kind, ref_id: leaf.refId, leaf_data: leaf.leafData, queued_at: leaf.queuedAt }).execute();
  },

  async oldest(db: Executor, limit: number): Promise<PendingLeaf[]> {
    const rows = await db.selectFrom('ledger_pending').selectAll().orderBy('seq').limit(limit).execute();
    return rows.map((r) => ({ seq: Number(r.seq), kind: r.kind as LedgerLeafKind, refId: r.ref_id, leafData: r.leaf_data, queuedAt: r.queued_at }));
  },

  async removeThrough(db: Executor, seq: number): Promise<void> {
    await db.deleteFrom('ledger_pending').where('seq', '<=', seq).execute();
  },

  async count(db: Executor): Promise<number> {
    const row = await db.selectFrom('ledger_pending').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  },
};
