import { TestNode, type SignedInUser } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorisation, orderBody, type OrderJson } from './orders.fixtures.js';
import { orderDesk, type OrderDesk } from './order-desk.fixtures.js';
import { day, hour, longSessions, preservationDetails, requestApi } from './requests.fixtures.js';

/**
 * The orders' clocks on a travelling clock, the scanner driven by hand as the job would: the
 * provider's acknowledgement warns then breaches and escalates; a preservation is reminded
 * before it lapses and lapses only after the reminder; while the follow-up MLA request is
 * pending it renews itself, chained, and the renewal reaches the request; collection stops hard.
 */
describe('domestic orders: clocks', () => {
  let node: TestNode;
  let duty: SignedInUser;
  let supervisor: SignedInUser;
  let providerUser: SignedInUser;
  let providerId: string;
  let api: OrderDesk['api'];

  beforeAll(async () => {
    node = await TestNode.start({ configure: longSessions });
    ({ duty, supervisor, providerUser, providerId, api } = await orderDesk(node, 'clock'));
  });
  afterAll(async () => node.stop());

  const scan = async (orderId: string) => {
    const summary = await node.app.node.services.orderScanner.scan();
    expect(summary.failures).toEqual([]);
    return summary.alarms.filter((a) => a.orderId === orderId).map((a) => [a.ruleId, a.alarm, a.outcome]);
  };
  const travelTo = (iso: string, plus = 0) => node.clock.advance(Date.parse(iso) + plus - node.clock.now().getTime());
  const servedOrder = async (body: Record<string, unknown>) => {
    const draft = await api.draft(duty, body);
    await api.move(supervisor, draft.id, 'authorise');
    return api.move(duty, draft.id, 'serve');
  };
  const due = (order: OrderJson, ruleId: string) => order.deadlines.filter((d) => d.ruleId === ruleId).at(-1)!;

  it(
    'warns before the provider\u2019s acknowledgement is due, then breaches ' + 'and escalates, on both sides',
    async () => {
      const order = await servedOrder(orderBody(providerId, { type: 'SUBSCRIBER_27B', durationDays: undefined }));
      const acknowledgement = due(order, 'order-acknowledgement');
      travelTo(acknowledgement.warnAt, -1000);
      expect(await scan(order.id)).toEqual([]);
      travelTo(acknowledgement.warnAt);
      expect(await scan(order.id)).toEqual([['order-acknowledgement', 'warning', 'raised']]);
      travelTo(acknowledgement.dueAt);
      expect(await scan(order.id)).toEqual([['order-acknowledgement', 'breach', 'raised']]);
      expect(due(await api.view(duty, order.id), 'order-acknowledgement')).toMatchObject({
        status: 'breached',
        escalatedAt: node.clock.now().toISOString(),
      });
      const providerSide = (
        await node.call('GET', `/api/v1/provider/orders/${order.id}/timeline`, { as: providerUser })
      ).json<{ events: { action: string; payload: Record<string, unknown> }[] }>().events;
      expect(
        providerSide.filter((e) => e.action.startsWith('deadline-')).map((e) => [e.action, e.payload['ruleId']]),
      ).toEqual([
        ['deadline-warning', 'order-acknowledgement'],
        ['deadline-breach', 'order-acknowledgement'],
      ]);
      // Production (ten days for subscriber information) is still running.
      expect((await api.providerView(providerUser, order.id)).deadlines.map((d) => [d.ruleId, d.status])).toEqual([
        ['order-acknowledgement', 'breached'],
        ['order-fulfilment', 'open'],
      ]);
    },
  );

  it('reminds before a preservation lapses, and lets it lapse only after the reminder', async () => {
    const order = await servedOrder(orderBody(providerId));
    await api.answer(providerUser, order.id, 'acknowledge');
    await api.answer(providerUser, order.id, 'confirm-preservation', {
      preservedUntil: order.periods[0]!.end,
      what: 'login log',
    });
    const lapse = due(order, 'order-preservation-lapse');
    expect(Date.parse(lapse.dueAt) - Date.parse(lapse.warnAt)).toBe(10 * day);
    // A scan gap past the end still reminds first.
    travelTo(lapse.dueAt, hour);
    expect(await scan(order.id)).toEqual([['order-preservation-lapse', 'warning', 'raised']]);
    expect((await api.view(duty, order.id)).state).toBe('PRESERVED');
    expect(await scan(order.id)).toEqual([['order-preservation-lapse', 'expiry', 'applied']]);
    const after = await api.view(duty, order.id);
    expect(after.state).toBe('EXPIRED');
    expect(due(after, 'order-preservation-lapse')).toMatchObject({
      status: 'expired',
      escalatedAt: node.clock.now().toISOString(),
    });
  });

  it(
    'renews itself, chained, while the follow-up MLA request is pending, and ' + 'tells the request; then lapses',
    async () => {
      const requests = requestApi<SignedInUser>(node);
      const request = await requests.receive(duty, {
        reference: 'FR-2026-CLK',
        requestingState: 'FR',
        type: 'PRESERVATION_42',
        legalBasis: 'UN',
        language: 'en',
        details: {
          ...preservationDetails(),
          dateRange: { from: '2026-10-01T00:00:00+07:00', to: '2026-10-31T23:59:59+07:00' },
        },
      });
      await requests.move(duty, request.id, 'acknowledge');
      await requests.move(duty, request.id, 'triage');
      await requests.move(supervisor, request.id, 'accept');
      const made = await node.call('POST', `/api/v1/requests/${request.id}/domestic-orders`, {
        as: duty,
        body: { orders: [{ providerId, authorisation }] },
      });
      const orderId = made.json<{ orders: OrderJson[] }>().orders[0]!.id;
      await api.move(supervisor, orderId, 'authorise');
      const served = await api.move(duty, orderId, 'serve');
      await api.answer(providerUser, orderId, 'acknowledge');
      await api.answer(providerUser, orderId, 'confirm-preservation', {
        preservedUntil: served.periods[0]!.end,
        what: 'login log',
      });
      await requests.move(duty, request.id, 'link-follow-up-mla', { linkedRequestId: 'FR-2026-CLK-MLA' });

      const first = served.periods[0]!;
      travelTo(due(served, 'order-preservation-lapse').warnAt);
      expect(await scan(orderId)).toEqual([['order-preservation-lapse', 'warning', 'renewed']]);
      let order = await api.view(duty, orderId);
      expect(order).toMatchObject({ state: 'RENEWED', revision: 1 });
      expect(order.periods.map((p) => [p.n, p.start, p.end, p.renewedBy])).toEqual([
        [0, first.start, first.end, null],
        [1, first.end, new Date(Date.parse(first.end) + 90 * day).toISOString(), 'system'],
      ]);
      expect(due(order, 'order-preservation-lapse')).toMatchObject({ status: 'open', dueAt: order.periods[1]!.end });
      const renewal = (await requests.timeline(duty, request.id)).filter((e) => e.action === 'renew-domestic-order');
      expect(renewal).toHaveLength(1);
      expect(renewal[0]!.payload).toMatchObject({
        order: { periodEnd: order.periods[1]!.end },
        notes: [{ code: 'order.renewed', params: { periodEnd: order.periods[1]!.end } }],
      });
      // What the requesting State is shown: the order's real period, moved by each renewal.
      expect((await requests.view(duty, request.id)).preservationOrderedUntil).toBe(order.periods[1]!.end);

      travelTo(due(order, 'order-preservation-lapse').warnAt);
      expect(await scan(orderId)).toEqual([['order-preservation-lapse', 'warning', 'renewed']]);
      order = await api.view(duty, orderId);
      expect(order.periods.map((p) => p.n)).toEqual([0, 1, 2]);
      expect((await requests.view(duty, request.id)).preservationOrderedUntil).toBe(order.periods[2]!.end);

      // The MLA decision is taken: nothing keeps the data any more, so the clock reminds, then lapses.
      await requests.move(duty, request.id, 'release-after-decision');
      travelTo(due(order, 'order-preservation-lapse').warnAt);
      expect(await scan(orderId)).toEqual([['order-preservation-lapse', 'warning', 'raised']]);
      travelTo(due(order, 'order-preservation-lapse').dueAt);
      expect(await scan(orderId)).toEqual([['order-preservation-lapse', 'expiry', 'applied']]);
      expect((await api.view(duty, orderId)).state).toBe('EXPIRED');
    },
  );

  it('stops real-time collection at the end of the authorised period', async () => {
    const start = new Date(node.clock.now().getTime() + hour).toISOString();
    const end = new Date(node.clock.now().getTime() + 5 * day).toISOString();
    const order = await servedOrder(
      orderBody(providerId, { type: 'RT_TRAFFIC_29', durationDays: undefined, authorisedPeriod: { start, end } }),
    );
    await api.answer(providerUser, order.id, 'acknowledge');
    const early = await api.respond(providerUser, order.id, 'start-collection');
    expect(early.statusCode).toBe(400);
    travelTo(start);
    expect((await api.answer(providerUser, order.id, 'start-collection')).state).toBe('COLLECTING');
    travelTo(end);
    expect(await scan(order.id)).toEqual([['order-hard-stop', 'hard-stop', 'applied']]);
    expect((await api.view(duty, order.id)).state).toBe('ENDED');
    expect((await api.respond(providerUser, order.id, 'start-collection')).statusCode).toBe(409);
  });
});
