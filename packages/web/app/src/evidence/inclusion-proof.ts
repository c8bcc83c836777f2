/**
 * RFC 9162 Merkle inclusion proofs, checked in the browser with WebCrypto, so an officer need
 * not trust the node's word that a custody event is in the signed ledger.
 * Leaf hash = SHA-256(0x00 ‖ leaf), node hash = SHA-256(0x01 ‖ left ‖ right).
 */

async function sha256(...parts: readonly Uint8Array[]): Promise<Uint8Array> {
  const length = parts.reduce((sum, p) => sum + p.length, 0);
  const joined = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return new Uint8Array(await crypto.subtle.digest('SHA-256', joined));
}

export const leafHashOf = (leafData: string): Promise<Uint8Array> =>
  sha256(Uint8Array.of(0), new TextEncoder().encode(leafData));

export const nodeHashOf = (left: Uint8Array, right: Uint8Array): Promise<Uint8Array> =>
  sha256(Uint8Array.of(1), left, right);

export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

const equal = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, i) => byte === b[i]);

const odd = (n: number) => n % 2 === 1;
const half = (n: number) => Math.floor(n / 2);

/** RFC 9162 §2.1.3.2; plain arithmetic, not bit operators, so indexes past 2³¹ stay exact. */
export async function verifyInclusion(
  leaf: Uint8Array,
  index: number,
  treeSize: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): Promise<boolean> {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(treeSize) || index < 0 || index >= treeSize) return false;
  let fn = index;
  let sn = treeSize - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      r = await nodeHashOf(p, r);
      while (!odd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = await nodeHashOf(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && equal(r, root);
}

export type ProofStatus =
  { readonly kind: 'proved'; readonly treeSize: number } | { readonly kind: 'pending' } | { readonly kind: 'fails' };

/** One custody event's proof as GET /api/v1/evidence/{id}/custody/proofs serves it. */
export async function statusOf(
  entry: { readonly leafIndex: number | null; readonly leafData: string | null; readonly proof: readonly string[] },
  checkpoint: { readonly treeSize: number; readonly rootHash: string } | null,
): Promise<ProofStatus> {
  if (entry.leafIndex === null || entry.leafData === null || checkpoint === null) return { kind: 'pending' };
  try {
    const ok = await verifyInclusion(
      await leafHashOf(entry.leafData),
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
