// eslint-disable-next-line no-restricted-imports -- the test reads the committed vector files; core's code itself does no I/O
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { leafHash } from './hasher.js';
import { referenceRoots } from './rfc6962.fixtures.js';
import {
  consistencyVectors,
  inclusionVectors,
  vectorFileText,
  type ConsistencyVector,
  type InclusionVector,
} from './testdata/vectors.fixtures.js';
import { verifyConsistency, verifyInclusion } from './verify-proofs.js';

const committed = <T>(file: string): T[] =>
  JSON.parse(readFileSync(new URL(`./testdata/${file}`, import.meta.url), 'utf8')) as T[];
const bytes = (b64: string) => Buffer.from(b64, 'base64');
const inclusion = committed<InclusionVector>('inclusion.json');
const consistency = committed<ConsistencyVector>('consistency.json');

/** Negative vectors after transparency-dev/merkle (security scenario 4): every mutation must be refused. */
describe('committed Merkle proof vectors', () => {
  it('are exactly what the generator produces from the RFC 6962 reference tree', () => {
    expect(readFileSync(new URL('./testdata/inclusion.json', import.meta.url), 'utf8')).toBe(
      vectorFileText(inclusionVectors()),
    );
    expect(readFileSync(new URL('./testdata/consistency.json', import.meta.url), 'utf8')).toBe(
      vectorFileText(consistencyVectors()),
    );
  });

  it('carry the published reference roots in every valid vector', () => {
    for (const v of inclusion.filter((v) => !v.wantErr)) {
      expect(bytes(v.root).toString('hex')).toBe(referenceRoots[v.treeSize - 1]);
    }
    for (const v of consistency.filter((v) => !v.wantErr && v.size1 > 0)) {
      expect([bytes(v.root1).toString('hex'), bytes(v.root2).toString('hex')]).toEqual([
        referenceRoots[v.size1 - 1],
        referenceRoots[v.size2 - 1],
      ]);
    }
  });

  it('cover every mutation of security scenario 4, domain separation and odd sizes', () => {
    const descs = [...inclusion, ...consistency].map((v) => v.desc).join('\n');
    for (const kind of [
      'bit-flipped',
      'removed',
      'trailing garbage',
      'preceding garbage',
      'inserted in the middle',
      'leaf index + 1',
      'leaf index − 1',
      'tree size × 2',
      'tree size ÷ 2',
      'size2 × 2',
      'size2 ÷ 2',
      'size1 + 1',
      'size1 − 1',
      'random root',
      'random old root',
      'roots swapped',
      'empty proof',
      'interior node preimage',
      'odd size 7',
    ]) {
      expect(descs).toContain(kind);
    }
    expect(inclusion.filter((v) => !v.wantErr)).toHaveLength(36);
    expect(inclusion.filter((v) => v.wantErr).length).toBeGreaterThan(100);
  });

  it.each(inclusion.map((v) => [v.desc, v] as const))('inclusion %s', (_desc, v) => {
    const ok = verifyInclusion(leafHash(bytes(v.leafData)), v.leafIndex, v.treeSize, v.proof.map(bytes), bytes(v.root));
    expect(ok).toBe(!v.wantErr);
  });

  it.each(consistency.map((v) => [v.desc, v] as const))('consistency %s', (_desc, v) => {
    expect(verifyConsistency(v.size1, v.size2, bytes(v.root1), bytes(v.root2), v.proof.map(bytes))).toBe(!v.wantErr);
  });
});
