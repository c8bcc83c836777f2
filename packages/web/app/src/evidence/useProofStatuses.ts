import { useEffect, useState } from 'react';
import type { CustodyProofs } from '../api/evidence-types.js';
import { statusOf, type ProofStatus } from './inclusion-proof.js';

/** Each custody event's proof, verified here; undefined while WebCrypto is still at work. */
export function useProofStatuses(proofs: CustodyProofs | undefined): ReadonlyMap<string, ProofStatus> | undefined {
  const [verified, setVerified] = useState<
    { source: CustodyProofs; statuses: ReadonlyMap<string, ProofStatus> } | undefined
  >(undefined);
  useEffect(() => {
    if (proofs === undefined) return;
    let live = true;
    void Promise.all(proofs.proofs.map(async (p) => [p.eventId, await statusOf(p, proofs.checkpoint)] as const)).then(
      (entries) => {
        if (live) setVerified({ source: proofs, statuses: new Map(entries) });
      },
    );
    return () => {
      live = false;
    };
  }, [proofs]);
  return verified !== undefined && verified.source === proofs ? verified.statuses : undefined;
}
