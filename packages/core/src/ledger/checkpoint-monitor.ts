import { bytesEqual } from './hasher.js';
import type { Checkpoint } from './checkpoint.js';
import { verifyConsistency } from './verify-proofs.js';

/** A partner's checkpoint we already hold, with the note that carried it (kept as evidence). */
export interface KnownCheckpoint {
  readonly size: number;
  readonly rootHash: Uint8Array;
  readonly note: string;
}

/**
 * What a node does with a partner's signed checkpoint (already signature-checked), given the
 * newest one it holds from that partner. A log may only grow: a newer checkpoint must come with
 * a consistency proof from the one we hold; an older one must be a prefix of it (proof the other
 * way); two different roots for one size are a split view, kept and raised, never resolved.
 */
export type CheckpointJudgement =
  | { readonly kind: 'first' }
  | { readonly kind: 'same' }
  | { readonly kind: 'needs-proof'; readonly from: number; readonly to: number }
  | { readonly kind: 'consistent'; readonly newer: boolean }
  | { readonly kind: 'split-view'; readonly known: KnownCheckpoint }
  | { readonly kind: 'inconsistent'; readonly known: KnownCheckpoint };

export function judgeCheckpoint(
  known: KnownCheckpoint | null,
  incoming: Checkpoint,
  proof: readonly Uint8Array[] | null,
): CheckpointJudgement {
  if (known === null) return { kind: 'first' };
  if (incoming.size === known.size) {
    return bytesEqual(incoming.rootHash, known.rootHash) ? { kind: 'same' } : { kind: 'split-view', known };
  }
  const newer = incoming.size > known.size;
  const [small, large] = newer
    ? [
        { size: known.size, root: known.rootHash },
        { size: incoming.size, root: incoming.rootHash },
      ]
    : [
        { size: incoming.size, root: incoming.rootHash },
        { size: known.size, root: known.rootHash },
      ];
  if (proof === null) return { kind: 'needs-proof', from: small.size, to: large.size };
  return verifyConsistency(small.size, large.size, small.root, large.root, proof)
    ? { kind: 'consistent', newer }
    : { kind: 'inconsistent', known };
}
