import { hash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * High-entropy bearer secrets (sessions, API tokens, bootstrap and enrolment tokens).
 * 256 random bits need no slow hash: a SHA-256 digest in the database is enough to make
 * a stolen table useless, and lookups stay indexable.
 */
export function newSecret(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** One-shot `hash`: the same digest as createHash, without a Hash object per authenticated request. */
export function hashSecret(secret: string): string {
  return hash('sha256', secret, 'hex');
}

export function secretsEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
