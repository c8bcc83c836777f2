import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A self-hosted proof-of-work for the public report form (hashcash-style, no third-party service):
 * the node hands out `v1.<id>.<expires ms>.<bits>.<mac>`, MAC'd with HMAC-SHA256 under a key derived
 * from the node's storage key; the browser finds a number `n` such that SHA-256(`<challenge>:<n>`)
 * starts with `bits` zero bits; the node checks the MAC, the expiry and the hash, and records the id so
 * that a challenge is spent once (the caller's transaction inserts it; a second insert is a replay).
 */
export interface IssuedChallenge {
  readonly challenge: string;
  readonly bits: number;
  readonly expiresAt: string;
}

export type ChallengeCheck =
  | { readonly ok: true; readonly id: string; readonly expiresAt: string }
  | { readonly ok: false; readonly reason: 'malformed' | 'forged' | 'expired' | 'too-easy' | 'unsolved' };

const version = 'v1';

/** Leading zero bits of a digest. */
export function leadingZeroBits(digest: Uint8Array): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

const solutionDigest = (challenge: string, solution: number) =>
  createHash('sha256').update(`${challenge}:${solution}`, 'utf8').digest();

/** The number a browser would find: used by tests and the CLI, never by the server's checks. */
export function solveChallenge(challenge: string, bits: number): number {
  for (let n = 0; ; n += 1) if (leadingZeroBits(solutionDigest(challenge, n)) >= bits) return n;
}

export function proofOfWork(key: Buffer, settings: { readonly bits: number; readonly ttlSeconds: number }) {
  const mac = (body: string) => createHmac('sha256', key).update(body, 'utf8').digest('base64url');

  return {
    issue(now: Date): IssuedChallenge {
      const expires = now.getTime() + settings.ttlSeconds * 1000;
      const body = `${version}.${randomBytes(16).toString('base64url')}.${expires}.${settings.bits}`;
      return { challenge: `${body}.${mac(body)}`, bits: settings.bits, expiresAt: new Date(expires).toISOString() };
    },

    check(challenge: string, solution: number, now: Date): ChallengeCheck {
      const parts = challenge.split('.');
      if (parts.length !== 5 || parts[0] !== version) return { ok: false, reason: 'malformed' };
      const [, id = '', expiresText = '', bitsText = '', given = ''] = parts;
      const expected = Buffer.from(mac(parts.slice(0, 4).join('.')));
      const actual = Buffer.from(given);
      if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
        return { ok: false, reason: 'forged' };
      }
      const expires = Number(expiresText);
      if (!Number.isSafeInteger(expires) || expires <= now.getTime()) return { ok: false, reason: 'expired' };
      const bits = Number(bitsText);
      if (!Number.isInteger(bits) || bits < settings.bits) return { ok: false, reason: 'too-easy' };
      if (leadingZeroBits(solutionDigest(challenge, solution)) < bits) return { ok: false, reason: 'unsolved' };
      return { ok: true, id, expiresAt: new Date(expires).toISOString() };
    },
  };
}

export type ProofOfWork = ReturnType<typeof proofOfWork>;
