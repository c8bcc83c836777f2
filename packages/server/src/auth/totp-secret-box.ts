import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * TOTP secrets at rest: `v1:<base64url nonce>:<base64url ciphertext ‖ tag>`, AES-256-GCM; the
 * prefix is the format version (docs/adr/0008-crypto-formats.md §4).
 *
 * The key is derived with HKDF-SHA256 from `keys/storage.key` rather than kept in a file of its
 * own: that file is already the node's at-rest key, created race-free, guarded against silent
 * replacement and named in the backup instructions, so there is one secret file to keep, not
 * two. The distinct HKDF info makes this key independent of the one that wraps evidence keys.
 *
 * Each ciphertext is bound (GCM additional data) to its table and row, so a sealed secret copied
 * to another user's row, or from an enrolment to a user, does not open.
 */
export const sealedTotpPrefix = 'v1:';
const info = 'hanoi247 totp-secret v1';
const nonceBytes = 12;
const tagBytes = 16;

export type TotpSecretBinding =
  | { readonly table: 'users'; readonly userId: string }
  | { readonly table: 'totp_enrolments'; readonly enrolmentId: string };

export interface TotpSecretBox {
  seal(secretBase32: string, binding: TotpSecretBinding): string;
  /** The base32 secret, or null when the stored form is not ours, was altered, or belongs to another row. */
  open(stored: string, binding: TotpSecretBinding): string | null;
}

export function isSealedTotpSecret(stored: string): boolean {
  return stored.startsWith(sealedTotpPrefix);
}

function additionalData(binding: TotpSecretBinding): Buffer {
  const row = binding.table === 'users' ? binding.userId : binding.enrolmentId;
  return Buffer.from(`${info}\n${binding.table}\n${row}`, 'utf8');
}

export function deriveTotpSecretKey(storageKey: Buffer): Buffer {
  // No salt: the input is already 32 uniformly random bytes (RFC 5869 §3.1).
  return Buffer.from(hkdfSync('sha256', storageKey, Buffer.alloc(0), info, 32));
}

/** `randomNonce` is replaced only to reproduce the published test vectors. */
export function totpSecretBox(key: Buffer, randomNonce: () => Buffer = () => randomBytes(nonceBytes)): TotpSecretBox {
  return {
    seal(secretBase32, binding) {
      // A random 96-bit nonce per seal: a node seals a few secrets per officer, far below the 2^32 bound.
      const nonce = randomNonce();
      if (nonce.length !== nonceBytes) throw new RangeError('the GCM nonce is 12 bytes');
      const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: tagBytes });
      cipher.setAAD(additionalData(binding));
      const sealed = Buffer.concat([cipher.update(secretBase32, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return `${sealedTotpPrefix}${nonce.toString('base64url')}:${sealed.toString('base64url')}`;
    },

    open(stored, binding) {
      if (!isSealedTotpSecret(stored)) return null;
      const parts = stored.slice(sealedTotpPrefix.length).split(':');
      if (parts.length !== 2) return null;
      const nonce = Buffer.from(parts[0] ?? '', 'base64url');
      const sealed = Buffer.from(parts[1] ?? '', 'base64url');
      if (nonce.length !== nonceBytes || sealed.length <= tagBytes) return null;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: tagBytes });
        decipher.setAAD(additionalData(binding));
        decipher.setAuthTag(sealed.subarray(sealed.length - tagBytes));
        return Buffer.concat([
          decipher.update(sealed.subarray(0, sealed.length - tagBytes)),
          decipher.final(),
        ]).toString('utf8');
      } catch {
        // Only the tag check throws here; the caller records why the sign-in was refused.
        return null;
      }
    },
  };
}
