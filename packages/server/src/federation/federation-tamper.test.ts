import { maxEnvelopeBytes, sealEnvelope, sha256Hex, signReceipt, x25519PublicKey, type Envelope } from '@hanoi247/core';
import { settle } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpTransport } from './http-transport.js';
import {
  auditEntries,
  effects,
  expectRejected,
  faultProxy,
  incomingAt,
  inboxRows,
  keyringOf,
  latestPendingEnvelope,
  minute,
  outboxRows,
  postEnvelope,
  sealBetween,
  sendPreservation,
  startPair,
  type Pair,
  type Problem,
} from './federation.fixtures.js';

/** Flips one character of a base64url string at `index`, so the bytes differ but the shape stays. */
const flip = (text: string, index: number): string =>
  `${text.slice(0, index)}${text[index] === 'A' ? 'B' : 'A'}${text.slice(index + 1)}`;

/**
 * Singapore's inbox against a tampering network: every altered envelope is refused with a
 * problem, audited as 'federation.rejected', and leaves no inbox row and no request behind.
 */
describe('federation inbox against tampering', () => {
  const proxy = faultProxy();
  let pair: Pair;
  let original: { text: string; envelope: Envelope; messageId: string };
  const body = (envelope: Envelope): string => JSON.stringify(envelope);

  beforeAll(async () => {
    pair = await startPair({ vn: { transport: proxy.transport } });
    await sendPreservation(pair);
    original = await latestPendingEnvelope(pair.vn);
  });
  afterAll(async () => pair.stop());

  it('refuses an altered ciphertext as a digest mismatch, and a re-computed digest as a bad signature', async () => {
    const { envelope } = original;
    const ciphertextAt = envelope.payload.lastIndexOf('.') - 10;
    const altered = flip(envelope.payload, ciphertextAt);
    expect(altered).not.toBe(envelope.payload);
    await expectRejected(pair.sg, body({ ...envelope, payload: altered }), 'federation/digest-mismatch', 400);
    await expectRejected(
      pair.sg,
      body({ ...envelope, header: { ...envelope.header, payloadDigest: sha256Hex(altered) }, payload: altered }),
      'federation/bad-signature',
      401,
    );
  });

  it('refuses any altered header field under the original signature', async () => {
    const { envelope } = original;
    const { header } = envelope;
    const later = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();
    const altered = [
      { ...header, createdAt: later(header.createdAt, 1000) },
      { ...header, expiresAt: later(header.expiresAt, 30 * 86_400_000) },
      { ...header, type: 'request.transition' as const },
      { ...header, inReplyTo: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' },
    ];
    for (const changed of altered) {
      await expectRejected(pair.sg, body({ ...envelope, header: changed }), 'federation/bad-signature', 401);
    }
  });

  it('refuses a signature that is not over this header, or not a JWS at all', async () => {
    const { envelope } = original;
    const other = JSON.parse(await sealBetween(pair.vn, pair.sg)) as Envelope;
    await expectRejected(pair.sg, body({ ...envelope, signature: other.signature }), 'federation/bad-signature', 401);
    const [protectedHeader, payload, signature] = envelope.signature.split('.') as [string, string, string];
    await expectRejected(
      pair.sg,
      body({ ...envelope, signature: `${protectedHeader}.${payload}.${flip(signature, 5)}` }),
      'federation/bad-signature',
      401,
    );
    await expectRejected(pair.sg, body({ ...envelope, signature: 'not-a-jws' }), 'federation/bad-signature', 401);
  });

  it('refuses an envelope addressed to another State, even signed by a pinned partner', async () => {
    const toThailand = await sealBetween(pair.vn, pair.sg, pair.vn.clock.now(), { to: 'TH' });
    expect((JSON.parse(toThailand) as Envelope).header.to).toBe('TH');
    await expectRejected(pair.sg, toThailand, 'federation/wrong-recipient', 400);
  });

  it(
    'refuses malformed JSON with 400, an unsupported content type with 415 and ' +
      'an oversize body with 413, creating nothing',
    async () => {
      const before = await effects(pair.sg);
      const malformed = await postEnvelope(pair.sg, '{"header": {"v": 1, ');
      expect(malformed.json<Problem>()).toMatchObject({ status: 400, code: 'federation/invalid-envelope' });
      const notAnEnvelope = await postEnvelope(
        pair.sg,
        JSON.stringify({ header: { v: 2 }, payload: 'x', signature: 'y' }),
      );
      expect(notAnEnvelope.json<Problem>()).toMatchObject({ status: 400, code: 'federation/invalid-envelope' });
      const asText = await postEnvelope(pair.sg, original.text, 'text/plain');
      expect(asText.json<Problem>()).toMatchObject({ status: 415, code: 'request/unsupported-media-type' });
      const asJson = await postEnvelope(pair.sg, original.text, 'application/json');
      expect(asJson.json<Problem>()).toMatchObject({ status: 400, code: 'federation/invalid-envelope' });
      const oversize = await postEnvelope(
        pair.sg,
        `{"header":{},"payload":"${'A'.repeat(maxEnvelopeBytes + 64 * 1024)}","signature":""}`,
      );
      expect(oversize.json<Problem>()).toMatchObject({ status: 413, code: 'request/body-too-large' });
      // Within the body limit, a payload longer than maxEnvelopeBytes is still not an envelope.
      const longPayload = await postEnvelope(
        pair.sg,
        body({ ...original.envelope, payload: 'A'.repeat(maxEnvelopeBytes + 1) }),
      );
      expect(longPayload.json<Problem>()).toMatchObject({ status: 400, code: 'federation/invalid-envelope' });
      expect(await effects(pair.sg)).toEqual(before);
    },
  );

  it('still accepts the untouched envelope afterwards, exactly once', async () => {
    await settle([pair.vn, pair.sg]);
    expect(proxy.bodies).toEqual([original.text]);
    const [row] = (await outboxRows(pair.vn)).filter((r) => r.message_id === original.messageId);
    expect(row).toMatchObject({ status: 'delivered', attempts: 0 });
    expect(await incomingAt(pair.sg, pair.users.sgDuty)).toHaveLength(1);
    expect(await inboxRows(pair.sg)).toEqual([
      expect.objectContaining({ message_id: original.messageId, status: 'processed' }),
    ]);
  });

  it('answers a replay over a new connection with the original receipt and no second effect', async () => {
    const before = await effects(pair.sg);
    const [row] = (await outboxRows(pair.vn)).filter((r) => r.message_id === original.messageId);
    const replay = await httpTransport(pair.urls.sg, '/federation/v1/inbox', original.text);
    expect(replay.status).toBe(200);
    expect((JSON.parse(replay.body) as { receipt: string }).receipt).toBe(row!.receipt);
    expect(await effects(pair.sg)).toEqual(before);
  });

  it('refuses other bytes under a message id already received with 409', async () => {
    const { envelope } = original;
    await expectRejected(
      pair.sg,
      body({ ...envelope, payload: flip(envelope.payload, 20) }),
      'federation/unexpected-message',
      409,
    );
    // Even a genuinely signed, different envelope may not reuse the id.
    const vnKeys = keyringOf(pair.vn);
    const sgKeys = keyringOf(pair.sg);
    const resealed = await sealEnvelope({
      header: { ...envelope.header, createdAt: pair.vn.clock.now().toISOString() },
      payload: {
        reference: 'VN-2026-X00001',
        action: 'withdraw',
        fromState: 'SENT',
        toState: 'WITHDRAWN',
        payload: {},
        occurredAt: pair.vn.clock.now().toISOString(),
        actorName: 'mallory',
      },
      sender: { signingKey: vnKeys.signingKey, keyId: vnKeys.current.keyId },
      recipient: { encryptionKey: x25519PublicKey(sgKeys.current.encryption.publicKey), keyId: sgKeys.current.keyId },
    });
    await expectRejected(pair.sg, body(resealed), 'federation/unexpected-message', 409);
  });

  it('keeps retrying, never delivered, while the receipt does not match the bytes sent', async () => {
    const sgKeys = keyringOf(pair.sg);
    // Validly signed by Singapore, but for other bytes than the ones Viet Nam sent.
    proxy.rewrite = async (response) => {
      const genuine = JSON.parse(response.body) as { receipt: string };
      const claims = JSON.parse(
        Buffer.from(genuine.receipt.split('.')[1]!, 'base64url').toString('utf8'),
      ) as Parameters<typeof signReceipt>[0];
      const receipt = await signReceipt(
        { ...claims, envelopeDigest: sha256Hex('other bytes') },
        sgKeys.signingKey,
        sgKeys.current.keyId,
      );
      return { status: response.status, body: JSON.stringify({ receipt }) };
    };
    await sendPreservation(pair);
    const { messageId, text } = await latestPendingEnvelope(pair.vn);
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      const summary = await pair.vn.app.node.services.dispatcher.dispatchDue();
      expect(summary).toEqual({ delivered: 0, retried: 1, failed: 0 });
      const row = (await outboxRows(pair.vn)).find((r) => r.message_id === messageId)!;
      expect(row).toMatchObject({ status: 'pending', attempts: attempt, receipt: null, delivered_at: null });
      expect(row.last_error).toMatch(/^bad receipt/);
      pair.vn.clock.advance(10 * minute);
    }
    // A receipt that is not a signed receipt at all is no better.
    proxy.rewrite = (response) => ({ status: response.status, body: JSON.stringify({ receipt: 'forged' }) });
    expect(await pair.vn.app.node.services.dispatcher.dispatchDue()).toEqual({ delivered: 0, retried: 1, failed: 0 });
    expect(proxy.bodies.slice(-5).every((b) => b === text)).toBe(true);
    // Singapore committed the message once; its own receipt is the true one.
    expect(await incomingAt(pair.sg, pair.users.sgDuty)).toHaveLength(2);
    proxy.rewrite = null;
    pair.vn.clock.advance(10 * minute);
    expect(await pair.vn.app.node.services.dispatcher.dispatchDue()).toEqual({ delivered: 1, retried: 0, failed: 0 });
    const delivered = (await outboxRows(pair.vn)).find((r) => r.message_id === messageId)!;
    expect(delivered.receipt).toBe((await inboxRows(pair.sg)).find((r) => r.message_id === messageId)!.receipt);
    expect(await auditEntries(pair.vn, 'federation.delivery-failed')).toEqual([]);
  });
});
