import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyFingerprint, keyIdOf } from './key-fingerprint.js';

const runs = { seed: 0xf1a9, numRuns: 200 } as const;
const zeros = new Uint8Array(32);

describe('keyFingerprint', () => {
  it('is "SHA256:" and the unpadded base64url SHA-256 of the raw key', () => {
    // SHA-256 of 32 zero bytes is 66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925.
    const digest = Buffer.from('66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925', 'hex');
    expect(keyFingerprint(zeros)).toBe(`SHA256:${digest.toString('base64url')}`);
    expect(keyFingerprint(zeros)).toBe('SHA256:Zmh6rfhivXdsj8GLjp-OIAiXFIVu4jOzkCpZHQ1fKSU');
  });

  it('has the same form for a real Ed25519 key', () => {
    const jwk = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' });
    const raw = Buffer.from(jwk.x!, 'base64url');
    expect(raw).toHaveLength(32);
    expect(keyFingerprint(raw)).toMatch(/^SHA256:[A-Za-z0-9_-]{43}$/);
  });

  it('tells different keys apart (property)', () => {
    const key = fc.uint8Array({ minLength: 32, maxLength: 32 });
    fc.assert(
      fc.property(key, key, (a, b) => {
        fc.pre(Buffer.compare(a, b) !== 0);
        expect(keyFingerprint(a)).not.toBe(keyFingerprint(b));
        expect(keyIdOf(a)).not.toBe(keyIdOf(b));
      }),
      runs,
    );
  });
});

describe('keyIdOf', () => {
  it('is the first 16 hex digits of the SHA-256 of the raw key', () => {
    expect(keyIdOf(zeros)).toBe('66687aadf862bd77');
  });

  it('is stable and agrees with the fingerprint (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }), (raw) => {
        const id = keyIdOf(raw);
        expect(id).toMatch(/^[0-9a-f]{16}$/);
        expect(keyIdOf(Uint8Array.from(raw))).toBe(id);
        const fingerprintHex = Buffer.from(keyFingerprint(raw).slice('SHA256:'.length), 'base64url').toString('hex');
        expect(fingerprintHex.startsWith(id)).toBe(true);
      }),
      runs,
    );
  });
});
