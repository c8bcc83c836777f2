import type { Executor } from '../db/database-schema.js';

export interface PartnerCheckpoint {
  readonly country: string;
  readonly treeSize: number;
  /** Hex SHA-256 root. */
  readonly rootHash: string;
  readonly note: string;
  readonly receivedAt: string;
  /** False only for the first checkpoint of a partner, taken on trust (nothing to prove it against). */
  readonly consistencyVerified: boolean;
}

export interface LedgerAlert {
  readonly id: string;
  readonly country: string;
  readonly kind: 'split-view' | 'inconsistent';
  readonly treeSize: number;
  readonly firstNote: string;
  readonly secondNote: string;
  readonly raisedAt: string;
}

/**
 * Partners' checkpoints as received, and the alerts their contradictions raise. Both are kept for ever: they are
 * evidence.
 */
export const partnerCheckpointRepository = {
  async newest(db: Executor, country: string): Promise<PartnerCheckpoint | undefined> {
    const row = await db
      .selectFrom('partner_checkpoints')
      .selectAll()
      .where('country', '=', country)
      .orderBy('tree_size', 'desc')
      .orderBy('received_at')
      .limit(1)
      .executeTakeFirst();
    return row === undefined
      ? undefined
      : {
          country: row.country,
          treeSize: Number(row.tree_size),
          rootHash: row.root_hash,
          note: row.note,
          receivedAt: row.received_at,
          consistencyVerified: Number(row.consistency_verified) === 1,
        };
  },

  /** Every note held for one size of a partner's log, oldest first: two only after a split view. */
  async atSize(db: Executor, country: string, treeSize: number): Promise<PartnerCheckpoint[]> {
    const rows = await db
      .selectFrom('partner_checkpoints')
      .selectAll()
      .where('country', '=', country)
      .where('tree_size', '=', treeSize)
      .orderBy('received_at')
      .execute();
    return rows.map((row) => ({
      country: row.country,
      treeSize: Number(row.tree_size),
      rootHash: row.root_hash,
      note: row.note,
      receivedAt: row.received_at,
      consistencyVerified: Number(row.consistency_verified) === 1,
    }));
  },

  /** Keeps the note; the same note twice is stored once. */
  async keep(db: Executor, checkpoint: PartnerCheckpoint): Promise<void> {
    await db
      .insertInto('partner_checkpoints')
      .values({
        country: checkpoint.country,
        tree_size: checkpoint.treeSize,
        root_hash: checkpoint.rootHash,
        note: checkpoint.note,
        received_at: checkpoint.receivedAt,
        consistency_verified: checkpoint.consistencyVerified ? 1 : 0,
      })
      .onConflict((oc) => oc.columns(['country', 'tree_size', 'root_hash']).doNothing())
      .execute();
  },

  async raise(db: Executor, alert: LedgerAlert): Promise<void> {
    await db
      .insertInto('ledger_alerts')
      .values({
        id: alert.id,
        country: alert.country,
        kind: alert.kind,
        tree_size: alert.treeSize,
        first_note: alert.firstNote,
        second_note: alert.secondNote,
        raised_at: alert.raisedAt,
      })
      .execute();
  },

  async alerts(db: Executor, limit: number): Promise<LedgerAlert[]> {
    const rows = await db.selectFrom('ledger_alerts').selectAll().orderBy('raised_at', 'desc').limit(limit).execute();
    return rows.map((r) => ({
      id: r.id,
      country: r.country,
      kind: r.kind as LedgerAlert['kind'],
      treeSize: Number(r.tree_size),
      firstNote: r.first_note,
      secondNote: r.second_note,
      raisedAt: r.raised_at,
    }));
  },
};
