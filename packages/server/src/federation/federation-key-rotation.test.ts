import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { decodeProtectedHeader } from 'jose';
import {
  currentKey,
  isDomainError,
  openEnvelope,
  operatorPrincipal,
  sealEnvelope,
  x25519PublicKey,
  type SignedDescriptor,
} from '@hanoi247/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rotateKeyring } from '../identity/node-keyring.js';
import { peerRepository, type PeerKeyRecord } from '../repositories/peer.repository.js';
import { ownDescriptor } from './own-descriptor.js';
import { currentEncryptionKey, trustedSigningKey } from './trust.js';
import {
  day,
  expectRejected,
  fakeDescriptor,
  fakeGeneration,
  keyringOf,
  latestPendingEnvelope,
  minute,
  postEnvelope,
  requestSent,
  seal,
  sealBetween,
  sendPreservation,
  startPair,
  type Pair,
} from './federation.fixtures.js';

const overlapDays = 7;
const operator = { principal: operatorPrincipal('test'), requestId: null };

describe('which partner keys are trusted (unit)', () => {
  const retiredAt = new Date('2026-11-10T12:00:00Z');
  const current = fakeGeneration(new Date('2026-11-10T12:00:00Z'));
  const retired = fakeGeneration(new Date('2026-01-01T00:00:00Z'), retiredAt);
  const record = (g: ReturnType<typeof fakeGeneration>): PeerKeyRecord => ({
    country: 'SG',
    keyId: g.keyId,
    signingPublicKey: g.descriptorKey.signing.publicKey,
    encryptionPublicKey: g.descriptorKey.encryption.publicKey,
    createdAt: g.descriptorKey.createdAt,
    retiredAt: g.descriptorKey.retiredAt,
  });
  const keys = [record(retired), record(current)];
  const at = (ms: number) => new Date(retiredAt.getTime() + ms);

  it(
    'trusts the current key, and a retired key up to keyOverlapDays after its ' + 'retirement, not a millisecond more',
    () => {
      expect(trustedSigningKey(keys, 'SG', current.keyId, at(365 * day), overlapDays)).not.toBeNull();
      expect(trustedSigningKey(keys, 'SG', retired.keyId, at(minute), overlapDays)).not.toBeNull();
      expect(trustedSigningKey(keys, 'SG', retired.keyId, at(overlapDays * day), overlapDays)).not.toBeNull();
      expect(trustedSigningKey(keys, 'SG', retired.keyId, at(overlapDays * day + 1), overlapDays)).toBeNull();
      expect(trustedSigningKey(keys, 'SG', retired.keyId, at(minute), 0)).toBeNull();
    },
  );

  it('trusts no key under another country or an unknown key id', () => {
    expect(trustedSigningKey(keys, 'VN', current.keyId, at(0), overlapDays)).toBeNull();
    expect(trustedSigningKey(keys, 'SG', '0123456789abcdef', at(0), overlapDays)).toBeNull();
  });

  it(
    'opens an envelope signed by the retired key inside the overlap and names ' + 'it an unknown signer after',
    async () => {
      const recipient = fakeGeneration(at(0));
      const recipientKeys = {
        encryptionKey: x25519PublicKey(recipient.descriptorKey.encryption.publicKey),
        keyId: recipient.keyId,
      };
      const envelope = await sealEnvelope({
        header: {
          messageId: '019a7b3c-0000-7000-8000-000000000001',
          from: 'SG',
          to: 'VN',
          type: 'request.sent',
          createdAt: at(0).toISOString(),
          expiresAt: at(30 * day).toISOString(),
          inReplyTo: null,
        },
        payload: requestSent('SG', 'VN', at(0)),
        sender: { signingKey: retired.signingKey, keyId: retired.keyId },
        recipient: recipientKeys,
      });
      const open = (now: Date) =>
        openEnvelope(envelope, {
          recipientCountry: 'VN',
          now,
          senderKey: (country, keyId) => trustedSigningKey(keys, country, keyId, now, overlapDays),
          decryptionKey: () => null,
        });
      // Inside the overlap every check passes up to decryption (the recipient's private key is not ours here).
      await expect(open(at(day))).rejects.toMatchObject({ code: 'federation/undecryptable' });
      const after = await open(at(overlapDays * day + minute)).catch((error: unknown) => error);
      expect(isDomainError(after) && after.code).toBe('federation/unknown-signer');
    },
  );
});

describe('partner key rotation between two nodes', () => {
  let pair: Pair;
  /** Thailand's current key after the second test: a fake partner whose keys the test holds. */
  let thailand: ReturnType<typeof fakeGeneration>;

  beforeAll(async () => {
    pair = await startPair();
  });
  afterAll(async () => pair.stop());

  const pin = (signed: SignedDescriptor, fingerprint = currentKey(signed.descriptor).signing.fingerprint) =>
    pair.vn.app.node.services.peers.pin(operator, signed, fingerprint);
  const peerKeys = async (country: string) =>
    pair.vn.app.node.database.db
      .selectFrom('peer_keys')
      .select(['key_id', 'retired_at'])
      .where('country', '=', country)
      .orderBy('created_at')
      .execute();

  it(
    'accepts the retired key of a re-pinned partner within the overlap, refuses ' +
      'it after, and encrypts to the new key',
    async () => {
      const before = keyringOf(pair.sg);
      pair.sg.clock.set(pair.vn.clock.now());
      const rotatedAt = pair.sg.clock.now();
      const { keyring: after, retired } = rotateKeyring(pair.sg.config.dataDir, pair.sg.clock);
      expect(retired).toMatchObject({ keyId: before.current.keyId, retiredAt: rotatedAt.toISOString() });
      // The retired signing key is destroyed; its public half stays listed.
      expect(existsSync(join(pair.sg.config.dataDir, 'keys', `${before.current.keyId}.signing.key.pem`))).toBe(false);

      const published = (await pair.sg.call('GET', '/federation/v1/descriptor')).json<SignedDescriptor>();
      const rotated = await ownDescriptor(
        { country: 'SG', name: published.descriptor.name, baseUrl: published.descriptor.endpoints.base },
        after,
        rotatedAt.toISOString(),
      );
      expect(rotated.descriptor.keys.map((k) => [k.keyId, k.retiredAt])).toEqual([
        [before.current.keyId, rotatedAt.toISOString()],
        [after.current.keyId, null],
      ]);
      // The new descriptor cannot vouch for itself under the old pin: the operator reads the new fingerprint.
      await expect(pin(rotated, before.current.signing.fingerprint)).rejects.toMatchObject({
        code: 'federation/fingerprint-mismatch',
      });
      await pin(rotated);
      expect(await peerKeys('SG')).toEqual([
        { key_id: before.current.keyId, retired_at: rotatedAt.toISOString() },
        { key_id: after.current.keyId, retired_at: null },
      ]);

      const oldKey = { signingKey: before.signingKey, keyId: before.current.keyId };
      const sealedAt = () => pair.vn.clock.now();
      for (const body of [
        await sealBetween(pair.sg, pair.vn, sealedAt(), oldKey),
        await sealBetween(pair.sg, pair.vn, sealedAt()),
      ]) {
        expect((await postEnvelope(pair.vn, body)).statusCode).toBe(200);
      }
      pair.vn.clock.set(new Date(rotatedAt.getTime() + overlapDays * day - minute));
      expect((await postEnvelope(pair.vn, await sealBetween(pair.sg, pair.vn, sealedAt(), oldKey))).statusCode).toBe(
        200,
      );
      pair.vn.clock.set(new Date(rotatedAt.getTime() + overlapDays * day + minute));
      await expectRejected(
        pair.vn,
        await sealBetween(pair.sg, pair.vn, sealedAt(), oldKey),
        'federation/unknown-signer',
        401,
      );
      expect((await postEnvelope(pair.vn, await sealBetween(pair.sg, pair.vn, sealedAt()))).statusCode).toBe(200);

      // What Viet Nam seals from now on is for Singapore's new key only.
      await sendPreservation(pair);
      const { envelope } = await latestPendingEnvelope(pair.vn);
      expect(decodeProtectedHeader(envelope.payload)).toMatchObject({
        kid: after.current.keyId,
        alg: 'ECDH-ES+A256KW',
        enc: 'A256GCM',
        cty: 'request.sent',
      });
    },
  );

  it('never trusts a key first seen already retired, even well inside the overlap', async () => {
    const now = pair.vn.clock.now();
    const old = fakeGeneration(new Date(now.getTime() - 30 * day), new Date(now.getTime() - minute));
    const current = fakeGeneration(new Date(now.getTime() - minute));
    await pin(await fakeDescriptor('TH', [old, current], now));
    expect(await peerKeys('TH')).toEqual([{ key_id: current.keyId, retired_at: null }]);
    const vnKeys = keyringOf(pair.vn);
    const toVn = { encryptionKey: x25519PublicKey(vnKeys.current.encryption.publicKey), keyId: vnKeys.current.keyId };
    const from = (g: typeof old) =>
      seal({ from: 'TH', to: 'VN', signingKey: g.signingKey, keyId: g.keyId, recipient: toVn, createdAt: now });
    await expectRejected(pair.vn, await from(old), 'federation/unknown-signer', 401);
    expect((await postEnvelope(pair.vn, await from(current))).statusCode).toBe(200);
    // Listing it again later changes nothing.
    await pin(await fakeDescriptor('TH', [old, current], new Date(now.getTime() + minute)));
    expect(await peerKeys('TH')).toEqual([{ key_id: current.keyId, retired_at: null }]);
    await expectRejected(pair.vn, await from(old), 'federation/unknown-signer', 401);
    thailand = current;
  });

  it(
    'stops trusting, and encrypting to, a key the partner no longer lists when ' + 're-pinned (a reinstalled node)',
    async () => {
      const now = pair.vn.clock.now();
      const reinstalled = fakeGeneration(now);
      await pin(await fakeDescriptor('TH', [reinstalled], new Date(now.getTime() + 2 * minute)));
      expect(await peerKeys('TH')).toEqual([{ key_id: reinstalled.keyId, retired_at: null }]);
      const vnKeys = keyringOf(pair.vn);
      const toVn = { encryptionKey: x25519PublicKey(vnKeys.current.encryption.publicKey), keyId: vnKeys.current.keyId };
      const from = (g: typeof reinstalled) =>
        seal({ from: 'TH', to: 'VN', signingKey: g.signingKey, keyId: g.keyId, recipient: toVn, createdAt: now });
      await expectRejected(pair.vn, await from(thailand), 'federation/unknown-signer', 401);
      expect((await postEnvelope(pair.vn, await from(reinstalled))).statusCode).toBe(200);
      expect(currentEncryptionKey(await peerRepository.keys(pair.vn.app.node.database.db), 'TH')?.keyId).toBe(
        reinstalled.keyId,
      );
    },
  );
});
