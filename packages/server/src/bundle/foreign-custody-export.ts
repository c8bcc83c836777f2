import { DomainError, leafHash, verifyInclusion, type ForeignCustodyInput } from '@hanoi247/core';
import type { ForeignCustodySource } from './bundle-ports.js';

export interface ForeignCustodyExport {
  readonly custody: ForeignCustodyInput;
  /** The sending State's signed note the leaves are proved in, exactly as received. */
  readonly checkpoint: { readonly country: string; readonly size: number; readonly note: string };
}

/**
 * The part of a received item's chain recorded in the State that sent it, for the bundle: the
 * leaves as offered (already checked on receipt) and the sender's checkpoint they are proved
 * in. Null for the node's own evidence.
 */
export async function foreignCustodyOf(
  source: ForeignCustodySource,
  evidenceId: string,
): Promise<ForeignCustodyExport | null> {
  const leaves = await source.leaves(evidenceId);
  const first = leaves[0];
  if (first === undefined) return null;
  const { country, checkpointSize: size } = first;
  // One offer brought them all, proved in one checkpoint of one State: anything else is damaged storage.
  if (leaves.some((l) => l.country !== country || l.checkpointSize !== size)) {
    throw new DomainError(
      'bug/invariant-violated',
      `evidence item ${evidenceId}: its foreign custody mixes States or checkpoints`,
    );
  }
  const events = leaves.map((l) => ({
    leafIndex: l.leafIndex,
    leaf: l.leafData,
    proof: l.proof.map((p) => Buffer.from(p, 'base64')),
  }));
  // After a split view the sender signed two roots for this size; the one that proves the leaves is the one accepted on
  // receipt.
  const proves = (rootHash: string) =>
    events.every((e) =>
      verifyInclusion(leafHash(Buffer.from(e.leaf, 'utf8')), e.leafIndex, size, e.proof, Buffer.from(rootHash, 'hex')),
    );
  const held = (await source.checkpoints(country, size)).find((c) => proves(c.rootHash));
  if (held === undefined) {
    throw new DomainError(
      'bug/invariant-violated',
      `evidence item ${evidenceId}: no checkpoint of ${country} of size ${size} ` +
        `that proves the custody it sent is held`,
    );
  }
  return { custody: { country, checkpoint: size, events }, checkpoint: { country, size, note: held.note } };
}
