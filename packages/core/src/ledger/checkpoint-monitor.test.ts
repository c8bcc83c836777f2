import { describe, expect, it } from 'vitest';
import { judgeCheckpoint } from './checkpoint-monitor.js';
import { leafHash } from './hasher.js';
import { consistencyProof, rootOf } from './merkle-tree.js';

const leaves = Array.from({ length: 20 }, (_, i) => leafHash(Buffer.from(`custody ${i}`)));
const forked = [...leaves.slice(0, 7), leafHash(Buffer.from('rewritten history')), ...leaves.slice(8)];
const checkpoint = (tree: Uint8Array[], size: number) => ({
  origin: 'hanoi247/SG',
  size,
  rootHash: rootOf(tree.slice(0, size)),
  extensions: [],
});
const known = (tree: Uint8Array[], size: number) => ({
  size,
  rootHash: rootOf(tree.slice(0, size)),
  note: `note ${size}`,
});

describe('judging a partner checkpoint', () => {
  it('takes the first one on trust and recognises the same one again', () => {
    expect(judgeCheckpoint(null, checkpoint(leaves, 5), null)).toEqual({ kind: 'first' });
    expect(judgeCheckpoint(known(leaves, 5), checkpoint(leaves, 5), null)).toEqual({ kind: 'same' });
  });

  it('asks for a consistency proof before a newer or an older checkpoint is accepted', () => {
    expect(judgeCheckpoint(known(leaves, 5), checkpoint(leaves, 12), null)).toEqual({
      kind: 'needs-proof',
      from: 5,
      to: 12,
    });
    expect(judgeCheckpoint(known(leaves, 12), checkpoint(leaves, 5), null)).toEqual({
      kind: 'needs-proof',
      from: 5,
      to: 12,
    });
  });

  it('accepts growth proved consistent, in either direction', () => {
    expect(judgeCheckpoint(known(leaves, 5), checkpoint(leaves, 12), consistencyProof(5, leaves.slice(0, 12)))).toEqual(
      { kind: 'consistent', newer: true },
    );
    expect(judgeCheckpoint(known(leaves, 12), checkpoint(leaves, 5), consistencyProof(5, leaves.slice(0, 12)))).toEqual(
      { kind: 'consistent', newer: false },
    );
  });

  it('calls two roots for one size a split view, keeping the one it had', () => {
    const judged = judgeCheckpoint(known(leaves, 12), checkpoint(forked, 12), null);
    expect(judged).toEqual({ kind: 'split-view', known: known(leaves, 12) });
  });

  it('refuses a history rewritten behind the checkpoint it holds, whatever proof comes with it', () => {
    expect(
      judgeCheckpoint(known(leaves, 10), checkpoint(forked, 15), consistencyProof(10, forked.slice(0, 15))).kind,
    ).toBe('inconsistent');
    expect(
      judgeCheckpoint(known(leaves, 10), checkpoint(forked, 15), consistencyProof(10, leaves.slice(0, 15))).kind,
    ).toBe('inconsistent');
    expect(judgeCheckpoint(known(leaves, 10), checkpoint(forked, 15), []).kind).toBe('inconsistent');
  });
});
