import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rawPublicKey } from '../federation/keys.js';
import { formatCheckpoint, parseCheckpoint } from './checkpoint.js';
import { leafHash, nodeHash } from './hasher.js';
import { consistencyProof, inclusionProof, rootOf } from './merkle-tree.js';
import { openNote, signNote } from './signed-note.js';
import { referenceLeaves, referenceRoots } from './rfc6962.fixtures.js';
import { verifyConsistency, verifyInclusion } from './verify-proofs.js';

const roots = referenceRoots;
const leaves = referenceLeaves;
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const runs = { seed: 9162, numRuns: 150 } as const;
const tree = (n: number) => Array.from({ length: n }, (_, i) => leafHash(Buffer.from(`leaf ${i}`)));

describe('RFC 9162 Merkle tree', () => {
  it.each(roots.map((root, i) => [i + 1, root] as const))(
    'the reference tree of %i leaves has the published root',
    (size, root) => {
      expect(hex(rootOf(leaves.slice(0, size)))).toBe(root);
    },
  );

  it('verifies every inclusion proof of the reference tree and refuses it for any other leaf, index or size', () => {
    for (let size = 1; size <= 8; size += 1) {
      const root = rootOf(leaves.slice(0, size));
      for (let i = 0; i < size; i += 1) {
        const proof = inclusionProof(i, leaves.slice(0, size));
        expect(verifyInclusion(leaves[i]!, i, size, proof, root)).toBe(true);
        expect(verifyInclusion(leaves[i]!, i + 1, size, proof, root)).toBe(false);
        expect(verifyInclusion(leaves[(i + 1) % 8]!, i, size, proof, root)).toBe(false);
        if (size > 1) expect(verifyInclusion(leaves[i]!, i, size * 2, proof, root)).toBe(false);
      }
    }
  });

  it('refuses an interior node submitted as a leaf (domain separation)', () => {
    const interior = nodeHash(leaves[0]!, leaves[1]!);
    const four = leaves.slice(0, 4);
    expect(verifyInclusion(interior, 0, 2, [], rootOf(four.slice(0, 2)))).toBe(false);
    expect(verifyInclusion(interior, 0, 3, [leaves[2]!], rootOf(four.slice(0, 3)))).toBe(false);
  });

  it('proves every prefix consistent and refuses mutated proofs', () => {
    for (let n = 1; n <= 8; n += 1) {
      for (let m = 0; m <= n; m += 1) {
        const proof = consistencyProof(m, leaves.slice(0, n));
        const oldRoot = rootOf(leaves.slice(0, m));
        const newRoot = rootOf(leaves.slice(0, n));
        expect(verifyConsistency(m, n, oldRoot, newRoot, proof)).toBe(true);
        if (m > 0 && m < n) {
          expect(verifyConsistency(m, n, newRoot, oldRoot, proof)).toBe(false);
          expect(verifyConsistency(m, n, oldRoot, newRoot, proof.slice(1))).toBe(false);
          expect(verifyConsistency(m, n, oldRoot, newRoot, [...proof, leaves[0]!])).toBe(false);
        }
      }
    }
  });

  it('property: inclusion and consistency hold for random trees, and any bit flip breaks them', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 70 }), fc.nat(), fc.nat(), fc.nat(), (n, a, b, bit) => {
        const all = tree(n);
        const root = rootOf(all);
        const index = a % n;
        const proof = inclusionProof(index, all);
        if (!verifyInclusion(all[index]!, index, n, proof, root)) return false;
        const m = b % (n + 1);
        const cproof = consistencyProof(m, all);
        if (!verifyConsistency(m, n, rootOf(all.slice(0, m)), root, cproof)) return false;
        if (proof.length === 0) return true;
        const flipped = proof.map((p) => Uint8Array.from(p));
        const target = flipped[bit % flipped.length]!;
        target[bit % 32] = target[bit % 32]! ^ (1 << (bit % 8));
        return !verifyInclusion(all[index]!, index, n, flipped, root);
      }),
      runs,
    );
  });
});

describe('checkpoints as C2SP signed notes', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = rawPublicKey(publicKey);
  const checkpoint = { origin: 'hanoi247.vn/ledger', size: 8, rootHash: Buffer.from(roots[7], 'hex'), extensions: [] };

  it('round-trips the checkpoint text and verifies the signature of a known key', () => {
    const note = signNote(formatCheckpoint(checkpoint), 'hanoi247.vn', privateKey, raw);
    expect(note).toMatch(/^hanoi247\.vn\/ledger\n8\nXcnaeacGWamtVZy3Ad7Zoqudgjqt\S+\n\n\u2014 hanoi247\.vn \S+\n$/);
    const opened = openNote(note, [{ name: 'hanoi247.vn', publicKey: raw }]);
    expect(parseCheckpoint(opened.text)).toEqual({ ...checkpoint, rootHash: Buffer.from(checkpoint.rootHash) });
  });

  it('refuses a changed checkpoint, an unknown key and a malformed note', () => {
    const note = signNote(formatCheckpoint(checkpoint), 'hanoi247.vn', privateKey, raw);
    expect(() => openNote(note.replace('\n8\n', '\n9\n'), [{ name: 'hanoi247.vn', publicKey: raw }])).toThrow(
      /does not verify/,
    );
    const other = rawPublicKey(generateKeyPairSync('ed25519').publicKey);
    expect(() => openNote(note, [{ name: 'hanoi247.vn', publicKey: other }])).toThrow(/no known key/);
    expect(() => openNote('no signature here\n', [])).toThrow(/not a signed note/);
    expect(() => parseCheckpoint('origin\n-1\nAAAA\n')).toThrow(/size/);
  });
});
