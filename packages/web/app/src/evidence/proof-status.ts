import { leafHash, verifyInclusion } from '@hanoi247/core/browser';

/**
 * Whether a custody event is proved in the signed ledger, checked here with core's RFC 9162
 * verifier (the one the server and the bundle verifier run), so an officer need not trust the
 * node's word for it.
 */
export type ProofStatus =
  { readonly kind: 'proved'; readonly treeSize: number } | { readonly kind: 'pending' } | { readonly kind: 'fails' };

export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** One custody event's proof as GET /api/v1/evidence/{id}/custody/proofs serves it. */
export function statusOf(
  entry: { readonly leafIndex: number | null; readonly leafData: string | null; readonly proof: readonly string[] },
  checkpoint: { readonly treeSize: number; readonly rootHash: string } | null,
): ProofStatus {
  if (entry.leafIndex === null || entry.leafData === null || checkpoint === null) return { kind: 'pending' };
  try {
    const ok = verifyInclusion(
      leafHash(new TextEncoder().encode(entry.leafData)),
      entry.leafIndex,
      checkpoint.treeSize,
      entry.proof.map(fromBase64),
      fromBase64(checkpoint.rootHash),
    );
    return ok ? { kind: 'proved', treeSize: checkpoint.treeSize } : { kind: 'fails' };
  } catch {
    return { kind: 'fails' };
  }
}
