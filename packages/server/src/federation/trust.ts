import type { KeyObject } from 'node:crypto';
import { ed25519PublicKey, msPerDay, x25519PublicKey } from '@hanoi247/core';
import type { PeerKeyRecord } from '../repositories/peer.repository.js';

/**
 * Which partner keys we trust right now: keys of active (pinned, not removed) peers that
 * are current, or retired less than the overlap ago. Anything else is an unknown signer.
 */
export function trustedSigningKey(
  keys: readonly PeerKeyRecord[],
  country: string,
  keyId: string,
  now: Date,
  overlapDays: number,
): KeyObject | null {
  const key = keys.find((k) => k.country === country && k.keyId === keyId);
  if (key === undefined) return null;
  if (key.retiredAt !== null && Date.parse(key.retiredAt) + overlapDays * msPerDay < now.getTime()) return null;
  return ed25519PublicKey(key.signingPublicKey);
}

export function currentEncryptionKey(
  keys: readonly PeerKeyRecord[],
  country: string,
): { key: KeyObject; keyId: string } | null {
  const current = keys.find((k) => k.country === country && k.retiredAt === null);
  return current === undefined ? null : { key: x25519PublicKey(current.encryptionPublicKey), keyId: current.keyId };
}
