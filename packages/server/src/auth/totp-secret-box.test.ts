import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newTotpSecret } from './totp.js';
import { deriveTotpSecretKey, isSealedTotpSecret, totpSecretBox } from './totp-secret-box.js';

const storageKey = randomBytes(32);
const box = totpSecretBox(deriveTotpSecretKey(storageKey));
const alice = { table: 'users', userId: '0193-alice' } as const;

describe('TOTP secrets at rest', () => {
  it('seals to v1:<nonce>:<ciphertext+tag> without the secret, and opens only for the same row', () => {
    const secret = newTotpSecret();
    const sealed = box.seal(secret, alice);
    expect(sealed).toMatch(/^v1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain(secret);
    expect(isSealedTotpSecret(sealed)).toBe(true);
    expect(box.open(sealed, alice)).toBe(secret);
    expect(box.open(sealed, { table: 'users', userId: '0193-bob' })).toBeNull();
    expect(box.open(sealed, { table: 'totp_enrolments', enrolmentId: alice.userId })).toBeNull();
  });

  it('uses a fresh nonce for every seal', () => {
    const secret = newTotpSecret();
    expect(box.seal(secret, alice)).not.toBe(box.seal(secret, alice));
  });

  it('refuses altered, truncated, foreign-key and plaintext values instead of throwing', () => {
    const secret = newTotpSecret();
    const sealed = box.seal(secret, alice);
    const [, nonce, body] = sealed.split(':') as [string, string, string];
    const flipped = Buffer.from(body, 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    for (const bad of [
      `v1:${nonce}:${flipped.toString('base64url')}`,
      `v1:${nonce}:${body.slice(0, 10)}`,
      `v1:${nonce}`,
      'v1:::',
      `v2:${nonce}:${body}`,
      secret,
    ]) {
      expect(box.open(bad, alice)).toBeNull();
    }
    expect(totpSecretBox(deriveTotpSecretKey(randomBytes(32))).open(sealed, alice)).toBeNull();
  });

  it('derives a key unlike the storage key itself, the same every time', () => {
    expect(deriveTotpSecretKey(storageKey).equals(storageKey)).toBe(false);
    expect(deriveTotpSecretKey(storageKey).equals(deriveTotpSecretKey(Buffer.from(storageKey)))).toBe(true);
  });
});
