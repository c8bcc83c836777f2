import { DomainError } from '../errors/domain-error.js';
import { emptyRoot, hashSize, nodeHash } from './hasher.js';
import { nodeKey, rangeNodes, type NodeId } from './tree-nodes.js';

export interface HashedNode extends NodeId {
  readonly hash: Uint8Array;
}

/**
 * The right border of a log of `size` leaves: the hashes of the perfect subtrees of
 * rangeNodes(0, size), tallest first. It is all a sequencer needs to append (no older leaf is
 * read again), and its fold is the root.
 */
export interface CompactRange {
  readonly size: number;
  readonly nodes: readonly HashedNode[];
}

export const emptyCompactRange: CompactRange = { size: 0, nodes: [] };

/** Checks that stored nodes are exactly the border of a tree of `size` leaves, in order. */
export function compactRange(size: number, nodes: readonly HashedNode[]): CompactRange {
  const expected = rangeNodes(0, size);
  const matches =
    expected.length === nodes.length &&
    expected.every((id, i) => nodes[i]!.level === id.level && nodes[i]!.index === id.index);
  if (!matches) {
    throw new DomainError(
      'bug/invariant-violated',
      `nodes ${nodes.map(nodeKey).join(', ')} are not the border of a tree of ${size} leaves`,
    );
  }
  if (nodes.some((n) => n.hash.length !== hashSize)) {
    throw new DomainError('bug/invariant-violated', 'a border node is not a 32-byte hash');
  }
  return { size, nodes };
}

export interface AppendResult {
  readonly range: CompactRange;
  /** Perfect subtrees of level ≥ 1 completed by the new leaves, in the order they completed. */
  readonly created: readonly HashedNode[];
}

/**
 * Appends leaf hashes like a binary counter: each leaf merges with equal-height subtrees on
 * the border. Node (L, i) is created exactly once, by leaf (i+1)·2^L − 1, so a sequencer stores
 * every perfect subtree as the batch that completes it commits.
 */
export function appendToRange(range: CompactRange, leafHashes: readonly Uint8Array[]): AppendResult {
  const border = [...range.nodes];
  const created: HashedNode[] = [];
  let size = range.size;
  for (const hash of leafHashes) {
    if (hash.length !== hashSize) throw new DomainError('bug/invariant-violated', 'a leaf hash is 32 bytes');
    let node: HashedNode = { level: 0, index: size, hash };
    size += 1;
    for (let left = border.at(-1); left !== undefined && left.level === node.level; left = border.at(-1)) {
      border.pop();
      node = { level: node.level + 1, index: left.index / 2, hash: nodeHash(left.hash, node.hash) };
      created.push(node);
    }
    border.push(node);
  }
  return { range: { size, nodes: border }, created };
}

/** MTH of the leaves the range covers. */
export function rangeRoot(range: CompactRange): Uint8Array {
  const last = range.nodes.at(-1);
  if (last === undefined) return emptyRoot();
  let hash = last.hash;
  for (let i = range.nodes.length - 2; i >= 0; i -= 1) hash = nodeHash(range.nodes[i]!.hash, hash);
  return hash;
}
