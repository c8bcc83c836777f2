import type { KeyObject } from 'node:crypto';
import { CompactSign, compactVerify, decodeProtectedHeader } from 'jose';
import { z } from 'zod';
import { DomainError } from '../errors/domain-error.js';
import { canonicalJson } from '../support/canonical-json.js';

/**
 * Proof of delivery, AS4-style: issued only after the message is durably committed, carrying
 * the digest of exactly the bytes received, signed by the receiving node.
 */
export const receiptSchema = z.strictObject({
  v: z.literal(1),
  messageId: z.uuid(),
  from: z.string().regex(/^[A-Z]{2}$/),
  to: z.string().regex(/^[A-Z]{2}$/),
  receivedAt: z.iso.datetime(),
  envelopeDigest: z.string().regex(/^[0-9a-f]{64}$/),
});
export type Receipt = z.infer<typeof receiptSchema>;

export async function signReceipt(receipt: Receipt, signingKey: KeyObject, keyId: string): Promise<string> {
  return new CompactSign(new TextEncoder().encode(canonicalJson(receipt)))
    .setProtectedHeader({ alg: 'EdDSA', kid: keyId, typ: 'hanoi247-receipt+jws' })
    .sign(signingKey);
}

export async function verifyReceipt(jws: string, resolveKey: (keyId: string) => KeyObject | null): Promise<Receipt> {
  try {
    const header = decodeProtectedHeader(jws);
    const key = typeof header.kid === 'string' ? resolveKey(header.kid) : null;
    if (key === null || header.alg !== 'EdDSA') throw new Error('key');
    const { payload } = await compactVerify(jws, key, { algorithms: ['EdDSA'] });
    const text = new TextDecoder().decode(payload);
    const receipt = receiptSchema.parse(JSON.parse(text));
    if (canonicalJson(receipt) !== text) throw new Error('not canonical');
    return receipt;
  } catch {
    throw new DomainError(
      'federation/invalid-receipt',
      'the receipt is not signed by a trusted key of the receiving node',
    );
  }
}
