import type { OfferedCustodyLeaf } from '@hanoi247/core';
import type { Executor } from '../db/database-schema.js';

export interface ForeignCustodyLeaf {
  readonly country: string;
  readonly leafData: string;
  readonly leafIndex: number;
  readonly proof: readonly string[];
  readonly checkpointSize: number;
}

/** The sending State's custody leaves of an item we received, in order, with their proofs. */
export const foreignCustodyRepository = {
  async keep(
    db: Executor,
    evidenceId: string,
    country: string,
    checkpointSize: number,
    leaves: readonly OfferedCustodyLeaf[],
  ): Promise<void> {
    if (leaves.length === 0) return;
    await db
      .insertInto('foreign_custody_events')
      .values(
        leaves.map((leaf, position) => ({
          evidence_id: evidenceId,
          position,
          country,
          leaf_data: leaf.leafData,
          leaf_index: leaf.leafIndex,
          proof: JSON.stringify(leaf.proof),
          checkpoint_size: checkpointSize,
        })),
      )
      .execute();
  },

  async forEvidence(db: Executor, evidenceId: string): Promise<ForeignCustodyLeaf[]> {
    const rows = await db
      .selectFrom('foreign_custody_events')
      .selectAll()
      .where('evidence_id', '=', evidenceId)
      .orderBy('position')
      .execute();
    return rows.map((r) => ({
      country: r.country,
      leafData: r.leaf_data,
      leafIndex: Number(r.leaf_index),
      proof: JSON.parse(r.proof) as string[],
      checkpointSize: Number(r.checkpoint_size),
    }));
  },

  /** Whether this exact sender leaf (an item's "transmitted" event) was already received. */
  async holds(db: Executor, leafData: string): Promise<boolean> {
    const row = await db
      .selectFrom('foreign_custody_events')
      .select('evidence_id')
      .where('leaf_data', '=', leafData)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  },
};
