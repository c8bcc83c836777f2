import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.js';
import { leafHash, nodeHash } from './hasher.js';
import { consistencyProof, inclusionProof, rootOf } from './merkle-tree.js';
import { referenceLeaves, referenceRoots } from './rfc6962.fixtures.js';
import {
  consistencyProofNodes,
  inclusionProofNodes,
  mapLookup,
  nodeKey,
  rangeNodes,
  rehashProof,
  rootFromNodes,
  rootNodes,
  type NodeId,
  type NodeLookup,
} from './tree-nodes.js';
import { verifyConsistency, verifyInclusion } from './verify-proofs.js';

const runs = { seed: 6962, numRuns: 200 } as const;
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const tree = (n: number) => Array.from({ length: n }, (_, i) => leafHash(Buffer.from(`leaf ${i}`)));

/** Every perfect subtree of a tree, computed naively: what a log stores. */
function storedNodes(leaves: readonly Uint8Array[]): Map<string, Uint8Array> {
  const nodes = new Map<string, Uint8Array>();
  let level = leaves.map((hash, index) => ({ level: 0, index, hash }));
  while (level.length > 0) {
    for (const n of level) nodes.set(nodeKey(n), n.hash);
    const next = [];
    for (let i = 0; i + 1 < level.length; i += 2) {
      next.push({ level: level[i]!.level + 1, index: i / 2, hash: nodeHash(level[i]!.hash, level[i + 1]!.hash) });
    }
    level = next;
  }
  return nodes;
}

/** A lookup that records what was read, to prove proofs read O(log n) nodes and only those planned. */
function counting(nodes: Map<string, Uint8Array>): { lookup: NodeLookup; read: NodeId[] } {
  const read: NodeId[] = [];
  const inner = mapLookup(nodes);
  return { read, lookup: (id) => (read.push(id), inner(id)) };
}

describe('proofs and roots from stored perfect subtrees', () => {
  it('gives the published roots of the RFC 6962 reference tree', () => {
    const nodes = storedNodes(referenceLeaves);
    for (let size = 1; size <= 8; size += 1) {
      expect(hex(rootFromNodes(size, mapLookup(nodes)))).toBe(referenceRoots[size - 1]);
    }
  });

  it(
    'property: root, inclusion and consistency proofs equal the naive RFC 9162 ' +
      'ones and read only O(log n) planned nodes',
    () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 300 }), fc.nat(), fc.nat(), (n, a, b) => {
          const leaves = tree(n);
          const nodes = storedNodes(leaves);
          const bound = 2 * Math.ceil(Math.log2(n + 1)) + 2;
          const root = counting(nodes);
          expect(hex(rootFromNodes(n, root.lookup))).toBe(hex(rootOf(leaves)));
          expect(root.read.length).toBeLessThanOrEqual(bound);
          const index = a % n;
          const plan = inclusionProofNodes(index, n);
          const incl = counting(nodes);
          const proof = rehashProof(plan, incl.lookup);
          expect(proof.map(hex)).toEqual(inclusionProof(index, leaves).map(hex));
          expect(incl.read.length).toBeLessThanOrEqual(bound);
          expect(new Set(incl.read.map(nodeKey))).toEqual(new Set(plan.ids.map(nodeKey)));
          const m = b % (n + 1);
          const cplan = consistencyProofNodes(m, n);
          const cons = counting(nodes);
          const cproof = rehashProof(cplan, cons.lookup);
          expect(cproof.map(hex)).toEqual(consistencyProof(m, leaves).map(hex));
          expect(cons.read.length).toBeLessThanOrEqual(bound);
          expect(new Set(cons.read.map(nodeKey))).toEqual(new Set(cplan.ids.map(nodeKey)));
        }),
        runs,
      );
    },
  );

  it('covers a range with aligned perfect subtrees only, left to right', () => {
    fc.assert(
      fc.property(fc.nat(5000), fc.nat(5000), (x, y) => {
        const [begin, end] = x <= y ? [x, y] : [y, x];
        let at = begin;
        for (const id of rangeNodes(begin, end)) {
          const width = 2 ** id.level;
          expect(id.index * width).toBe(at);
          at += width;
        }
        expect(at).toBe(end);
      }),
      runs,
    );
  });

  it('works beyond 2^32 leaves (arithmetic, not 32-bit bitwise operations)', () => {
    // With every leaf equal, a perfect subtree's hash depends on its level only, so any size is computable.
    const perLevel = [leafHash(Buffer.from('same'))];
    for (let l = 1; l < 53; l += 1) perLevel.push(nodeHash(perLevel[l - 1]!, perLevel[l - 1]!));
    const lookup: NodeLookup = (id) => perLevel[id.level]!;
    const naiveRoot = new Map<number, Uint8Array>();
    const mth = (n: number): Uint8Array => {
      if (n === 1) return perLevel[0]!;
      let k = 1;
      while (k * 2 < n) k *= 2;
      const cached = naiveRoot.get(n) ?? nodeHash(mth(k), mth(n - k));
      naiveRoot.set(n, cached);
      return cached;
    };
    for (const [index, size] of [
      [2 ** 40 + 5, 2 ** 41 + 3],
      [2 ** 32, 2 ** 32 + 1],
      [0, 2 ** 52 - 1],
    ] as const) {
      const root = rootFromNodes(size, lookup);
      expect(hex(root)).toBe(hex(mth(size)));
      const proof = rehashProof(inclusionProofNodes(index, size), lookup);
      expect(verifyInclusion(perLevel[0]!, index, size, proof, root)).toBe(true);
      const old = Math.floor(size / 3) + 1;
      expect(verifyConsistency(old, size, mth(old), root, rehashProof(consistencyProofNodes(old, size), lookup))).toBe(
        true,
      );
    }
  });

  it('refuses impossible coordinates with ledger/invalid-range', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        return error instanceof DomainError ? error.code : 'other';
      }
      return 'none';
    };
    expect(code(() => inclusionProofNodes(5, 5))).toBe('ledger/invalid-range');
    expect(code(() => inclusionProofNodes(-1, 5))).toBe('ledger/invalid-range');
    expect(code(() => inclusionProofNodes(0.5, 5))).toBe('ledger/invalid-range');
    expect(code(() => consistencyProofNodes(6, 5))).toBe('ledger/invalid-range');
    expect(code(() => rangeNodes(3, 2))).toBe('ledger/invalid-range');
    expect(code(() => rootFromNodes(3, mapLookup(new Map())))).toBe('bug/invariant-violated');
    expect(rootNodes(0)).toEqual([]);
    expect(consistencyProofNodes(0, 9)).toEqual({ elements: [], ids: [] });
  });
});
