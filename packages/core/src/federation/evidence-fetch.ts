import type { KeyObject } from 'node:crypto';
import { CompactSign, compactVerify, decodeProtectedHeader } from 'jose';
import { z } from 'zod';
import { DomainError } from '../errors/domain-error.js';
import { canonicalJson } from '../support/canonical-json.js';
import { clockSkewToleranceMs } from './envelope.js';

const country = z.string().regex(/^[A-Z]{2}$/);

/** The receiver proves who it is when it fetches offered content; nothing else authenticates it. */
export const evidenceFetchSchema = z.strictObject({
  v: z.literal(1),
  from: country,
  to: country,
  transferId: z.uuid(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  requestedAt: z.iso.datetime(),
  nonce: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
});
export type EvidenceFetch = z.infer<typeof evidenceFetchSchema>;

const fetchType = 'hanoi247-evidence-fetch+jws';

export async function signEvidenceFetch(fetch: EvidenceFetch, signingKey: KeyObject, keyId: string): Promise<string> {
  return new CompactSign(new TextEncoder().encode(canonicalJson(fetch)))
    .setProtectedHeader({ alg: 'EdDSA', kid: keyId, typ: fetchType })
    .sign(signingKey);
}

export async function verifyEvidenceFetch(
  jws: string,
  expectedTo: string,
  now: Date,
  resolveKey: (country: string, keyId: string) => KeyObject | null,
): Promise<EvidenceFetch> {
  try {
    const header = decodeProtectedHeader(jws);
    if (header.typ !== fetchType || header.alg !== 'EdDSA' || typeof header.kid !== 'string') throw new Error('header');
    const claimed = evidenceFetchSchema.parse(
      JSON.parse(new TextDecoder().decode(Buffer.from(jws.split('.')[1] ?? '', 'base64url'))),
    );
    const key = resolveKey(claimed.from, header.kid);
    if (key === null) throw new Error('key');
    const { payload } = await compactVerify(jws, key, { algorithms: ['EdDSA'] });
    const fetch = evidenceFetchSchema.parse(JSON.parse(new TextDecoder().decode(payload)));
    if (fetch.to !== expectedTo) throw new Error('addressee');
    if (Math.abs(Date.parse(fetch.requestedAt) - now.getTime()) > clockSkewToleranceMs) throw new Error('stale');
    return fetch;
  } catch {
    throw new DomainError(
      'federation/bad-signature',
      'the evidence fetch is not signed by a trusted key of a partner node, or is stale',
    );
  }
}
