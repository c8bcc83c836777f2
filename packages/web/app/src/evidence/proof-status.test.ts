import { inclusionProof, leafHash, rootOf } from '@hanoi247/core';
import { describe, expect, it } from 'vitest';
import { fromBase64, statusOf } from './proof-status.js';

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const leavesData = (n: number) =>
  Array.from({ length: n }, (_, i) => `{"kind":"custody","n":${i},"note":"chuỗi lưu giữ"}`);

/**
 * The proofs themselves are core's (packages/core/src/browser.test.ts); here, how the page reads the server's answer.
 */
describe('custody proof status in the browser', () => {
  it('reports proved, pending or failing for an entry as the server serves it', () => {
    const data = leavesData(5);
    const leaves = data.map((d) => leafHash(Buffer.from(d, 'utf8')));
    const checkpoint = { treeSize: 5, rootHash: b64(rootOf(leaves)) };
    const entry = { leafIndex: 2, leafData: data[2]!, proof: inclusionProof(2, leaves).map(b64) };
    expect(statusOf(entry, checkpoint)).toEqual({ kind: 'proved', treeSize: 5 });
    expect(statusOf({ leafIndex: null, leafData: null, proof: [] }, checkpoint)).toEqual({ kind: 'pending' });
    expect(statusOf(entry, null)).toEqual({ kind: 'pending' });
    expect(statusOf({ ...entry, leafData: data[3]! }, checkpoint)).toEqual({ kind: 'fails' });
    expect(statusOf({ ...entry, leafIndex: 3 }, checkpoint)).toEqual({ kind: 'fails' });
    expect(statusOf(entry, { ...checkpoint, treeSize: 4 })).toEqual({ kind: 'fails' });
    expect(statusOf({ ...entry, proof: ['not base64!'] }, checkpoint)).toEqual({ kind: 'fails' });
    expect(fromBase64(checkpoint.rootHash)).toEqual(new Uint8Array(rootOf(leaves)));
  });
});
