import { DomainError } from '../errors/domain-error.js';
import { emptyRoot, hashSize, nodeHash } from './hasher.js';

/**
 * Addresses of perfect subtrees, the only hashes a log stores: level L, index i covers leaves
 * [i·2^L, (i+1)·2^L); level 0 is the leaves. Every root and proof of RFC 9162 is a fold of a
 * few of them (transparency-dev/merkle's `proof.Nodes`), so a server answers with O(log n)
 * stored hashes and never recomputes the tree. Arithmetic, not bitwise: sizes may pass 2^31.
 */
export interface NodeId {
  readonly level: number;
  readonly index: number;
}

/**
 * What a proof is made of: each element is the hash of one stored node, or, for the one
 * element on the tree's right border that is not a perfect subtree (an "ephemeral" node),
 * the fold of several, left to right.
 */
export interface ProofNodes {
  readonly elements: readonly (readonly NodeId[])[];
  /** Every node the elements use, each once: what a server fetches in one query. */
  readonly ids: readonly NodeId[];
}

/** Returns the stored hash of a node; throws when it is missing. */
export type NodeLookup = (id: NodeId) => Uint8Array;

export function nodeKey(id: NodeId): string {
  return `${id.level}/${id.index}`;
}

function checkRange(condition: boolean, message: string): void {
  if (!condition) throw new DomainError('ledger/invalid-range', message);
}

const isSize = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;

/** Largest power of two strictly below n (n ≥ 2), with its level: where RFC 9162 splits a tree. */
function split(n: number): { readonly k: number; readonly level: number } {
  let k = 1;
  let level = 0;
  while (k * 2 < n) {
    k *= 2;
    level += 1;
  }
  return { k, level };
}

/** The perfect subtrees that exactly cover [begin, end), left to right (a compact range). */
export function rangeNodes(begin: number, end: number): NodeId[] {
  checkRange(isSize(begin) && isSize(end) && begin <= end, `[${begin}, ${end}) is not a range of leaves`);
  const nodes: NodeId[] = [];
  let at = begin;
  while (at < end) {
    let width = 1;
    let level = 0;
    // Grow while the next bigger subtree is aligned here and still ends within the range.
    while (at % (width * 2) === 0 && at + width * 2 <= end) {
      width *= 2;
      level += 1;
    }
    nodes.push({ level, index: at / width });
    at += width;
  }
  return nodes;
}

/** The nodes whose fold is the root of the tree of `size` leaves (empty for size 0). */
export function rootNodes(size: number): NodeId[] {
  return rangeNodes(0, size);
}

function withIds(reversed: (readonly NodeId[])[]): ProofNodes {
  const elements = reversed.reverse();
  const seen = new Map<string, NodeId>();
  for (const id of elements.flat()) seen.set(nodeKey(id), id);
  return { elements, ids: [...seen.values()] };
}

/** PATH(index, D[size]) of RFC 9162 §2.1.3.1 as node addresses, leaf side first. */
export function inclusionProofNodes(index: number, size: number): ProofNodes {
  checkRange(isSize(index) && isSize(size) && index < size, `leaf ${index} is not in a tree of ${size} leaves`);
  const outerFirst: NodeId[][] = [];
  let lo = 0;
  let hi = size;
  while (hi - lo > 1) {
    const { k, level } = split(hi - lo);
    if (index < lo + k) {
      outerFirst.push(rangeNodes(lo + k, hi));
      hi = lo + k;
    } else {
      outerFirst.push([{ level, index: lo / k }]);
      lo += k;
    }
  }
  return withIds(outerFirst);
}

/** PROOF(oldSize, D[newSize]) of RFC 9162 §2.1.4.1 (SUBPROOF unrolled) as node addresses. */
export function consistencyProofNodes(oldSize: number, newSize: number): ProofNodes {
  checkRange(
    isSize(oldSize) && isSize(newSize) && oldSize <= newSize,
    `size ${oldSize} is not within a tree of ${newSize} leaves`,
  );
  if (oldSize === 0 || oldSize === newSize) return { elements: [], ids: [] };
  const outerFirst: NodeId[][] = [];
  let lo = 0;
  let hi = newSize;
  // True while [lo, hi) still starts at the old tree's first leaf: its root is then the old root itself, which the
  // verifier knows.
  let complete = true;
  while (oldSize !== hi) {
    const { k, level } = split(hi - lo);
    if (oldSize <= lo + k) {
      outerFirst.push(rangeNodes(lo + k, hi));
      hi = lo + k;
    } else {
      outerFirst.push([{ level, index: lo / k }]);
      lo += k;
      complete = false;
    }
  }
  if (!complete) outerFirst.push(rangeNodes(lo, hi));
  return withIds(outerFirst);
}

function fetch(lookup: NodeLookup, id: NodeId): Uint8Array {
  const hash = lookup(id);
  if (hash.length !== hashSize) {
    throw new DomainError('bug/invariant-violated', `node ${nodeKey(id)} is not a 32-byte hash`);
  }
  return hash;
}

/** Folds adjacent perfect subtrees, left to right, into the RFC 9162 hash of the range they cover. */
export function foldNodes(ids: readonly NodeId[], lookup: NodeLookup): Uint8Array {
  const last = ids.at(-1);
  if (last === undefined) return emptyRoot();
  let hash = fetch(lookup, last);
  for (let i = ids.length - 2; i >= 0; i -= 1) hash = nodeHash(fetch(lookup, ids[i]!), hash);
  return hash;
}

/** The proof hashes, in the order verifyInclusion and verifyConsistency expect them. */
export function rehashProof(nodes: ProofNodes, lookup: NodeLookup): Uint8Array[] {
  return nodes.elements.map((element) => foldNodes(element, lookup));
}

/** MTH(D[size]) from stored perfect subtrees: at most log2(size) + 1 hashes read. */
export function rootFromNodes(size: number, lookup: NodeLookup): Uint8Array {
  return foldNodes(rootNodes(size), lookup);
}

/** A lookup over hashes fetched in advance, keyed by nodeKey; a missing node is a bug or a damaged store. */
export function mapLookup(hashes: ReadonlyMap<string, Uint8Array>): NodeLookup {
  return (id) => {
    const hash = hashes.get(nodeKey(id));
    if (hash === undefined) throw new DomainError('bug/invariant-violated', `ledger node ${nodeKey(id)} is missing`);
    return hash;
  };
}
