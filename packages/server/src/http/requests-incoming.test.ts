import { TestNode, type SignedInUser } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  after,
  day,
  deadlineOf,
  hour,
  longSessions,
  mlaDetails,
  preservationDetails,
  requestApi,
  type Problem,
  type RequestJson,
} from './requests.fixtures.js';
import { authorisation, orderApi, providerBody } from './orders.fixtures.js';

/**
 * The requested side: France asks Viet Nam to preserve data (UN art. 42). The request is
 * recorded, acknowledged against its clock, accepted, executed by a domestic order and
 * confirmed for the 60 days the Convention requires; the path leads to Singapore (art. 43) and
 * the follow-up MLA request stops the preservation clock (art. 42(7)).
 */
describe('incoming preservation request', () => {
  let node: TestNode;
  let duty: SignedInUser;
  let supervisor: SignedInUser;
  let auditor: SignedInUser;
  let providerUser: SignedInUser;
  let api: ReturnType<typeof requestApi<SignedInUser>>;
  let orders: ReturnType<typeof orderApi<SignedInUser>>;
  let providerId: string;
  let orderId: string;
  let request: RequestJson;

  beforeAll(async () => {
    node = await TestNode.start({ configure: longSessions });
    const admin = await node.administrator();
    duty = await node.user(admin, 'incoming.duty', ['duty_officer']);
    supervisor = await node.user(admin, 'incoming.supervisor', ['supervisor']);
    auditor = await node.user(admin, 'incoming.auditor', ['auditor']);
    providerUser = await node.user(admin, 'incoming.provider', ['provider_user']);
    api = requestApi<SignedInUser>(node);
    orders = orderApi<SignedInUser>(node);
    providerId = (await orders.createProvider(admin, providerBody())).id;
    await orders.link(admin, providerId, providerUser.userId);
  });
  afterAll(async () => node.stop());

  const incoming = (reference: string, type: string, details: Record<string, unknown>) =>
    api.receive(duty, {
      reference,
      requestingState: 'FR',
      type,
      legalBasis: 'UN',
      language: 'fr',
      translations: [{ language: 'en', status: 'certified' }],
      details,
    });

  it('records the request from France with its reference and starts the 24-hour acknowledgement clock', async () => {
    const recordedAt = node.clock.now();
    request = await incoming('FR-2026-77', 'PRESERVATION_42', preservationDetails());
    expect(request).toMatchObject({
      reference: 'FR-2026-77',
      direction: 'incoming',
      state: 'RECEIVED',
      requestingState: 'FR',
      requestedState: 'VN',
      missing: [],
      warnings: [],
    });
    expect(request.deadlines.map((d) => [d.ruleId, d.status])).toEqual([['acknowledge-standard', 'open']]);
    expect(deadlineOf(request, 'acknowledge-standard')?.dueAt).toBe(after(recordedAt, 24 * hour));
    expect(request.availableActions.map((a) => a.action)).toEqual(['acknowledge']);
  });

  it('refuses to record the same reference twice, or a request from this node\u2019s own State', async () => {
    const twice = await node.call('POST', '/api/v1/requests/incoming', {
      as: duty,
      body: {
        reference: 'FR-2026-77',
        requestingState: 'FR',
        type: 'PRESERVATION_42',
        legalBasis: 'UN',
        language: 'fr',
        details: preservationDetails(),
      },
    });
    expect(twice.json<Problem>()).toMatchObject({
      status: 400,
      code: 'request/invalid-details',
      errors: [{ path: '/reference' }],
    });
    const own = await node.call('POST', '/api/v1/requests/incoming', {
      as: duty,
      body: {
        reference: 'VN-2026-1',
        requestingState: 'VN',
        type: 'PRESERVATION_42',
        legalBasis: 'UN',
        language: 'vi',
        details: {},
      },
    });
    expect(own.json<Problem>()).toMatchObject({
      status: 400,
      code: 'request/own-state',
      errors: [{ path: '/requestingState' }],
    });
    // A foreign reference carries its own State's prefix: one in this node's numbering would collide with it later.
    for (const reference of ['VN-2026-000001', 'DE-2026-77']) {
      const foreign = await node.call('POST', '/api/v1/requests/incoming', {
        as: duty,
        body: {
          reference,
          requestingState: 'FR',
          type: 'PRESERVATION_42',
          legalBasis: 'UN',
          language: 'fr',
          details: preservationDetails(),
        },
      });
      expect(foreign.json<Problem>(), reference).toMatchObject({
        status: 400,
        code: 'request/invalid-details',
        errors: [{ path: '/reference', message: 'must start with FR-' }],
      });
    }
    const outgoing = await api.draft(duty, {
      type: 'PRESERVATION_42',
      legalBasis: 'UN',
      requestedState: 'FR',
      language: 'en',
    });
    expect(outgoing.reference).toBe('VN-2026-000001');
  });

  it('meets the acknowledgement clock when acknowledged', async () => {
    request = await api.move(duty, request.id, 'acknowledge');
    expect(request.state).toBe('ACKNOWLEDGED');
    expect(deadlineOf(request, 'acknowledge-standard')?.status).toBe('met');
  });

  it('is triaged, accepted by a supervisor and executed by a domestic order, issued when served', async () => {
    request = await api.move(duty, request.id, 'triage');
    expect(request.state).toBe('TRIAGE');
    const byDuty = await api.act(duty, request.id, 'accept');
    expect(byDuty.json<Problem>()).toMatchObject({ status: 403, code: 'auth/forbidden' });
    request = await api.move(supervisor, request.id, 'accept');
    expect(request.state).toBe('ACCEPTED');
    const made = await node.call('POST', `/api/v1/requests/${request.id}/domestic-orders`, {
      as: duty,
      body: {
        orders: [
          {
            providerId,
            authorisation,
            scope: {
              dateRange: {
                from: '2026-10-01T00:00:00+01:00',
                to: '2026-10-31T23:59:59+01:00',
                timeZone: 'Europe/Paris',
              },
            },
          },
        ],
      },
    });
    expect(made.statusCode, made.body).toBe(201);
    orderId = made.json<{ orders: { id: string }[] }>().orders[0]!.id;
    await orders.move(supervisor, orderId, 'authorise');
    const served = await orders.move(duty, orderId, 'serve');
    request = await api.view(duty, request.id);
    expect(request.state).toBe('DOMESTIC_ORDER_ISSUED');
    // The order's real period, not a guess: what the requesting State is shown (the order keeps its own clocks).
    expect(request.preservationOrderedUntil).toBe(served.periods[0]!.end);
    expect(Date.parse(served.periods[0]!.end) - node.clock.now().getTime()).toBe(90 * day);
  });

  it('cannot be recorded as preserved by hand, and not beyond the order\u2019s period by the provider', async () => {
    const byHand = await api.act(duty, request.id, 'confirm-preserved', {
      preservedUntil: after(node.clock.now(), 60 * day),
    });
    expect(byHand.json<Problem>()).toMatchObject({ status: 409, code: 'request/recorded-by-order' });
    await orders.answer(providerUser, orderId, 'acknowledge');
    const beyond = await node.call('POST', `/api/v1/provider/orders/${orderId}/confirm-preservation`, {
      as: providerUser,
      body: { preservedUntil: after(node.clock.now(), 400 * day), what: 'Mailbox and login log' },
    });
    expect(beyond.json<Problem>()).toMatchObject({ status: 400, code: 'order/preserved-until-beyond-period' });
    expect((await api.view(duty, request.id)).state).toBe('DOMESTIC_ORDER_ISSUED');
  });

  it('is PRESERVED until the provider\u2019s date and the preservation-period clock runs until then', async () => {
    const preservedUntil = (await orders.view(duty, orderId)).periods[0]!.end;
    await orders.answer(providerUser, orderId, 'confirm-preservation', {
      preservedUntil,
      what: 'Mailbox and login log',
    });
    request = await api.view(duty, request.id);
    expect(request).toMatchObject({ state: 'PRESERVED', preservedUntil });
    expect(deadlineOf(request, 'preservation-period')).toMatchObject({
      status: 'open',
      dueAt: preservedUntil,
      warnAt: after(new Date(preservedUntil), -14 * day),
    });
    const [event] = (await api.timeline(duty, request.id)).filter((e) => e.action === 'confirm-preserved');
    expect(event).toMatchObject({
      kind: 'transition',
      fromState: 'DOMESTIC_ORDER_ISSUED',
      toState: 'PRESERVED',
      actorName: expect.stringMatching(/^domestic order VN-ORD-/) as unknown,
      payload: { preservedUntil },
    });
  });

  it('proposes a preservation request to Singapore when the traffic path leads there (art. 43)', async () => {
    const missingState = await api.act(duty, request.id, 'disclose-traffic-path');
    expect(missingState.json<Problem>()).toMatchObject({
      status: 400,
      code: 'request/link-required',
      errors: [{ path: '/payload/thirdState' }],
    });
    request = await api.move(duty, request.id, 'disclose-traffic-path', {
      thirdState: 'SG',
      information: 'The connection came through Transit Networks Ltd, 198.51.100.23',
    });
    expect(request.state).toBe('PRESERVED');
    const events = await api.timeline(duty, request.id);
    const disclosure = events.findIndex((e) => e.action === 'disclose-traffic-path');
    expect(events[disclosure]).toMatchObject({ kind: 'transition', fromState: 'PRESERVED', toState: 'PRESERVED' });
    expect(events[disclosure + 1]).toMatchObject({
      kind: 'proposal',
      action: 'propose-request',
      actorName: 'system',
      payload: { type: 'PRESERVATION_42', requestedState: 'SG' },
    });
    expect(events[disclosure + 1]?.payload['noteCode']).toBe('proposal.art43-third-state');
  });

  it('links the follow-up MLA request, which suspends the preservation clock', async () => {
    const mla = await incoming('FR-2026-78', 'MLA_40', mlaDetails());
    const missingLink = await api.act(duty, request.id, 'link-follow-up-mla');
    expect(missingLink.json<Problem>()).toMatchObject({
      status: 400,
      code: 'request/link-required',
      errors: [{ path: '/payload/linkedRequestId' }],
    });
    request = await api.move(duty, request.id, 'link-follow-up-mla', { linkedRequestId: mla.id });
    expect(request.state).toBe('FOLLOW_UP_MLA_LINKED');
    expect(deadlineOf(request, 'preservation-period')?.status).toBe('suspended');
    expect(request.links).toEqual([expect.objectContaining({ toReference: mla.id, kind: 'link-follow-up-mla' })]);
    expect((await api.view(duty, request.id)).links).toHaveLength(1);
  });

  it(
    'raises no expiry long after the preservation date once the follow-up request ' +
      'is linked: the order renews itself',
    async () => {
      const dueAt = deadlineOf(request, 'preservation-period')!.dueAt;
      node.clock.advance(Date.parse(dueAt) - node.clock.now().getTime() + 30 * day);
      const { alarms, failures } = await node.app.node.services.deadlineScanner.scan();
      expect(failures).toEqual([]);
      expect(alarms.filter((a) => a.requestId === request.id)).toEqual([]);
      // The order's own clock keeps the data preserved while the MLA request is pending (art. 42(7)).
      const orderScan = await node.app.node.services.orderScanner.scan();
      expect(orderScan.failures).toEqual([]);
      expect(orderScan.alarms.filter((a) => a.orderId === orderId).map((a) => a.outcome)).toContain('renewed');
      const now = await api.view(duty, request.id);
      expect(now.state).toBe('FOLLOW_UP_MLA_LINKED');
      expect(deadlineOf(now, 'preservation-period')?.status).toBe('suspended');
      expect(Date.parse(now.preservationOrderedUntil!)).toBeGreaterThan(Date.parse(dueAt));
      const audit = await node.call('GET', `/api/v1/audit?objectId=${request.id}&action=deadline.alarm`, {
        as: auditor,
      });
      expect(audit.json<{ entries: unknown[] }>().entries).toEqual([]);
    },
  );

  it('is released after the decision on the MLA request, which ends its clocks', async () => {
    request = await api.move(duty, request.id, 'release-after-decision');
    expect(request.state).toBe('RELEASED_AFTER_DECISION');
    expect(request.availableActions).toEqual([]);
    expect(request.deadlines.filter((d) => d.status === 'open' || d.status === 'warned')).toEqual([]);
  });
});
