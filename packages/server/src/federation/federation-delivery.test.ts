import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidV7Ids } from '../identity/ids.js';
import { outboxRepository } from '../repositories/outbox.repository.js';
import { createDispatcher } from '../services/dispatcher.service.js';
import { quietTelemetry } from '../telemetry.js';
import { createOutboundHttp } from './http-transport.js';
import {
  auditEntries,
  faultProxy,
  hour,
  incomingAt,
  inboxRows,
  latestPendingEnvelope,
  minute,
  outboxRows,
  sendPreservation,
  startPair,
  timeline,
  type Pair,
} from './federation.fixtures.js';

/**
 * Viet Nam delivers through a transport that loses requests or receipts. Every attempt sends
 * the bytes stored in the outbox; delays grow; a spent budget is a visible delivery failure.
 */
describe('federation delivery through a faulty network', () => {
  const proxy = faultProxy();
  let pair: Pair;
  const maxAttempts = 3;
  const retryBaseSeconds = 1;

  beforeAll(async () => {
    pair = await startPair({
      vn: {
        transport: proxy.transport,
        configure: (c) => ({
          ...c,
          federation: { ...c.federation, maxAttempts, retryBaseSeconds, retryMaxSeconds: 300 },
        }),
      },
    });
  });
  afterAll(async () => pair.stop());

  const dispatch = () => pair.vn.app.node.services.dispatcher.dispatchDue();
  const row = async (messageId: string) => (await outboxRows(pair.vn)).find((r) => r.message_id === messageId)!;

  it(
    'retries a lost request with identical bytes, later each time, then shows ' + 'it as failed after maxAttempts',
    async () => {
      proxy.fault = 'drop-request';
      proxy.bodies.length = 0;
      const sent = await sendPreservation(pair);
      const { messageId, text } = await latestPendingEnvelope(pair.vn);
      const delays: number[] = [];
      for (let attempt = 1; attempt < maxAttempts; attempt += 1) {
        const at = pair.vn.clock.now().getTime();
        expect(await dispatch()).toEqual({ delivered: 0, retried: 1, failed: 0 });
        const pending = await row(messageId);
        expect(pending).toMatchObject({ status: 'pending', attempts: attempt });
        expect(pending.last_error).toMatch(/^unreachable: connection refused/);
        // Exponential backoff with jitter: between half and all of base × 2^(attempt-1).
        const nominal = retryBaseSeconds * 1000 * 2 ** (attempt - 1);
        const delay = Date.parse(pending.next_attempt_at) - at;
        expect(delay).toBeGreaterThanOrEqual(nominal / 2);
        expect(delay).toBeLessThanOrEqual(nominal);
        delays.push(delay);
        // Not a millisecond early.
        pair.vn.clock.set(new Date(Date.parse(pending.next_attempt_at) - 1));
        expect(await dispatch()).toEqual({ delivered: 0, retried: 0, failed: 0 });
        pair.vn.clock.set(new Date(pending.next_attempt_at));
      }
      expect(delays[1]).toBeGreaterThanOrEqual(delays[0]!);
      expect(await dispatch()).toEqual({ delivered: 0, retried: 0, failed: 1 });
      expect(await row(messageId)).toMatchObject({ status: 'failed', attempts: maxAttempts, receipt: null });
      expect(proxy.bodies).toEqual(Array.from({ length: maxAttempts }, () => text));

      // Spent: no further attempt, however long we wait.
      pair.vn.clock.advance(hour);
      expect(await dispatch()).toEqual({ delivered: 0, retried: 0, failed: 0 });
      expect(proxy.bodies).toHaveLength(maxAttempts);

      const failure = (await timeline(pair.vn, pair.users.vnDuty, sent.id)).filter(
        (e) => e.action === 'delivery-failed',
      );
      expect(failure).toHaveLength(1);
      expect(failure[0]).toMatchObject({ kind: 'delivery', payload: { messageId, to: 'SG', attempts: maxAttempts } });
      const audited = await auditEntries(pair.vn, 'federation.delivery-failed');
      expect(audited).toHaveLength(1);
      expect(audited[0]).toMatchObject({ objectId: messageId, outcome: 'failure', details: { to: 'SG' } });
      const status = await pair.vn.call('GET', '/api/v1/federation/status', { as: pair.users.vnDuty });
      expect(status.statusCode).toBe(200);
      expect(status.json<{ failures: unknown[]; outbox: Record<string, number> }>()).toMatchObject({
        failures: [
          expect.objectContaining({ messageId, to: 'SG', requestId: sent.id, status: 'failed', attempts: maxAttempts }),
        ],
        outbox: { failed: 1 },
      });
      expect(await incomingAt(pair.sg, pair.users.sgDuty)).toEqual([]);
    },
  );

  it('spaces attempts exactly by base × 2^(n-1) × (0.5 + random/2), capped at retryMaxSeconds', async () => {
    proxy.fault = 'drop-request';
    await sendPreservation(pair);
    const { messageId } = await latestPendingEnvelope(pair.vn);
    const randoms = [0, 0.5, 0, 0.5, 0];
    const dispatcher = createDispatcher({
      db: pair.vn.app.node.database.db,
      clock: pair.vn.clock,
      ids: uuidV7Ids,
      outbound: createOutboundHttp({ transport: proxy.transport, metrics: quietTelemetry().metrics }),
      maxAttempts: 6,
      retryBaseSeconds: 1,
      retryMaxSeconds: 3,
      keyOverlapDays: 7,
      leaseSeconds: 300,
      random: () => randoms.shift() ?? 0,
    });
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const at = pair.vn.clock.now().getTime();
      expect(await dispatcher.dispatchDue()).toEqual({ delivered: 0, retried: 1, failed: 0 });
      const pending = await row(messageId);
      delays.push(Date.parse(pending.next_attempt_at) - at);
      pair.vn.clock.set(new Date(pending.next_attempt_at));
    }
    // 1 s × 0.5, 2 s × 0.75, then capped at 3 s: 3 s × 0.5, 3 s × 0.75, 3 s × 0.5.
    expect(delays).toEqual([500, 1500, 1500, 2250, 1500]);
    expect(await dispatcher.dispatchDue()).toEqual({ delivered: 0, retried: 0, failed: 1 });
    expect(await row(messageId)).toMatchObject({ status: 'failed', attempts: 6 });
  });

  it('after a lost receipt, re-sends the same bytes and gets the original receipt: delivered, one effect', async () => {
    proxy.fault = 'drop-receipt';
    proxy.bodies.length = 0;
    // The earlier tests moved Viet Nam's clock on; Singapore's must agree within the skew tolerance.
    pair.sg.clock.set(pair.vn.clock.now());
    const sent = await sendPreservation(pair);
    const { messageId, text } = await latestPendingEnvelope(pair.vn);
    expect(await dispatch()).toEqual({ delivered: 0, retried: 1, failed: 0 });
    expect(await row(messageId)).toMatchObject({ status: 'pending', attempts: 1 });
    // Singapore committed it already.
    const received = (await inboxRows(pair.sg)).find((r) => r.message_id === messageId);
    expect(received).toMatchObject({ status: 'processed' });
    expect(await incomingAt(pair.sg, pair.users.sgDuty)).toHaveLength(1);

    proxy.fault = 'none';
    pair.vn.clock.advance(10 * minute);
    expect(await dispatch()).toEqual({ delivered: 1, retried: 0, failed: 0 });
    expect(proxy.bodies).toEqual([text, text]);
    expect(await row(messageId)).toMatchObject({ status: 'delivered', receipt: received!.receipt });
    expect(await incomingAt(pair.sg, pair.users.sgDuty)).toEqual([
      expect.objectContaining({ reference: sent.reference, state: 'RECEIVED' }),
    ]);
    expect((await inboxRows(pair.sg)).filter((r) => r.message_id === messageId)).toHaveLength(1);
    const delivered = (await timeline(pair.vn, pair.users.vnDuty, sent.id))
      .filter((e) => e.kind === 'delivery')
      .map((e) => e.action);
    expect(delivered).toEqual(['message-queued', 'message-delivered']);
  });

  it('audits a failed message that concerns no request, too', async () => {
    const messageId = uuidV7Ids();
    const now = pair.vn.clock.now().toISOString();
    await outboxRepository.insert(pair.vn.app.node.database.db, {
      messageId,
      toCountry: 'TH',
      type: 'request.sent',
      requestId: null,
      envelope: '{}',
      envelopeDigest: '0'.repeat(64),
      status: 'pending',
      priorityRank: 2,
      attempts: 0,
      nextAttemptAt: now,
      lastError: null,
      receipt: null,
      createdAt: now,
      deliveredAt: null,
    });
    expect(await dispatch()).toEqual({ delivered: 0, retried: 0, failed: 1 });
    expect(await row(messageId)).toMatchObject({ status: 'failed', last_error: 'no active partner node for TH' });
    expect((await auditEntries(pair.vn, 'federation.delivery-failed')).map((e) => e.objectId)).toContain(messageId);
  });
});
