import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Field-level sealing at rest: `v1:<base64url nonce>:<base64url ciphertext ‖ tag>`, AES-256-GCM
 * (docs/adr/0008-crypto-formats.md §4), the construction TOTP secrets were first sealed with, made
 * general. Each purpose (TOTP secrets, a fraud report's narrative, a reporter's contact) has its own
 * key, derived with HKDF-SHA256 from `keys/storage.key` under the purpose's own info string, so one
 * purpose's key opens nothing of another's.
 *
 * Each ciphertext is bound (GCM additional data) to the info string and to the row it belongs to, so a
 * sealed value copied to another row or another column does not open.
 */
export const sealedFieldPrefix = 'v1:';
const nonceBytes = 12;
const tagBytes = 16;

export interface FieldBox {
  /** `binding`: the table, column and row ids the value belongs to; the same parts open it again. */
  seal(plaintext: string, binding: readonly string[]): string;
  /** The plaintext, or null when the stored form is not ours, was altered, or belongs to another row. */
  open(stored: string, binding: readonly string[]): string | null;
}

export function isSealedField(stored: string): boolean {
  return stored.startsWith(sealedFieldPrefix);
}

/** The key of one purpose: HKDF-SHA256 with no salt (the input is 32 uniformly random bytes, RFC 5869 §3.1). */
export function deriveFieldKey(storageKey: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', storageKey, Buffer.alloc(0), info, 32));
}

/** `randomNonce` is replaced only to reproduce published test vectors. */
export function fieldBox(
  key: Buffer,
  info: string,
  randomNonce: () => Buffer = () => randomBytes(nonceBytes),
): FieldBox {
  const additionalData = (binding: readonly string[]) => Buffer.from([info, ...binding].join('\n'), 'utf8');
  return {
    seal(plaintext, binding) {
      // A random 96-bit nonce per seal: far below the 2^32 seals a key may take.
      const nonce = randomNonce();
      if (nonce.length !== nonceBytes) throw new RangeError('the GCM nonce is 12 bytes');
      const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: tagBytes });
      cipher.setAAD(additionalData(binding));
      const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return `${sealedFieldPrefix}${nonce.toString('base64url')}:${sealed.toString('base64url')}`;
    },

    open(stored, binding) {
      if (!isSealedField(stored)) return null;
      const parts = stored.slice(sealedFieldPrefix.length).split(':');
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
        // Only the tag check throws here: an altered value, or one bound to another row.
        return null;
      }
    },
  };
}
