import { clockSkewToleranceMs, type Envelope } from '@hanoi247/core';
import { settle } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditEntries,
  effects,
  expectRejected,
  fakeGeneration,
  hour,
  keyringOf,
  latestPendingEnvelope,
  minute,
  outboxRows,
  postEnvelope,
  sealBetween,
  sendPreservation,
  startPair,
  timeline,
  type Pair,
} from './federation.fixtures.js';

/**
 * Whom Singapore believes, and when: only keys of pinned, active partners, and only inside
 * the validity window widened by the documented ±5 minutes of clock skew.
 */
describe('federation trust and validity window', () => {
  let pair: Pair;
  const ttlHours = 72;

  /** Both clocks at the same instant, later than either was. */
  const synchronise = (): Date => {
    const at = new Date(Math.max(pair.vn.clock.now().getTime(), pair.sg.clock.now().getTime()) + hour);
    pair.vn.clock.set(at);
    pair.sg.clock.set(at);
    return at;
  };

  const accepted = async (body: string): Promise<void> => {
    const before = await effects(pair.sg);
    const response = await postEnvelope(pair.sg, body);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<{ receipt: string }>().receipt).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(await effects(pair.sg)).toEqual({ inbox: before.inbox + 1, requests: before.requests + 1 });
  };

  beforeAll(async () => {
    pair = await startPair({
      vn: { configure: (c) => ({ ...c, federation: { ...c.federation, messageTtlHours: ttlHours } }) },
    });
  });
  afterAll(async () => pair.stop());

  it('accepts a fresh envelope from the pinned partner (the baseline for what follows)', async () => {
    synchronise();
    await accepted(await sealBetween(pair.vn, pair.sg));
  });

  it('refuses signatures by keys nobody pinned as an unknown signer', async () => {
    const at = synchronise();
    const stranger = fakeGeneration(at);
    // A key Viet Nam never published, claiming to be Viet Nam.
    await expectRejected(
      pair.sg,
      await sealBetween(pair.vn, pair.sg, at, { signingKey: stranger.signingKey, keyId: stranger.keyId }),
      'federation/unknown-signer',
      401,
    );
    // A State Singapore never pinned.
    await expectRejected(
      pair.sg,
      await sealBetween(pair.vn, pair.sg, at, { from: 'TH', signingKey: stranger.signingKey, keyId: stranger.keyId }),
      'federation/unknown-signer',
      401,
    );
    // Singapore's own key cannot speak for Viet Nam.
    const own = keyringOf(pair.sg);
    await expectRejected(
      pair.sg,
      await sealBetween(pair.vn, pair.sg, at, { signingKey: own.signingKey, keyId: own.current.keyId }),
      'federation/unknown-signer',
      401,
    );
    // Viet Nam's key id with another key's signature does not verify.
    await expectRejected(
      pair.sg,
      await sealBetween(pair.vn, pair.sg, at, { signingKey: stranger.signingKey }),
      'federation/bad-signature',
      401,
    );
  });

  it('documents a clock-skew tolerance of five minutes', () => {
    expect(clockSkewToleranceMs).toBe(5 * minute);
  });

  it('accepts an envelope from a sender 4 minutes ahead, refuses one 10 minutes ahead as not yet valid', async () => {
    const at = synchronise();
    const aheadBy4 = await sealBetween(pair.vn, pair.sg, at);
    const aheadBy10 = await sealBetween(pair.vn, pair.sg, at);
    pair.sg.clock.set(new Date(at.getTime() - 10 * minute));
    await expectRejected(pair.sg, aheadBy10, 'federation/not-yet-valid', 400);
    pair.sg.clock.set(new Date(at.getTime() - 4 * minute));
    await accepted(aheadBy4);
    // Once the receiver's clock catches up, the same bytes are welcome.
    pair.sg.clock.set(at);
    await accepted(aheadBy10);
  });

  it(
    'accepts an envelope up to 5 minutes after it expired, refuses it 10 minutes ' +
      'after (the receiver\u2019s clock ahead)',
    async () => {
      const at = synchronise();
      const expiresAt = at.getTime() + ttlHours * hour;
      const envelopes = await Promise.all([0, 1, 2].map(() => sealBetween(pair.vn, pair.sg, at, { ttlHours })));
      expect((JSON.parse(envelopes[0]!) as Envelope).header.expiresAt).toBe(new Date(expiresAt).toISOString());
      pair.sg.clock.set(new Date(expiresAt + 10 * minute));
      await expectRejected(pair.sg, envelopes[0]!, 'federation/expired', 400);
      pair.sg.clock.set(new Date(expiresAt + 5 * minute + 1));
      await expectRejected(pair.sg, envelopes[1]!, 'federation/expired', 400);
      pair.sg.clock.set(new Date(expiresAt + 4 * minute));
      await accepted(envelopes[2]!);
    },
  );

  it('refuses a queued message once the receiver is past its lifetime, and the sender shows the failure', async () => {
    synchronise();
    const sent = await sendPreservation(pair);
    const { messageId, envelope } = await latestPendingEnvelope(pair.vn);
    expect(Date.parse(envelope.header.expiresAt) - Date.parse(envelope.header.createdAt)).toBe(ttlHours * hour);
    pair.sg.clock.set(new Date(Date.parse(envelope.header.expiresAt) + clockSkewToleranceMs + minute));
    const rejectedBefore = (await auditEntries(pair.sg, 'federation.rejected')).length;
    await settle([pair.vn, pair.sg]);
    expect(await auditEntries(pair.sg, 'federation.rejected')).toHaveLength(rejectedBefore + 1);
    expect((await outboxRows(pair.vn)).find((r) => r.message_id === messageId)).toMatchObject({
      status: 'failed',
      attempts: 1,
    });
    expect((await outboxRows(pair.vn)).find((r) => r.message_id === messageId)?.last_error).toMatch(
      /HTTP 400.*federation\/expired/,
    );
    expect((await timeline(pair.vn, pair.users.vnDuty, sent.id)).map((e) => e.action)).toContain('delivery-failed');
  });

  it('stops trusting a partner the operator removed: its messages are unknown signers', async () => {
    synchronise();
    const removal = await pair.sg.call('DELETE', '/api/v1/peers/VN', { as: pair.users.sgAdmin });
    expect(removal.statusCode, removal.body).toBe(204);
    const peers = (await pair.sg.call('GET', '/api/v1/peers', { as: pair.users.sgAdmin })).json<{
      peers: { country: string; status: string }[];
    }>().peers;
    expect(peers).toEqual([expect.objectContaining({ country: 'VN', status: 'removed' })]);
    await expectRejected(pair.sg, await sealBetween(pair.vn, pair.sg), 'federation/unknown-signer', 401);
    // What Viet Nam still had queued is refused and shows as a delivery failure there.
    const sent = await sendPreservation(pair);
    const { messageId } = await latestPendingEnvelope(pair.vn);
    await settle([pair.vn, pair.sg]);
    const row = (await outboxRows(pair.vn)).find((r) => r.message_id === messageId);
    expect(row).toMatchObject({ status: 'failed' });
    expect(row?.last_error).toMatch(/HTTP 401.*federation\/unknown-signer/);
    expect((await timeline(pair.vn, pair.users.vnDuty, sent.id)).map((e) => e.action)).toContain('delivery-failed');
    expect((await auditEntries(pair.vn, 'federation.delivery-failed')).map((e) => e.objectId)).toContain(messageId);
  });
});
