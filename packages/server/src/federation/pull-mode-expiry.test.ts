import { randomBytes } from 'node:crypto';
import { clockSkewToleranceMs, signPullRequest } from '@hanoi247/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxRepository } from '../repositories/outbox.repository.js';
import {
  auditEntries,
  hour,
  keyringOf,
  latestPendingEnvelope,
  messageIdOf,
  minute,
  outboxRows,
  sendPreservation,
  startPair,
  timeline,
  type Pair,
} from './federation.fixtures.js';
import { envelopeContentType } from './http-transport.js';

/**
 * Singapore accepts no inbound connection and does not pull in time. Nobody will ever refuse
 * Viet Nam's message, so Viet Nam itself must give up on it, visibly, as on a refused push.
 */
describe('pull mode: a message nobody pulled before it expired', () => {
  let pair: Pair;
  const reason = 'expired before SG pulled it';

  beforeAll(async () => {
    pair = await startPair({
      vn: { configure: (c) => ({ ...c, federation: { ...c.federation, messageTtlHours: 1 } }) },
      sg: { configure: (c) => ({ ...c, federation: { ...c.federation, acceptsInbound: false } }) },
    });
  });
  afterAll(async () => pair.stop());

  const dispatch = () => pair.vn.app.node.services.dispatcher.dispatchDue();
  const row = async (messageId: string) => (await outboxRows(pair.vn)).find((r) => r.message_id === messageId)!;
  const deliveryEvents = async (requestId: string) =>
    (await timeline(pair.vn, pair.users.vnDuty, requestId)).filter((e) => e.kind === 'delivery');

  /** The message ids Viet Nam hands Singapore for a pull signed now, without Singapore receiving them. */
  async function served(): Promise<string[]> {
    const keyring = keyringOf(pair.sg);
    const jws = await signPullRequest(
      {
        v: 1,
        from: 'SG',
        to: 'VN',
        requestedAt: pair.vn.clock.now().toISOString(),
        nonce: randomBytes(16).toString('base64url'),
      },
      keyring.signingKey,
      keyring.current.keyId,
    );
    const response = await pair.vn.app.inject({
      method: 'POST',
      url: '/federation/v1/pull',
      headers: { 'content-type': envelopeContentType },
      payload: jws,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ envelopes: string[] }>().envelopes.map(messageIdOf);
  }

  async function postReceipts(receipts: string[]): Promise<number> {
    const response = await pair.vn.app.inject({
      method: 'POST',
      url: '/federation/v1/receipts',
      headers: { 'content-type': envelopeContentType },
      payload: JSON.stringify({ from: 'SG', receipts }),
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ accepted: number }>().accepted;
  }

  /** Singapore commits the message as a pull would have, now by Viet Nam's clock, and returns its signed receipt. */
  async function receiveAtSingapore(text: string): Promise<string> {
    pair.sg.clock.set(pair.vn.clock.now());
    return pair.sg.app.node.services.inbox.receive(text);
  }

  it(
    'serves a message until its expiresAt, then fails it once a receiver would ' + 'refuse it: timeline, audit, status',
    async () => {
      const sent = await sendPreservation(pair);
      const { messageId, envelope } = await latestPendingEnvelope(pair.vn);
      const expiresAt = Date.parse(envelope.header.expiresAt);
      expect(await dispatch()).toEqual({ delivered: 0, retried: 0, failed: 0 });
      expect(await served()).toEqual([messageId]);

      pair.vn.clock.set(new Date(expiresAt));
      expect(await served()).toEqual([messageId]);
      // Past its expiresAt it is no longer handed out, though a receipt for an earlier pull may still come back.
      pair.vn.clock.set(new Date(expiresAt + 1));
      expect(await served()).toEqual([]);
      pair.vn.clock.set(new Date(expiresAt + clockSkewToleranceMs));
      expect(await dispatch()).toEqual({ delivered: 0, retried: 0, failed: 0 });
      expect(await row(messageId)).toMatchObject({ status: 'pending', attempts: 0 });

      // The next scan after that gives up on it (a held message is looked at every 30 seconds).
      pair.vn.clock.set(new Date(expiresAt + clockSkewToleranceMs + minute));
      expect(await dispatch()).toEqual({ delivered: 0, retried: 0, failed: 1 });
      expect(await row(messageId)).toMatchObject({ status: 'failed', attempts: 0, receipt: null, last_error: reason });
      expect(await served()).toEqual([]);
      expect((await deliveryEvents(sent.id)).map((e) => e.action)).toEqual(['message-queued', 'delivery-failed']);
      expect((await deliveryEvents(sent.id)).at(-1)).toMatchObject({
        payload: { messageId, to: 'SG', reason, attempts: 0 },
      });
      expect(
        (await auditEntries(pair.vn, 'federation.delivery-failed')).filter((a) => a.objectId === messageId),
      ).toEqual([{ objectId: messageId, outcome: 'failure', details: { to: 'SG', reason } }]);
      const status = await pair.vn.call('GET', '/api/v1/federation/status', { as: pair.users.vnDuty });
      expect(status.json<{ failures: unknown[] }>().failures).toContainEqual(
        expect.objectContaining({ messageId, to: 'SG', requestId: sent.id, status: 'failed', lastError: reason }),
      );

      // Failed once: later scans leave it alone.
      pair.vn.clock.advance(hour);
      expect(await dispatch()).toEqual({ delivered: 0, retried: 0, failed: 0 });
      expect((await deliveryEvents(sent.id)).map((e) => e.action)).toEqual(['message-queued', 'delivery-failed']);
    },
  );

  it(
    'serves an unexpired message beside an expired one the scan has not reached ' +
      'yet, and Singapore pulls only that',
    async () => {
      const old = await sendPreservation(pair);
      const stale = await latestPendingEnvelope(pair.vn);
      pair.vn.clock.set(new Date(Date.parse(stale.envelope.header.expiresAt) + clockSkewToleranceMs + 1));
      const fresh = await sendPreservation(pair);
      const current = await latestPendingEnvelope(pair.vn);
      // Both still pending: the pull decides by time, not by status alone.
      expect([(await row(stale.messageId)).status, (await row(current.messageId)).status]).toEqual([
        'pending',
        'pending',
      ]);
      expect(await served()).toEqual([current.messageId]);

      pair.sg.clock.set(pair.vn.clock.now());
      expect(await pair.sg.app.node.services.pull.pullFromPartners()).toBe(1);
      expect(await row(current.messageId)).toMatchObject({ status: 'delivered' });
      expect(await dispatch()).toEqual({ delivered: 0, retried: 0, failed: 1 });
      expect(await row(stale.messageId)).toMatchObject({ status: 'failed', last_error: reason });
      expect((await deliveryEvents(fresh.id)).map((e) => e.action)).toEqual(['message-queued', 'message-delivered']);
      expect((await deliveryEvents(old.id)).map((e) => e.action)).toEqual(['message-queued', 'delivery-failed']);
    },
  );

  it(
    'skips a receipt that comes back after the message was shown as failed: ' + 'never both delivered and failed',
    async () => {
      const sent = await sendPreservation(pair);
      const { messageId, text, envelope } = await latestPendingEnvelope(pair.vn);
      // Singapore took it just in time, but its receipts are late.
      const receipt = await receiveAtSingapore(text);
      const readBeforeTheScan = (await outboxRepository.find(pair.vn.app.node.database.db, messageId))!;
      pair.vn.clock.set(new Date(Date.parse(envelope.header.expiresAt) + clockSkewToleranceMs + 1));
      expect(await dispatch()).toEqual({ delivered: 0, retried: 0, failed: 1 });

      expect(await postReceipts([receipt])).toBe(0);
      // A receipt checked against the message just before the scan failed it loses the race too.
      expect(await pair.vn.app.node.services.dispatcher.acknowledge(readBeforeTheScan, receipt)).toBe(false);
      expect(await row(messageId)).toMatchObject({ status: 'failed', receipt: null, delivered_at: null });
      expect((await deliveryEvents(sent.id)).map((e) => e.action)).toEqual(['message-queued', 'delivery-failed']);
    },
  );

  it(
    'accepts a receipt that comes back after expiresAt but before the scan gave ' + 'up: delivered, never failed',
    async () => {
      const sent = await sendPreservation(pair);
      const { messageId, text, envelope } = await latestPendingEnvelope(pair.vn);
      const receipt = await receiveAtSingapore(text);
      pair.vn.clock.set(new Date(Date.parse(envelope.header.expiresAt) + clockSkewToleranceMs));
      expect(await dispatch()).toEqual({ delivered: 0, retried: 0, failed: 0 });

      expect(await postReceipts([receipt])).toBe(1);
      expect(await row(messageId)).toMatchObject({ status: 'delivered', receipt });
      pair.vn.clock.advance(hour);
      expect(await dispatch()).toEqual({ delivered: 0, retried: 0, failed: 0 });
      expect((await deliveryEvents(sent.id)).map((e) => e.action)).toEqual(['message-queued', 'message-delivered']);
    },
  );
});
