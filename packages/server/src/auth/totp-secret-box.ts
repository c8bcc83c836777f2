import { randomBytes } from 'node:crypto';
import { deriveFieldKey, fieldBox, isSealedField, sealedFieldPrefix } from '../privacy/field-box.js';

/**
 * TOTP secrets at rest: `v1:<base64url nonce>:<base64url ciphertext ‖ tag>`, AES-256-GCM; the
 * prefix is the format version (docs/adr/0008-crypto-formats.md §4).
 *
 * The key is derived with HKDF-SHA256 from `keys/storage.key` rather than kept in a file of its
 * own: that file is already the node's at-rest key, created race-free, guarded against silent
 * replacement and named in the backup instructions, so there is one secret file to keep, not
 * two. The distinct HKDF info makes this key independent of the one that wraps evidence keys.
 *
 * The construction is the general field box (privacy/field-box.ts) under this purpose's info string.
 *
 * Each ciphertext is bound (GCM additional data) to its table and row, so a sealed secret copied
 * to another user's row, or from an enrolment to a user, does not open.
 */
export const sealedTotpPrefix = sealedFieldPrefix;
const info = 'hanoi247 totp-secret v1';

export type TotpSecretBinding =
  | { readonly table: 'users'; readonly userId: string }
  | { readonly table: 'totp_enrolments'; readonly enrolmentId: string };

export interface TotpSecretBox {
  seal(secretBase32: string, binding: TotpSecretBinding): string;
  /** The base32 secret, or null when the stored form is not ours, was altered, or belongs to another row. */
  open(stored: string, binding: TotpSecretBinding): string | null;
}

export function isSealedTotpSecret(stored: string): boolean {
  return isSealedField(stored);
}

const bindingParts = (binding: TotpSecretBinding): string[] => [
  binding.table,
  binding.table === 'users' ? binding.userId : binding.enrolmentId,
];

export function deriveTotpSecretKey(storageKey: Buffer): Buffer {
  return deriveFieldKey(storageKey, info);
}

/** `randomNonce` is replaced only to reproduce the published test vectors. */
export function totpSecretBox(key: Buffer, randomNonce: () => Buffer = () => randomBytes(12)): TotpSecretBox {
  const box = fieldBox(key, info, randomNonce);
  return {
    seal: (secretBase32, binding) => box.seal(secretBase32, bindingParts(binding)),
    open: (stored, binding) => box.open(stored, bindingParts(binding)),
  };
}
