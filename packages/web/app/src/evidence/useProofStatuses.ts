import { useMemo } from 'react';
import type { CustodyProofs } from '../api/evidence-types.js';
import { statusOf, type ProofStatus } from './proof-status.js';

/** Each custody event's proof, verified here; undefined until the proofs arrive. */
export function useProofStatuses(proofs: CustodyProofs | undefined): ReadonlyMap<string, ProofStatus> | undefined {
  return useMemo(
    () =>
      proofs === undefined ? undefined : new Map(proofs.proofs.map((p) => [p.eventId, statusOf(p, proofs.checkpoint)])),
    [proofs],
  );
}
