import { createHash } from 'node:crypto';

/**
 * Fingerprint of a raw public key (32 bytes for Ed25519 and X25519): "SHA256:" and the
 * base64url digest, the form operators compare when pinning a partner node.
 */
export function keyFingerprint(rawPublicKey: Uint8Array): string {
  return `SHA256:${createHash('sha256').update(rawPublicKey).digest('base64url')}`;
}

/** Short key id derived from the fingerprint, stable across restarts. */
export function keyIdOf(rawPublicKey: Uint8Array): string {
  return createHash('sha256').update(rawPublicKey).digest('hex').slice(0, 16);
}
