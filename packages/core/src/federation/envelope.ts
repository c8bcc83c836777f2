import { createHash, type KeyObject } from 'node:crypto';
import { CompactEncrypt, CompactSign, compactDecrypt, compactVerify, decodeProtectedHeader } from 'jose';
import { z } from 'zod';
import { DomainError } from '../errors/domain-error.js';
import { canonicalJson, type JsonValue } from '../support/canonical-json.js';
import { msPerMinute } from '../support/time-units.js';
import { federationMessageTypes } from './messages.js';

/** Envelopes may be this far from our clock either way (docs/protocols/federation.md). */
export const clockSkewToleranceMs = 5 * msPerMinute;
export const maxEnvelopeBytes = 8 * 1024 * 1024;

/**
 * Whether a receiver refuses an envelope with this `expiresAt` at `now` (§4.4 check 10). A
 * holder uses the same rule to give up on a message nobody can accept any more.
 */
export function refusedAsExpired(expiresAt: string, now: Date): boolean {
  return Date.parse(expiresAt) + clockSkewToleranceMs < now.getTime();
}

export const envelopeHeaderSchema = z.strictObject({
  v: z.literal(1),
  messageId: z.uuid({ version: 'v7' }),
  from: z.string().regex(/^[A-Z]{2}$/),
  to: z.string().regex(/^[A-Z]{2}$/),
  type: z.enum(federationMessageTypes),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  inReplyTo: z.uuid().nullable(),
  /** SHA-256 (hex) of the JWE compact string in `payload`: signing the header signs the payload. */
  payloadDigest: z.string().regex(/^[0-9a-f]{64}$/),
});
export type EnvelopeHeader = z.infer<typeof envelopeHeaderSchema>;

export const envelopeSchema = z.strictObject({
  header: envelopeHeaderSchema,
  payload: z.string().max(maxEnvelopeBytes),
  signature: z.string().max(4096),
});
export type Envelope = z.infer<typeof envelopeSchema>;

export const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

export interface SealInput {
  readonly header: Omit<EnvelopeHeader, 'v' | 'payloadDigest'>;
  readonly payload: JsonValue;
  readonly sender: { readonly signingKey: KeyObject; readonly keyId: string };
  readonly recipient: { readonly encryptionKey: KeyObject; readonly keyId: string };
}

/** Encrypt to the recipient (ECDH-ES+A256KW over X25519, A256GCM), then sign the canonical header (EdDSA). */
export async function sealEnvelope(input: SealInput): Promise<Envelope> {
  const plaintext = new TextEncoder().encode(canonicalJson(input.payload));
  const payload = await new CompactEncrypt(plaintext)
    .setProtectedHeader({ alg: 'ECDH-ES+A256KW', enc: 'A256GCM', kid: input.recipient.keyId, cty: input.header.type })
    .encrypt(input.recipient.encryptionKey);
  const header: EnvelopeHeader = { v: 1, ...input.header, payloadDigest: sha256Hex(payload) };
  const signature = await new CompactSign(new TextEncoder().encode(canonicalJson(header)))
    .setProtectedHeader({ alg: 'EdDSA', kid: input.sender.keyId, typ: 'hanoi247-envelope+jws' })
    .sign(input.sender.signingKey);
  return { header, payload, signature };
}

export interface OpenContext {
  readonly recipientCountry: string;
  readonly now: Date;
  /** The sender's verification key for this key id, if the directory trusts it now; null otherwise. */
  readonly senderKey: (country: string, keyId: string) => KeyObject | null;
  /** Our own decryption key for this key id (current or in its overlap), or null. */
  readonly decryptionKey: (keyId: string) => KeyObject | null;
}

export interface OpenedEnvelope {
  readonly header: EnvelopeHeader;
  readonly payload: unknown;
}

function fail(
  code:
    | 'federation/invalid-envelope'
    | 'federation/unknown-signer'
    | 'federation/bad-signature'
    | 'federation/wrong-recipient'
    | 'federation/expired'
    | 'federation/not-yet-valid'
    | 'federation/digest-mismatch'
    | 'federation/undecryptable',
  detail: string,
): never {
  throw new DomainError(code, detail);
}

/** Reads only the header, unverified: enough to answer a duplicate with its original receipt. */
export function peekHeader(input: unknown): EnvelopeHeader | null {
  const parsed = envelopeSchema.safeParse(input);
  return parsed.success ? parsed.data.header : null;
}

/**
 * Every check before any effect: shape, recipient, signer known and trusted, signature over
 * exactly the canonical header, payload digest, validity window, then decryption.
 */
export async function openEnvelope(input: unknown, context: OpenContext): Promise<OpenedEnvelope> {
  const parsed = envelopeSchema.safeParse(input);
  if (!parsed.success) {
    fail(
      'federation/invalid-envelope',
      `not an envelope: ${parsed.error.issues.map((i) => `/${i.path.join('/')} ${i.message}`).join('; ')}`,
    );
  }
  const { header, payload, signature } = parsed.data;
  if (header.to !== context.recipientCountry) {
    fail('federation/wrong-recipient', `addressed to ${header.to}, this node is ${context.recipientCountry}`);
  }
  let kid: unknown;
  try {
    const protectedHeader = decodeProtectedHeader(signature);
    if (protectedHeader.alg !== 'EdDSA') throw new Error('alg');
    kid = protectedHeader.kid;
  } catch {
    fail('federation/bad-signature', 'the signature is not an EdDSA JWS');
  }
  const key = typeof kid === 'string' ? context.senderKey(header.from, kid) : null;
  if (key === null) fail('federation/unknown-signer', `no trusted key ${String(kid)} for ${header.from}`);
  try {
    const verified = await compactVerify(signature, key, { algorithms: ['EdDSA'] });
    if (new TextDecoder().decode(verified.payload) !== canonicalJson(header)) throw new Error('payload');
  } catch {
    fail('federation/bad-signature', 'the signature does not verify over the header');
  }
  if (sha256Hex(payload) !== header.payloadDigest) {
    fail('federation/digest-mismatch', 'the payload does not match the signed digest');
  }
  const now = context.now.getTime();
  if (Date.parse(header.createdAt) - clockSkewToleranceMs > now) {
    fail('federation/not-yet-valid', `created at ${header.createdAt}, in the future beyond the tolerated skew`);
  }
  if (refusedAsExpired(header.expiresAt, context.now)) fail('federation/expired', `expired at ${header.expiresAt}`);
  let plaintext: Uint8Array;
  try {
    const jweHeader = decodeProtectedHeader(payload);
    const decryptionKey = typeof jweHeader.kid === 'string' ? context.decryptionKey(jweHeader.kid) : null;
    if (decryptionKey === null || jweHeader.alg !== 'ECDH-ES+A256KW' || jweHeader.enc !== 'A256GCM') {
      throw new Error('key');
    }
    plaintext = (
      await compactDecrypt(payload, decryptionKey, {
        keyManagementAlgorithms: ['ECDH-ES+A256KW'],
        contentEncryptionAlgorithms: ['A256GCM'],
      })
    ).plaintext;
  } catch {
    fail('federation/undecryptable', 'the payload cannot be decrypted with this node\u2019s keys');
  }
  try {
    return { header, payload: JSON.parse(new TextDecoder().decode(plaintext)) as unknown };
  } catch {
    fail('federation/invalid-envelope', 'the decrypted payload is not JSON');
  }
}
