import { federate, settle, TestNode, type SignedInUser } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleSetVersion } from '@hanoi247/core';
import { orderDesk, preserveThroughOrder } from '../http/order-desk.fixtures.js';
import { preservationDetails } from '../http/requests.fixtures.js';

interface View {
  id: string;
  reference: string;
  state: string;
  direction: string;
  deadlines: { ruleId: string; status: string }[];
  ruleSetVersion: string | null;
}

/** Viet Nam and Singapore, two real nodes on loopback, exchanging a preservation request. */
describe('federation between two nodes', () => {
  let vn: TestNode;
  let sg: TestNode;
  const users: Record<string, SignedInUser> = {};
  let outgoing: View;
  let sgAdmin: SignedInUser;

  const act = async (
    node: TestNode,
    who: string,
    id: string,
    action: string,
    payload: Record<string, unknown> = {},
  ) => {
    const response = await node.call('POST', `/api/v1/requests/${id}/transitions`, {
      as: users[who],
      body: { action, payload },
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<View>();
  };
  const view = async (node: TestNode, who: string, id: string) =>
    (await node.call('GET', `/api/v1/requests/${id}`, { as: users[who] })).json<View>();
  const incomingAt = async (node: TestNode, who: string) =>
    (await node.call('GET', '/api/v1/requests?direction=incoming', { as: users[who] })).json<{
      requests: { id: string; reference: string; state: string }[];
    }>().requests;
  const timeline = async (node: TestNode, who: string, id: string) =>
    (await node.call('GET', `/api/v1/requests/${id}/timeline`, { as: users[who] })).json<{
      events: { kind: string; action: string; payload: Record<string, unknown>; label: { en: string; vi: string } }[];
    }>().events;

  beforeAll(async () => {
    vn = await TestNode.start({ country: 'VN', name: 'Viet Nam 24/7' });
    sg = await TestNode.start({ country: 'SG', name: 'Singapore 24/7' });
    await vn.listen();
    await sg.listen();
    await federate([vn, sg]);
    const vnAdmin = await vn.administrator();
    sgAdmin = await sg.administrator();
    users['vnDuty'] = await vn.user(vnAdmin, 'vn.duty', ['duty_officer']);
    users['vnChief'] = await vn.user(vnAdmin, 'vn.chief', ['supervisor']);
    users['sgDuty'] = await sg.user(sgAdmin, 'sg.duty', ['duty_officer']);
    users['sgChief'] = await sg.user(sgAdmin, 'sg.chief', ['supervisor']);
  });
  afterAll(async () => {
    await vn.stop();
    await sg.stop();
  });

  it(
    'delivers an approved preservation request: Singapore holds it as incoming, ' + 'Viet Nam holds the signed receipt',
    async () => {
      const created = await vn.call('POST', '/api/v1/requests', {
        as: users['vnDuty'],
        body: {
          type: 'PRESERVATION_42',
          legalBasis: 'UN',
          requestedState: 'SG',
          language: 'en',
          priority: 'urgent',
          details: preservationDetails(),
        },
      });
      outgoing = created.json<View>();
      await act(vn, 'vnDuty', outgoing.id, 'submit');
      await act(vn, 'vnChief', outgoing.id, 'approve');
      await act(vn, 'vnDuty', outgoing.id, 'send');
      expect(await incomingAt(sg, 'sgDuty')).toEqual([]);
      await settle([vn, sg]);
      const arrived = await incomingAt(sg, 'sgDuty');
      expect(arrived).toEqual([expect.objectContaining({ reference: outgoing.reference, state: 'RECEIVED' })]);
      const trail = await timeline(vn, 'vnDuty', outgoing.id);
      expect(trail.map((e) => e.action)).toContain('message-delivered');
      const sgView = await view(sg, 'sgDuty', arrived[0]!.id);
      expect(sgView.deadlines).toEqual([expect.objectContaining({ ruleId: 'acknowledge-urgent', status: 'open' })]);
      // The rule set Viet Nam made it under travelled in the envelope (Singapore records only what it carried).
      expect(outgoing.ruleSetVersion).toBe(ruleSetVersion);
      expect(sgView.ruleSetVersion).toBe(ruleSetVersion);
    },
  );

  it('moves both state machines as Singapore answers, ending with "preserved until" at Viet Nam', async () => {
    const incomingId = (await incomingAt(sg, 'sgDuty'))[0]!.id;
    await act(sg, 'sgDuty', incomingId, 'acknowledge');
    await settle([vn, sg]);
    expect((await view(vn, 'vnDuty', outgoing.id)).state).toBe('ACKNOWLEDGED');
    await act(sg, 'sgDuty', incomingId, 'triage');
    await act(sg, 'sgChief', incomingId, 'accept');
    // Only Singapore's domestic order can say it was issued and what the provider preserved.
    const desk = await orderDesk(sg, 'sg.orders', sgAdmin);
    const { reference, preservedUntil } = await preserveThroughOrder(sg, desk, incomingId);
    await settle([vn, sg]);
    const atVn = await view(vn, 'vnDuty', outgoing.id);
    expect(atVn).toMatchObject({
      state: 'PRESERVED',
      preservedUntil,
      preservationOrderedUntil: preservedUntil,
    });
    const confirmed = (await timeline(vn, 'vnDuty', outgoing.id)).find((e) => e.action === 'confirm-preserved');
    expect(confirmed?.payload).toMatchObject({
      preservedUntil,
      order: { reference, periodEnd: preservedUntil, partial: false },
      notes: [{ code: 'order.preservation-confirmed', params: { order: reference, until: preservedUntil } }],
    });
    expect(atVn.deadlines).toContainEqual(expect.objectContaining({ ruleId: 'preservation-period', status: 'open' }));
    const mirrored = (await timeline(vn, 'vnDuty', outgoing.id))
      .filter((e) => e.kind === 'transition')
      .map((e) => e.action);
    expect(mirrored).toEqual([
      'submit',
      'approve',
      'send',
      'acknowledge',
      'triage',
      'accept',
      'issue-domestic-order',
      'confirm-preserved',
    ]);
    // The partner's steps and the node's own events (messages, receipts) come with their words, in both languages.
    const labelled = (await timeline(vn, 'vnDuty', outgoing.id)).map((e) => [e.action, e.label] as const);
    for (const [action, label] of labelled) {
      expect([label.en, label.vi], action).not.toContain(action);
      expect(label.en, action).not.toBe('Recorded event');
    }
    expect(labelled).toContainEqual(['triage', { en: 'Start triage', vi: 'Bắt đầu xem xét' }]);
    expect(labelled).toContainEqual([
      'message-delivered',
      expect.objectContaining({ en: expect.any(String) as unknown }),
    ]);
  });

  it('answers a re-sent envelope with its original receipt and no second effect', async () => {
    const delivered = await vn.app.node.database.db
      .selectFrom('outbox')
      .selectAll()
      .where('status', '=', 'delivered')
      .orderBy('created_at')
      .executeTakeFirstOrThrow();
    const again = await sg.app.inject({
      method: 'POST',
      url: '/federation/v1/inbox',
      headers: { 'content-type': 'application/hanoi247-envelope+json' },
      payload: delivered.envelope ?? '',
    });
    expect(again.statusCode).toBe(200);
    expect(again.json<{ receipt: string }>().receipt).toBe(delivered.receipt);
    expect(await incomingAt(sg, 'sgDuty')).toHaveLength(1);
  });
});
