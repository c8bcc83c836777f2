import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  appendToRange,
  compactRange,
  emptyCompactRange,
  rangeRoot,
  type CompactRange,
  type HashedNode,
} from './compact-range.js';
import { emptyRoot, leafHash, nodeHash } from './hasher.js';
import { rootOf } from './merkle-tree.js';
import { referenceLeaves, referenceRoots } from './rfc6962.fixtures.js';
import { nodeKey, rootNodes } from './tree-nodes.js';

const runs = { seed: 2019, numRuns: 150 } as const;
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

/** Naively, every perfect subtree of level ≥ 1 of a tree. */
function perfectNodes(leaves: readonly Uint8Array[]): Map<string, string> {
  const out = new Map<string, string>();
  let level = [...leaves];
  for (let l = 1; level.length > 1; l += 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i + 1 < level.length; i += 2) next.push(nodeHash(level[i]!, level[i + 1]!));
    next.forEach((h, i) => out.set(`${l}/${i}`, hex(h)));
    level = next;
  }
  return out;
}

describe('compact range (the sequencer\u2019s frontier)', () => {
  it('appends the RFC 6962 reference leaves one by one with the published roots', () => {
    let range: CompactRange = emptyCompactRange;
    expect(hex(rangeRoot(range))).toBe(hex(emptyRoot()));
    referenceLeaves.forEach((leaf, i) => {
      range = appendToRange(range, [leaf]).range;
      expect(hex(rangeRoot(range))).toBe(referenceRoots[i]);
    });
  });

  it(
    'property: appended in random batches, it creates every perfect subtree ' +
      'exactly once, keeps the border and the naive root',
    () => {
      fc.assert(
        fc.property(fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 12 }), (batches) => {
          const leaves: Uint8Array[] = [];
          let range: CompactRange = emptyCompactRange;
          const created = new Map<string, string>();
          for (const count of batches) {
            const batch = Array.from({ length: count }, (_, i) => leafHash(Buffer.from(`leaf ${leaves.length + i}`)));
            leaves.push(...batch);
            // A restarted sequencer rebuilds the range from stored nodes: the same border must be accepted.
            const restored = compactRange(range.size, range.nodes);
            const result = appendToRange(restored, batch);
            for (const node of result.created) {
              expect(created.has(nodeKey(node))).toBe(false);
              created.set(nodeKey(node), hex(node.hash));
            }
            range = result.range;
            expect(range.nodes.map(nodeKey)).toEqual(rootNodes(leaves.length).map(nodeKey));
            expect(hex(rangeRoot(range))).toBe(hex(rootOf(leaves)));
          }
          expect(created).toEqual(perfectNodes(leaves));
        }),
        runs,
      );
    },
  );

  it('refuses a border that does not belong to the size it claims', () => {
    const { range } = appendToRange(emptyCompactRange, referenceLeaves.slice(0, 5));
    expect(() => compactRange(6, range.nodes)).toThrow(/not the border/);
    const short: HashedNode[] = range.nodes.map((n, i) => (i === 0 ? { ...n, hash: n.hash.subarray(1) } : n));
    expect(() => compactRange(5, short)).toThrow(/32-byte/);
    expect(compactRange(5, range.nodes).size).toBe(5);
  });
});
