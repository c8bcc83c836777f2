import type { KeyObject } from 'node:crypto';
import { CompactSign, compactVerify, decodeProtectedHeader } from 'jose';
import { z } from 'zod';
import { DomainError } from '../errors/domain-error.js';
import { canonicalJson } from '../support/canonical-json.js';
import { clockSkewToleranceMs } from './envelope.js';

/**
 * A node that cannot accept inbound connections fetches its messages from partners. It
 * proves who it is by signing the pull request; nothing else authenticates it.
 */
export const pullRequestSchema = z.strictObject({
  v: z.literal(1),
  from: z.string().regex(/^[A-Z]{2}$/),
  to: z.string().regex(/^[A-Z]{2}$/),
  requestedAt: z.iso.datetime(),
  nonce: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
});
export type PullRequest = z.infer<typeof pullRequestSchema>;

export async function signPullRequest(request: PullRequest, signingKey: KeyObject, keyId: string): Promise<string> {
  return new CompactSign(new TextEncoder().encode(canonicalJson(request)))
    .setProtectedHeader({ alg: 'EdDSA', kid: keyId, typ: 'hanoi247-pull+jws' })
    .sign(signingKey);
}

export async function verifyPullRequest(
  jws: string,
  expectedTo: string,
  now: Date,
  resolveKey: (country: string, keyId: string) => KeyObject | null,
): Promise<PullRequest> {
  try {
    const header = decodeProtectedHeader(jws);
    const claimed = pullRequestSchema.parse(
      JSON.parse(new TextDecoder().decode(Buffer.from(jws.split('.')[1] ?? '', 'base64url'))),
    );
    const key = typeof header.kid === 'string' ? resolveKey(claimed.from, header.kid) : null;
    if (key === null || header.alg !== 'EdDSA') throw new Error('key');
    const { payload } = await compactVerify(jws, key, { algorithms: ['EdDSA'] });
    const request = pullRequestSchema.parse(JSON.parse(new TextDecoder().decode(payload)));
    if (request.to !== expectedTo) throw new Error('addressee');
    if (Math.abs(Date.parse(request.requestedAt) - now.getTime()) > clockSkewToleranceMs) throw new Error('stale');
    return request;
  } catch {
    throw new DomainError(
      'federation/bad-signature',
      'the pull request is not signed by a trusted key of a partner node, or is stale',
    );
  }
}
