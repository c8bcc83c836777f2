import type { Envelope } from '@hanoi247/core';
import { settle } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  act,
  faultProxy,
  incomingAt,
  inboxRows,
  messageIdOf,
  minute,
  outboxRows,
  postEnvelope,
  sendPreservation,
  startPair,
  timeline,
  type Pair,
  type RequestJson,
} from './federation.fixtures.js';

/**
 * Exactly one effect per message whatever the network does: duplicates, messages overtaking
 * each other, and a partner that is down while urgent work piles up.
 */
describe('federation ordering and duplicates', () => {
  const vnProxy = faultProxy();
  const sgProxy = faultProxy();
  let pair: Pair;
  let first: RequestJson;

  beforeAll(async () => {
    pair = await startPair({ vn: { transport: vnProxy.transport }, sg: { transport: sgProxy.transport } });
  });
  afterAll(async () => pair.stop());

  const view = async (id: string) =>
    (await pair.vn.call('GET', `/api/v1/requests/${id}`, { as: pair.users.vnDuty })).json<RequestJson>();

  it('delivers a message sent three times over with one effect and one receipt', async () => {
    vnProxy.fault = 'triplicate';
    const sent = await sendPreservation(pair);
    first = sent;
    expect(await pair.vn.app.node.services.dispatcher.dispatchDue()).toEqual({ delivered: 1, retried: 0, failed: 0 });
    vnProxy.fault = 'none';
    const [row] = (await outboxRows(pair.vn)).filter((r) => r.request_id === sent.id);
    expect(row).toMatchObject({ status: 'delivered' });
    expect(await incomingAt(pair.sg, pair.users.sgDuty)).toEqual([
      expect.objectContaining({ reference: sent.reference, state: 'RECEIVED' }),
    ]);
    const received = (await inboxRows(pair.sg)).filter((r) => r.message_id === row!.message_id);
    expect(received).toEqual([expect.objectContaining({ status: 'processed', receipt: row!.receipt })]);
    // All three copies were answered 200 with the same receipt.
    expect(vnProxy.responses.slice(-3)).toEqual(
      Array.from({ length: 3 }, () => ({ status: 200, body: JSON.stringify({ receipt: row!.receipt }) })),
    );
  });

  it(
    'keeps a transition that overtook its predecessor, receipts it, and applies ' + 'it once the predecessor is in',
    async () => {
      const [incoming] = await incomingAt(pair.sg, pair.users.sgDuty);
      const outgoing = first.id;
      // Singapore acknowledges, then triages; both messages wait in its outbox.
      await act(pair.sg, pair.users.sgDuty, incoming!.id, 'acknowledge');
      await act(pair.sg, pair.users.sgDuty, incoming!.id, 'triage');
      const [acknowledge, triage] = (await outboxRows(pair.sg)).filter((r) => r.status === 'pending');
      expect([acknowledge, triage].map((r) => (JSON.parse(r!.envelope!) as Envelope).header.type)).toEqual([
        'request.transition',
        'request.transition',
      ]);

      // The triage arrives first: Viet Nam still shows SENT, so it is kept as deferred, yet receipted.
      const early = await postEnvelope(pair.vn, triage!.envelope!);
      expect(early.statusCode, early.body).toBe(200);
      expect(early.json<{ receipt: string }>().receipt).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
      expect((await inboxRows(pair.vn)).find((r) => r.message_id === triage!.message_id)).toMatchObject({
        status: 'deferred',
        request_id: null,
      });
      expect((await view(outgoing)).state).toBe('SENT');

      // Its predecessor is applied at once; the deferred one on the next retry.
      const late = await postEnvelope(pair.vn, acknowledge!.envelope!);
      expect(late.statusCode, late.body).toBe(200);
      expect((await inboxRows(pair.vn)).find((r) => r.message_id === acknowledge!.message_id)).toMatchObject({
        status: 'processed',
      });
      expect((await view(outgoing)).state).toBe('ACKNOWLEDGED');
      expect(await pair.vn.app.node.services.inbox.retryDeferred()).toBe(1);
      expect((await inboxRows(pair.vn)).find((r) => r.message_id === triage!.message_id)).toMatchObject({
        status: 'processed',
        request_id: outgoing,
      });
      expect((await view(outgoing)).state).toBe('TRIAGE');
      expect(await pair.vn.app.node.services.inbox.retryDeferred()).toBe(0);

      // Singapore's own dispatcher then sends both again and gets the receipts already issued.
      await settle([pair.sg, pair.vn]);
      const receipts = new Map((await inboxRows(pair.vn)).map((r) => [r.message_id, r.receipt]));
      for (const message of [acknowledge!, triage!]) {
        expect((await outboxRows(pair.sg)).find((r) => r.message_id === message.message_id)).toMatchObject({
          status: 'delivered',
          receipt: receipts.get(message.message_id),
        });
      }
      const transitions = (await timeline(pair.vn, pair.users.vnDuty, outgoing))
        .filter((e) => e.kind === 'transition')
        .map((e) => e.action);
      expect(transitions).toEqual(['submit', 'approve', 'send', 'acknowledge', 'triage']);
      expect((await view(outgoing)).state).toBe('TRIAGE');
    },
  );

  it('drains emergencies first when a partner that was down comes back', async () => {
    vnProxy.fault = 'drop-request';
    const normal = await sendPreservation(pair, 'normal');
    const urgent = await sendPreservation(pair, 'urgent');
    const emergency = await sendPreservation(pair, 'emergency');
    expect(await pair.vn.app.node.services.dispatcher.dispatchDue()).toEqual({ delivered: 0, retried: 3, failed: 0 });

    vnProxy.fault = 'none';
    vnProxy.bodies.length = 0;
    pair.vn.clock.advance(10 * minute);
    pair.sg.clock.set(pair.vn.clock.now());
    expect(await pair.vn.app.node.services.dispatcher.dispatchDue()).toEqual({ delivered: 3, retried: 0, failed: 0 });
    const requestOf = new Map((await outboxRows(pair.vn)).map((r) => [r.message_id, r.request_id]));
    expect(vnProxy.bodies.map((b) => requestOf.get(messageIdOf(b)))).toEqual([emergency.id, urgent.id, normal.id]);
    const arrived = await incomingAt(pair.sg, pair.users.sgDuty);
    expect(arrived).toHaveLength(4);
    for (const request of [normal, urgent, emergency]) {
      expect(arrived).toContainEqual(
        expect.objectContaining({ reference: request.reference, priority: request.priority, state: 'RECEIVED' }),
      );
    }
  });
});
