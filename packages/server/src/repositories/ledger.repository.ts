import { nodeKey, type NodeId } from '@hanoi247/core';
import { sql } from 'kysely';
import type { Executor, LedgerCheckpointsTable, LedgerLeavesTable } from '../db/database-schema.js';
import { padToPowerOfTwo, powerOfTwoChunks } from '../db/power-of-two-chunks.js';

/** Hashes are lower-case hex in storage; the API and notes use base64. */
export interface LedgerLeafRow {
  readonly index: number;
  readonly kind: string;
  readonly refId: string;
  readonly leafData: string;
  readonly leafHash: string;
  readonly queuedAt: string;
  readonly sequencedAt: string;
}

export interface LedgerNodeRow {
  readonly level: number;
  readonly index: number;
  readonly hash: string;
}

export interface CheckpointRow {
  readonly treeSize: number;
  readonly rootHash: string;
  readonly note: string;
  readonly createdAt: string;
}

/** Nodes of one level with index in [from, to], for the verifier's streaming comparison. */
export interface NodeIndexRange {
  readonly level: number;
  readonly from: number;
  readonly to: number;
}

const toLeaf = (r: LedgerLeavesTable): LedgerLeafRow => ({
  index: Number(r.leaf_index),
  kind: r.kind,
  refId: r.ref_id,
  leafData: r.leaf_data,
  leafHash: r.leaf_hash,
  queuedAt: r.queued_at,
  sequencedAt: r.sequenced_at,
});

const toCheckpoint = (r: LedgerCheckpointsTable): CheckpointRow => ({
  treeSize: Number(r.tree_size),
  rootHash: r.root_hash,
  note: r.note,
  createdAt: r.created_at,
});

/**
 * The custody ledger's tables (docs/protocols/ledger.md): leaves, hashes of perfect subtrees
 * (level ≥ 1; level 0 is the leaves table) and signed checkpoints. Rows are only ever
 * inserted; leaf_index and tree_size being primary keys is what fences two sequencers.
 */
export const ledgerRepository = {
  async latestCheckpoint(db: Executor): Promise<CheckpointRow | undefined> {
    const row = await db
      .selectFrom('ledger_checkpoints')
      .selectAll()
      .orderBy('tree_size', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row === undefined ? undefined : toCheckpoint(row);
  },

  async checkpointAt(db: Executor, treeSize: number): Promise<CheckpointRow | undefined> {
    const row = await db
      .selectFrom('ledger_checkpoints')
      .selectAll()
      .where('tree_size', '=', treeSize)
      .executeTakeFirst();
    return row === undefined ? undefined : toCheckpoint(row);
  },

  /** Checkpoints in size order, for paging through all of them with bounded memory. */
  async checkpointsAfter(db: Executor, afterSize: number, limit: number): Promise<CheckpointRow[]> {
    const rows = await db
      .selectFrom('ledger_checkpoints')
      .selectAll()
      .where('tree_size', '>', afterSize)
      .orderBy('tree_size')
      .limit(limit)
      .execute();
    return rows.map(toCheckpoint);
  },

  async insertLeaves(db: Executor, leaves: readonly LedgerLeafRow[]): Promise<void> {
    for (const chunk of powerOfTwoChunks(leaves)) {
      await db
        .insertInto('ledger_leaves')
        .values(
          chunk.map((l) => ({
            leaf_index: l.index,
            kind: l.kind,
            ref_id: l.refId,
            leaf_data: l.leafData,
            leaf_hash: l.leafHash,
            queued_at: l.queuedAt,
            sequenced_at: l.sequencedAt,
          })),
        )
        .execute();
    }
  },

  async insertNodes(db: Executor, nodes: readonly LedgerNodeRow[]): Promise<void> {
    for (const chunk of powerOfTwoChunks(nodes)) {
      await db
        .insertInto('ledger_nodes')
        .values(chunk.map((n) => ({ level: n.level, node_index: n.index, hash: n.hash })))
        .execute();
    }
  },

  async insertCheckpoint(db: Executor, checkpoint: CheckpointRow): Promise<void> {
    await db
      .insertInto('ledger_checkpoints')
      .values({
        tree_size: checkpoint.treeSize,
        root_hash: checkpoint.rootHash,
        note: checkpoint.note,
        created_at: checkpoint.createdAt,
      })
      .execute();
  },

  /**
   * The stored hashes of the given nodes, keyed by nodeKey, in ONE query (a proof costs one
   * round trip): level 0 from the leaves, the others from ledger_nodes. Missing ones are absent.
   */
  async hashes(db: Executor, ids: readonly NodeId[]): Promise<Map<string, string>> {
    // Padded (to 8, 16, 32, 64 …): a handful of SQL texts serve every proof shape.
    const leafIndexes = padToPowerOfTwo(
      ids.filter((id) => id.level === 0).map((id) => id.index),
      8,
    );
    const upper = padToPowerOfTwo(
      ids.filter((id) => id.level > 0),
      8,
    );
    const leaves = db
      .selectFrom('ledger_leaves')
      .select([sql<number>`0`.as('level'), 'leaf_index as node_index', 'leaf_hash as hash'])
      .where('leaf_index', 'in', leafIndexes);
    const nodes = db
      .selectFrom('ledger_nodes')
      .select(['level', 'node_index', 'hash'])
      .where((eb) => eb.or(upper.map((id) => eb.and([eb('level', '=', id.level), eb('node_index', '=', id.index)]))));
    const query = leafIndexes.length === 0 ? nodes : upper.length === 0 ? leaves : leaves.unionAll(nodes);
    const rows = ids.length === 0 ? [] : await query.execute();
    return new Map(rows.map((r) => [nodeKey({ level: Number(r.level), index: Number(r.node_index) }), r.hash]));
  },

  async leavesFrom(db: Executor, start: number, limit: number): Promise<LedgerLeafRow[]> {
    const rows = await db
      .selectFrom('ledger_leaves')
      .selectAll()
      .where('leaf_index', '>=', start)
      .orderBy('leaf_index')
      .limit(limit)
      .execute();
    return rows.map(toLeaf);
  },

  async leafByRef(db: Executor, kind: string, refId: string): Promise<LedgerLeafRow | undefined> {
    const row = await db
      .selectFrom('ledger_leaves')
      .selectAll()
      .where('kind', '=', kind)
      .where('ref_id', '=', refId)
      .executeTakeFirst();
    return row === undefined ? undefined : toLeaf(row);
  },

  /** Leaf data of the refs that already have a leaf: a re-queued event is sequenced once (idempotency). */
  async existingRefs(db: Executor, kind: string, refIds: readonly string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (const chunk of powerOfTwoChunks(refIds, 256)) {
      const rows = await db
        .selectFrom('ledger_leaves')
        .select(['ref_id', 'leaf_data'])
        .where('kind', '=', kind)
        .where('ref_id', 'in', chunk)
        .execute();
      for (const r of rows) found.set(r.ref_id, r.leaf_data);
    }
    return found;
  },

  async nodesIn(db: Executor, ranges: readonly NodeIndexRange[]): Promise<LedgerNodeRow[]> {
    if (ranges.length === 0) return [];
    const rows = await db
      .selectFrom('ledger_nodes')
      .select(['level', 'node_index', 'hash'])
      .where((eb) =>
        eb.or(
          ranges.map((r) =>
            eb.and([eb('level', '=', r.level), eb('node_index', '>=', r.from), eb('node_index', '<=', r.to)]),
          ),
        ),
      )
      .execute();
    return rows.map((r) => ({ level: Number(r.level), index: Number(r.node_index), hash: r.hash }));
  },

  async counts(db: Executor): Promise<{ readonly leaves: number; readonly nodes: number }> {
    const leaves = await db
      .selectFrom('ledger_leaves')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    const nodes = await db
      .selectFrom('ledger_nodes')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return { leaves: Number(leaves.n), nodes: Number(nodes.n) };
  },
};
