import { generateKeyPairSync } from 'node:crypto';
// eslint-disable-next-line no-restricted-imports -- a test reads a committed descriptor; core's code does no I/O
import { readFileSync } from 'node:fs';
import { compactVerify, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { keyFingerprint, keyIdOf } from '../identity/key-fingerprint.js';
import { canonicalJson, type JsonValue } from '../support/canonical-json.js';
import { contentStreamFor, ownFormats } from './content-stream-formats.js';
import { ed25519PublicKey, rawPublicKey } from './keys.js';
import {
  descriptorFormats,
  nodeDescriptorSchema,
  signDescriptor,
  verifyDescriptor,
  type NodeDescriptor,
  type SignedDescriptor,
} from './node-descriptor.js';

function descriptorOf(signingPublic: string): NodeDescriptor {
  const raw = Buffer.from(signingPublic, 'base64url');
  const encryption = rawPublicKey(generateKeyPairSync('x25519').publicKey);
  return {
    v: 1,
    country: 'SG',
    name: 'Singapore 24/7',
    endpoints: { base: 'https://h247.sg.example', acceptsInbound: true },
    keys: [
      {
        keyId: keyIdOf(raw),
        createdAt: '2026-11-01T00:00:00.000Z',
        retiredAt: null,
        signing: { publicKey: signingPublic, fingerprint: keyFingerprint(raw) },
        encryption: { publicKey: encryption, fingerprint: keyFingerprint(Buffer.from(encryption, 'base64url')) },
      },
    ],
    roster: [],
    languages: ['en'],
    authorities: [],
    reservations: [],
    issuedAt: '2026-11-02T08:59:00.000Z',
  };
}

const signing = generateKeyPairSync('ed25519');
const descriptor = descriptorOf(rawPublicKey(signing.publicKey));

/** Exactly what a node of the previous version checks before it pins a descriptor. */
async function previousVersionAccepts(signed: SignedDescriptor): Promise<boolean> {
  if (!nodeDescriptorSchema.safeParse(signed.descriptor).success) return false;
  const current = signed.descriptor.keys[0]!;
  const header = decodeProtectedHeader(signed.signature);
  if (header.alg !== 'EdDSA' || header.kid !== current.keyId) return false;
  const { payload } = await compactVerify(signed.signature, ed25519PublicKey(current.signing.publicKey));
  return new TextDecoder().decode(payload) === canonicalJson(signed.descriptor as unknown as JsonValue);
}

describe('content-stream versions between partners', () => {
  it('uses the newest version both read, and version 1 with a partner that announces nothing', () => {
    expect(contentStreamFor(null)).toBe(1);
    expect(contentStreamFor({ contentStream: [1] })).toBe(1);
    expect(contentStreamFor({ contentStream: [1, 2] })).toBe(2);
    expect(contentStreamFor({ contentStream: [2, 1, 9] })).toBe(2);
    expect(() => contentStreamFor({ contentStream: [9] })).toThrow(/none of which this node writes/);
  });

  it('announces what a node reads in the signed header, which a node of the previous version still pins', async () => {
    const signed = await signDescriptor(descriptor, signing.privateKey, ownFormats);
    expect(decodeProtectedHeader(signed.signature)).toMatchObject({ formats: { contentStream: [1, 2] } });
    expect(descriptorFormats(signed)).toEqual({ contentStream: [1, 2] });
    expect(await verifyDescriptor(JSON.parse(JSON.stringify(signed)))).toEqual(descriptor);
    expect(await previousVersionAccepts(signed)).toBe(true);
  });

  it('reads a descriptor signed by the previous version as announcing nothing: version 1', async () => {
    const previous = JSON.parse(
      readFileSync(new URL('testdata/descriptor-before-formats.json', import.meta.url), 'utf8'),
    ) as SignedDescriptor;
    await expect(verifyDescriptor(previous)).resolves.toMatchObject({ country: 'VN' });
    expect(descriptorFormats(previous)).toBeNull();
    expect(contentStreamFor(descriptorFormats(previous))).toBe(1);
  });

  it('refuses a descriptor whose announcement is malformed', async () => {
    const bad = await signDescriptor(descriptor, signing.privateKey, { contentStream: [] });
    await expect(verifyDescriptor(bad)).rejects.toMatchObject({ code: 'federation/invalid-descriptor' });
  });
});
