import { inclusionProof, leafHash, rootOf } from '@hanoi247/core';
import { describe, expect, it } from 'vitest';
import { fromBase64, leafHashOf, statusOf, verifyInclusion } from './inclusion-proof.js';

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const leavesData = (n: number) =>
  Array.from({ length: n }, (_, i) => `{"kind":"custody","n":${i},"note":"chuỗi lưu giữ"}`);

describe('browser inclusion-proof verification (RFC 9162)', () => {
  it('hashes a leaf as the core library does', async () => {
    for (const data of leavesData(3)) {
      expect(b64(await leafHashOf(data))).toBe(b64(leafHash(Buffer.from(data, 'utf8'))));
    }
  });

  it('accepts every proof of every leaf for trees of 1 to 17 leaves', async () => {
    for (let size = 1; size <= 17; size++) {
      const leaves = leavesData(size).map((d) => leafHash(Buffer.from(d, 'utf8')));
      const root = rootOf(leaves);
      for (let index = 0; index < size; index++) {
        expect(
          await verifyInclusion(leaves[index]!, index, size, inclusionProof(index, leaves), root),
          `${index} of ${size}`,
        ).toBe(true);
      }
    }
  });

  it('rejects a wrong index, size, root, leaf or proof', async () => {
    const leaves = leavesData(7).map((d) => leafHash(Buffer.from(d, 'utf8')));
    const root = rootOf(leaves);
    const proof = inclusionProof(4, leaves);
    expect(await verifyInclusion(leaves[4]!, 5, 7, proof, root)).toBe(false);
    expect(await verifyInclusion(leaves[4]!, 4, 6, proof, root)).toBe(false);
    expect(await verifyInclusion(leaves[4]!, 4, 7, proof, leaves[0]!)).toBe(false);
    expect(await verifyInclusion(leaves[3]!, 4, 7, proof, root)).toBe(false);
    expect(await verifyInclusion(leaves[4]!, 4, 7, proof.slice(1), root)).toBe(false);
    expect(await verifyInclusion(leaves[4]!, 4, 7, [...proof, root], root)).toBe(false);
    expect(await verifyInclusion(leaves[4]!, 7, 7, proof, root)).toBe(false);
  });

  it('reports proved, pending or failing for an entry as the server serves it', async () => {
    const data = leavesData(5);
    const leaves = data.map((d) => leafHash(Buffer.from(d, 'utf8')));
    const checkpoint = { treeSize: 5, rootHash: b64(rootOf(leaves)) };
    const entry = { leafIndex: 2, leafData: data[2]!, proof: inclusionProof(2, leaves).map(b64) };
    expect(await statusOf(entry, checkpoint)).toEqual({ kind: 'proved', treeSize: 5 });
    expect(await statusOf({ leafIndex: null, leafData: null, proof: [] }, checkpoint)).toEqual({ kind: 'pending' });
    expect(await statusOf(entry, null)).toEqual({ kind: 'pending' });
    expect(await statusOf({ ...entry, leafData: data[3]! }, checkpoint)).toEqual({ kind: 'fails' });
    expect(await statusOf({ ...entry, proof: ['not base64!'] }, checkpoint)).toEqual({ kind: 'fails' });
    expect(fromBase64(checkpoint.rootHash)).toEqual(new Uint8Array(rootOf(leaves)));
  });
});
