import type { KeyObject } from 'node:crypto';
import { CompactSign, compactVerify, decodeProtectedHeader } from 'jose';
import type { NodeDescriptor } from '../federation/node-descriptor.js';
import { ed25519PublicKey } from '../federation/keys.js';

export const manifestSignatureType = 'hanoi247-bundle-manifest+jws';

/**
 * The exporting node signs the exact bytes of manifest.json as a JWS with a detached payload
 * (RFC 7515 Appendix F: "<header>..<signature>"), so the manifest stays a readable JSON file
 * and the signature covers its bytes as written, not a re-serialisation of them.
 */
export async function signBundleManifest(
  manifestBytes: Uint8Array,
  signingKey: KeyObject,
  keyId: string,
): Promise<string> {
  const jws = await new CompactSign(manifestBytes)
    .setProtectedHeader({ alg: 'EdDSA', kid: keyId, typ: manifestSignatureType })
    .sign(signingKey);
  const [header, , signature] = jws.split('.');
  return `${header ?? ''}..${signature ?? ''}`;
}

export type ManifestSignatureResult =
  | { readonly ok: true; readonly keyId: string; readonly retired: boolean }
  | { readonly ok: false; readonly reason: string };

/**
 * Verifies with any signing key generation the descriptor lists: rotation keeps old keys so old bundles still verify.
 */
export async function verifyBundleManifest(
  manifestBytes: Uint8Array,
  detachedJws: string,
  descriptor: NodeDescriptor,
): Promise<ManifestSignatureResult> {
  const parts = detachedJws.trim().split('.');
  if (parts.length !== 3 || parts[1] !== '') {
    return { ok: false, reason: 'manifest.jws is not a detached JWS (<header>..<signature>)' };
  }
  let header;
  try {
    header = decodeProtectedHeader(detachedJws.trim());
  } catch {
    return { ok: false, reason: 'manifest.jws has no readable JWS header' };
  }
  if (header.alg !== 'EdDSA' || header.typ !== manifestSignatureType) {
    return { ok: false, reason: `manifest.jws must be EdDSA with typ ${manifestSignatureType}` };
  }
  const key = descriptor.keys.find((k) => k.keyId === header.kid);
  if (key === undefined) {
    return {
      ok: false,
      reason: `manifest.jws names key ${String(header.kid)}, which node ${descriptor.country} does not list`,
    };
  }
  try {
    await compactVerify(
      `${parts[0]}.${Buffer.from(manifestBytes).toString('base64url')}.${parts[2]}`,
      ed25519PublicKey(key.signing.publicKey),
      { algorithms: ['EdDSA'] },
    );
  } catch {
    return { ok: false, reason: `the signature does not verify with key ${key.keyId} of node ${descriptor.country}` };
  }
  return { ok: true, keyId: key.keyId, retired: key.retiredAt !== null };
}
