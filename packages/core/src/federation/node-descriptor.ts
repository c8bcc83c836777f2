import type { KeyObject } from 'node:crypto';
import { CompactSign, compactVerify, decodeProtectedHeader } from 'jose';
import { z } from 'zod';
import { DomainError } from '../errors/domain-error.js';
import { keyFingerprint } from '../identity/key-fingerprint.js';
import { canonicalJson, type JsonValue } from '../support/canonical-json.js';
import { nodeFormatsSchema, type NodeFormats } from './content-stream-formats.js';
import { ed25519PublicKey } from './keys.js';

const country = z.string().regex(/^[A-Z]{2}$/);
const publicKey = z.strictObject({
  publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  fingerprint: z.string().regex(/^SHA256:[A-Za-z0-9_-]{43}$/),
});

/**
 * What a node says about itself, signed with its own key. Partners pin it by the
 * fingerprint the operator received out of band; nothing is trusted from a hub.
 */
export const nodeDescriptorSchema = z.strictObject({
  v: z.literal(1),
  country,
  name: z.string().min(1).max(120),
  endpoints: z.strictObject({
    base: z.url({ protocol: /^https?$/ }),
    /**
     * False for a node behind a firewall that accepts no inbound connection: partners keep its messages for it to pull.
     */
    acceptsInbound: z.boolean().default(true),
  }),
  keys: z
    .array(
      z.strictObject({
        keyId: z.string().regex(/^[0-9a-f]{16}$/),
        createdAt: z.iso.datetime(),
        retiredAt: z.iso.datetime().nullable(),
        signing: publicKey,
        encryption: publicKey,
      }),
    )
    .min(1)
    .max(20),
  roster: z
    .array(
      z.strictObject({
        role: z.string().max(80),
        name: z.string().max(120),
        phone: z.string().max(40).optional(),
        email: z.string().max(200).optional(),
      }),
    )
    .max(50),
  languages: z
    .array(z.string().regex(/^[a-z]{2,3}$/))
    .min(1)
    .max(10),
  authorities: z.array(z.strictObject({ kind: z.string().max(40), name: z.string().max(200) })).max(20),
  reservations: z.array(z.strictObject({ code: z.string().max(60), description: z.string().max(500) })).max(50),
  issuedAt: z.iso.datetime(),
});
export type NodeDescriptor = z.infer<typeof nodeDescriptorSchema>;

export interface SignedDescriptor {
  readonly descriptor: NodeDescriptor;
  /** JWS compact (EdDSA) whose payload is the RFC 8785 form of `descriptor`. */
  readonly signature: string;
}

export function currentKey(descriptor: NodeDescriptor): NodeDescriptor['keys'][number] {
  const current = descriptor.keys.find((k) => k.retiredAt === null);
  if (current === undefined) {
    throw new DomainError('federation/invalid-descriptor', 'the descriptor lists no current key');
  }
  return current;
}

/**
 * `formats` (what the node reads) goes in the signature's protected header, not in the
 * descriptor: it is signed all the same, and a partner of the previous version, whose strict
 * descriptor schema would refuse a new member, ignores a header parameter it does not know.
 */
export async function signDescriptor(
  descriptor: NodeDescriptor,
  signingKey: KeyObject,
  formats?: NodeFormats,
): Promise<SignedDescriptor> {
  const payload = new TextEncoder().encode(canonicalJson(descriptor as unknown as JsonValue));
  const signature = await new CompactSign(payload)
    .setProtectedHeader({
      alg: 'EdDSA',
      kid: currentKey(descriptor).keyId,
      typ: 'hanoi247-descriptor+jws',
      ...(formats === undefined ? {} : { formats }),
    })
    .sign(signingKey);
  return { descriptor, signature };
}

/**
 * The formats a descriptor's node announces it reads, from its signature's protected header;
 * null for a node that announces nothing (the previous version). Read from a descriptor
 * already verified, which refused a malformed announcement.
 */
export function descriptorFormats(signed: Pick<SignedDescriptor, 'signature'>): NodeFormats | null {
  let header: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(signed.signature);
  } catch {
    return null;
  }
  const formats = nodeFormatsSchema.safeParse(header.formats);
  return formats.success ? formats.data : null;
}

/**
 * Checks the descriptor's shape, that its signature is by its own current key over exactly
 * its canonical form, that every fingerprint matches its key and, when pinning, that the
 * current signing key is the one the operator was told.
 */
export async function verifyDescriptor(input: unknown, pinnedFingerprint?: string): Promise<NodeDescriptor> {
  const envelope = z
    .strictObject({ descriptor: nodeDescriptorSchema, signature: z.string().max(10_000) })
    .safeParse(input);
  if (!envelope.success) {
    throw new DomainError('federation/invalid-descriptor', 'not a node descriptor', {
      issues: envelope.error.issues.map((i) => ({ path: `/${i.path.join('/')}`, message: i.message })),
    });
  }
  const { descriptor, signature } = envelope.data;
  for (const key of descriptor.keys) {
    for (const part of [key.signing, key.encryption]) {
      if (keyFingerprint(Buffer.from(part.publicKey, 'base64url')) !== part.fingerprint) {
        throw new DomainError(
          'federation/invalid-descriptor',
          `fingerprint of key ${key.keyId} does not match its public key`,
        );
      }
    }
  }
  const current = currentKey(descriptor);
  if (pinnedFingerprint !== undefined && pinnedFingerprint !== current.signing.fingerprint) {
    throw new DomainError(
      'federation/fingerprint-mismatch',
      `the descriptor's signing key is ${current.signing.fingerprint}, not the pinned ${pinnedFingerprint}`,
    );
  }
  let header;
  try {
    header = decodeProtectedHeader(signature);
  } catch {
    throw new DomainError('federation/bad-signature', 'the descriptor signature is not a JWS');
  }
  if (header.alg !== 'EdDSA' || header.kid !== current.keyId) {
    throw new DomainError('federation/bad-signature', 'the descriptor must be signed with its current key');
  }
  if (header.formats !== undefined && !nodeFormatsSchema.safeParse(header.formats).success) {
    throw new DomainError('federation/invalid-descriptor', 'the formats the descriptor announces are malformed');
  }
  try {
    const { payload } = await compactVerify(signature, ed25519PublicKey(current.signing.publicKey), {
      algorithms: ['EdDSA'],
    });
    // The signature covers the descriptor as sent, before defaults (`acceptsInbound`) were filled in.
    const asSent = (input as { descriptor: JsonValue }).descriptor;
    if (new TextDecoder().decode(payload) !== canonicalJson(asSent)) throw new Error('payload differs');
  } catch {
    throw new DomainError('federation/bad-signature', 'the descriptor signature does not verify');
  }
  return descriptor;
}
