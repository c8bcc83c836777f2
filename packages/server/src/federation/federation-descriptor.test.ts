import { canonicalJson, currentKey, keyFingerprint, type JsonValue, type SignedDescriptor } from '@hanoi247/core';
import { TestNode, type SignedInUser } from '@hanoi247/testkit';
import { compactVerify, decodeProtectedHeader, importJWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeDescriptor, fakeGeneration, type Problem } from './federation.fixtures.js';

/**
 * The node descriptor as another implementation sees it: RFC 8785 JSON signed as a compact JWS
 * by the current key, pinned by the SHA-256 fingerprint of the raw Ed25519 public key.
 */
describe('node descriptor and pinning', () => {
  let node: TestNode;
  let admin: SignedInUser;

  beforeAll(async () => {
    node = await TestNode.start({ country: 'VN', name: 'Viet Nam 24/7' });
    admin = await node.administrator();
  });
  afterAll(async () => node.stop());

  const pin = (descriptor: unknown, fingerprint: string) =>
    node.call('POST', '/api/v1/peers', { as: admin, body: { descriptor, fingerprint } });

  it('publishes a descriptor whose signature verifies with plain JOSE over its canonical form', async () => {
    const response = await node.call('GET', '/federation/v1/descriptor');
    expect(response.statusCode).toBe(200);
    const signed = response.json<SignedDescriptor>();
    const current = currentKey(signed.descriptor);
    expect(signed.descriptor).toMatchObject({
      v: 1,
      country: 'VN',
      name: 'Viet Nam 24/7',
      endpoints: { acceptsInbound: true },
    });
    expect(decodeProtectedHeader(signed.signature)).toEqual({
      alg: 'EdDSA',
      kid: current.keyId,
      typ: 'hanoi247-descriptor+jws',
      formats: { contentStream: [1, 2] },
    });
    const key = await importJWK({ kty: 'OKP', crv: 'Ed25519', x: current.signing.publicKey }, 'EdDSA');
    const { payload } = await compactVerify(signed.signature, key);
    expect(new TextDecoder().decode(payload)).toBe(canonicalJson(signed.descriptor as unknown as JsonValue));
    for (const part of [current.signing, current.encryption]) {
      expect(part.fingerprint).toBe(keyFingerprint(Buffer.from(part.publicKey, 'base64url')));
      expect(part.fingerprint).toMatch(/^SHA256:[A-Za-z0-9_-]{43}$/);
    }
    expect(current.keyId).toMatch(/^[0-9a-f]{16}$/);
  });

  it('pins a partner only under the fingerprint read out of band', async () => {
    const generation = fakeGeneration(node.clock.now());
    const signed = await fakeDescriptor('SG', [generation], node.clock.now());
    const stranger = fakeGeneration(node.clock.now());
    const wrong = await pin(signed, stranger.descriptorKey.signing.fingerprint);
    expect(wrong.json<Problem>()).toMatchObject({ status: 400, code: 'federation/fingerprint-mismatch' });
    // The encryption key's fingerprint is not the one to pin.
    expect((await pin(signed, generation.descriptorKey.encryption.fingerprint)).json<Problem>()).toMatchObject({
      code: 'federation/fingerprint-mismatch',
    });
    const right = await pin(signed, generation.descriptorKey.signing.fingerprint);
    expect(right.statusCode, right.body).toBe(201);
    expect(right.json()).toMatchObject({
      country: 'SG',
      status: 'active',
      pinnedFingerprint: generation.descriptorKey.signing.fingerprint,
    });
  });

  it('refuses an altered descriptor, a lying fingerprint and its own descriptor', async () => {
    const generation = fakeGeneration(node.clock.now());
    const signed = await fakeDescriptor('TH', [generation], node.clock.now());
    const fingerprint = generation.descriptorKey.signing.fingerprint;
    const renamed = { ...signed, descriptor: { ...signed.descriptor, name: 'Someone else' } };
    expect((await pin(renamed, fingerprint)).json<Problem>()).toMatchObject({
      status: 401,
      code: 'federation/bad-signature',
    });
    const redirected = {
      ...signed,
      descriptor: { ...signed.descriptor, endpoints: { base: 'https://attacker.example', acceptsInbound: true } },
    };
    expect((await pin(redirected, fingerprint)).json<Problem>()).toMatchObject({
      status: 401,
      code: 'federation/bad-signature',
    });
    const [key] = signed.descriptor.keys;
    const lying = {
      ...signed,
      descriptor: { ...signed.descriptor, keys: [{ ...key!, encryption: { ...key!.encryption, fingerprint } }] },
    };
    expect((await pin(lying, fingerprint)).json<Problem>()).toMatchObject({
      status: 400,
      code: 'federation/invalid-descriptor',
    });
    const own = (await node.call('GET', '/federation/v1/descriptor')).json<SignedDescriptor>();
    expect((await pin(own, currentKey(own.descriptor).signing.fingerprint)).json<Problem>()).toMatchObject({
      status: 400,
      code: 'federation/invalid-descriptor',
    });
    const peers = (await node.call('GET', '/api/v1/peers', { as: admin })).json<{ peers: { country: string }[] }>()
      .peers;
    expect(peers.map((p) => p.country)).toEqual(['SG']);
  });

  it('pins and lists a descriptor signed without the optional acceptsInbound, as an older node signs it', async () => {
    const generation = fakeGeneration(node.clock.now());
    const signed = await fakeDescriptor('MY', [generation], node.clock.now(), { base: 'https://my.example' });
    expect(signed.descriptor.endpoints).toEqual({ base: 'https://my.example' });
    const pinned = await pin(signed, generation.descriptorKey.signing.fingerprint);
    expect(pinned.statusCode, pinned.body).toBe(201);
    const listed = await node.call('GET', '/api/v1/peers', { as: admin });
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json<{ peers: { country: string }[] }>().peers.map((p) => p.country)).toEqual(['MY', 'SG']);
  });
});
