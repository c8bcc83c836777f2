import { verifyOrder, type SignedOrder } from '@hanoi247/core';
import { TestNode, type SignedInUser } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderBody, type OrderJson, providerBody } from './orders.fixtures.js';
import { orderDesk, type OrderDesk } from './order-desk.fixtures.js';
import { day, hour, longSessions, type Problem } from './requests.fixtures.js';

/**
 * A domestic order from draft to release, as officers and the provider's users act on it: the
 * registry, four-eyes authorisation, service with a signed revision, the provider's answers, the
 * 90-day limit and the renewal chain.
 */
describe('domestic orders: lifecycle', () => {
  let node: TestNode;
  let admin: SignedInUser;
  let duty: SignedInUser;
  let supervisor: SignedInUser;
  let providerUser: SignedInUser;
  let providerId: string;
  let api: OrderDesk['api'];

  beforeAll(async () => {
    node = await TestNode.start({ configure: longSessions });
    ({ admin, duty, supervisor, providerUser, providerId, api } = await orderDesk(node, 'order'));
  });
  afterAll(async () => node.stop());

  describe('the provider registry', () => {
    it('keeps legal entity, type, contacts, data held, channel and languages; refuses a duplicate', async () => {
      const listed = (await node.call('GET', '/api/v1/providers', { as: duty })).json<{
        providers: { id: string; legalName: string; type: string; channel: string; languages: string[] }[];
      }>().providers;
      expect(listed).toEqual([
        expect.objectContaining({
          id: providerId,
          legalName: 'ExampleMail Viet Nam LLC',
          type: 'PLATFORM',
          channel: 'both',
          languages: ['vi', 'en'],
        }),
      ]);
      const duplicate = await node.call('POST', '/api/v1/providers', { as: admin, body: providerBody() });
      expect([duplicate.statusCode, duplicate.json<Problem>().code]).toEqual([409, 'provider/duplicate']);
      const members = (await node.call('GET', `/api/v1/providers/${providerId}/members`, { as: duty })).json<{
        members: { username: string }[];
      }>().members;
      expect(members.map((m) => m.username)).toEqual(['order.provider']);
    });

    it('lets neither a duty officer change the registry nor an officer act for a provider', async () => {
      expect((await node.call('POST', '/api/v1/providers', { as: duty, body: providerBody('Other') })).statusCode).toBe(
        403,
      );
      const linkOfficer = await node.call('POST', `/api/v1/providers/${providerId}/members`, {
        as: admin,
        body: { userId: duty.userId },
      });
      expect([linkOfficer.statusCode, linkOfficer.json<Problem>().code]).toEqual([400, 'provider/member-invalid']);
    });
  });

  describe('authorisation, service and the provider\u2019s answers', () => {
    let order: OrderJson;

    it('drafts an order that cannot be served before a second officer authorises it', async () => {
      order = await api.draft(duty, orderBody(providerId));
      expect(order).toMatchObject({
        state: 'CREATED',
        reference: expect.stringMatching(/^VN-ORD-2026-\d{6}$/) as unknown,
        periods: [],
      });
      const early = await api.act(duty, order.id, 'serve');
      expect([early.statusCode, early.json<Problem>().code]).toEqual([409, 'order/illegal-transition']);
      // The provider does not see a draft at all.
      expect((await node.call('GET', `/api/v1/provider/orders/${order.id}`, { as: providerUser })).statusCode).toBe(
        404,
      );
    });

    it('refuses the drafter as authoriser, even when a supervisor drafted it', async () => {
      const own = await api.draft(supervisor, orderBody(providerId));
      const self = await api.act(supervisor, own.id, 'authorise');
      expect([self.statusCode, self.json<Problem>().code]).toEqual([403, 'order/four-eyes']);
      const noPower = await api.act(duty, order.id, 'authorise');
      expect([noPower.statusCode, noPower.json<Problem>().code]).toEqual([403, 'auth/forbidden']);
      order = await api.move(supervisor, order.id, 'authorise');
      expect(order.state).toBe('AUTHORISED');
      expect((await api.view(duty, own.id)).state).toBe('CREATED');
      expect((await api.move(duty, own.id, 'withdraw')).state).toBe('WITHDRAWN');
    });

    it(
      'serves: the first 90-day period starts, the provider\u2019s clocks run, ' + 'a signed revision 0 is issued',
      async () => {
        const servedAt = node.clock.now().getTime();
        order = await api.move(duty, order.id, 'serve');
        expect(order).toMatchObject({ state: 'SERVED', revision: 0 });
        expect(order.periods).toEqual([
          {
            n: 0,
            start: new Date(servedAt).toISOString(),
            end: new Date(servedAt + 90 * day).toISOString(),
            renewedBy: null,
          },
        ]);
        expect(order.deadlines.map((d) => [d.ruleId, d.status, d.dueAt])).toEqual([
          ['order-acknowledgement', 'open', new Date(servedAt + 24 * hour).toISOString()],
          ['order-fulfilment', 'open', new Date(servedAt + 24 * hour).toISOString()],
          ['order-preservation-lapse', 'open', new Date(servedAt + 90 * day).toISOString()],
        ]);
        const signed = (
          await node.call('GET', `/api/v1/provider/orders/${order.id}/signed`, { as: providerUser })
        ).json<SignedOrder>();
        expect(signed.order).toMatchObject({
          reference: order.reference,
          revision: 0,
          provider: { id: providerId },
          issuer: { country: 'VN' },
          deadlines: { acknowledgeBy: new Date(servedAt + 24 * hour).toISOString() },
        });
        expect(await verifyOrder(signed, { descriptor: signed.descriptor })).toMatchObject({
          ok: true,
          node: { country: 'VN' },
        });
      },
    );

    it('shows the provider its order, its clocks and its own next steps, and nothing of the officers', async () => {
      const seen = await api.providerView(providerUser, order.id);
      const read = await node.app.node.database.db
        .selectFrom('audit_entries')
        .select(['actor_name', 'outcome'])
        .where('action', '=', 'order.viewed')
        .where('object_id', '=', order.id)
        .execute();
      expect(read).toContainEqual({ actor_name: 'order.provider', outcome: 'success' });
      expect(seen.availableActions.map((a) => a.action)).toEqual(['acknowledge', 'object']);
      expect(seen).not.toHaveProperty('draftedBy');
      expect(seen).not.toHaveProperty('requestId');
      const listed = (await node.call('GET', '/api/v1/provider/orders', { as: providerUser })).json<{
        orders: { id: string }[];
      }>().orders;
      expect(listed.map((o) => o.id)).toEqual([order.id]);
      const timeline = (
        await node.call('GET', `/api/v1/provider/orders/${order.id}/timeline`, { as: providerUser })
      ).json<{ events: Record<string, unknown>[] }>().events;
      expect(timeline.map((e) => e['action'])).toEqual(['draft', 'authorise', 'serve']);
      expect(JSON.stringify(timeline)).not.toContain('order.duty');
    });

    it('takes the acknowledgement and the preservation confirmation, never beyond the end of the period', async () => {
      node.clock.advance(2 * hour);
      order = await api.answer(providerUser, order.id, 'acknowledge');
      expect(order.state).toBe('ACKNOWLEDGED');
      const end = order.periods[0]!.end;
      const beyond = await api.respond(providerUser, order.id, 'confirm-preservation', {
        preservedUntil: new Date(Date.parse(end) + day).toISOString(),
        what: 'login log',
      });
      expect([beyond.statusCode, beyond.json<Problem>().code]).toEqual([400, 'order/preserved-until-beyond-period']);
      const nothing = await api.respond(providerUser, order.id, 'confirm-preservation', { preservedUntil: end });
      expect([nothing.statusCode, nothing.json<Problem>().code]).toEqual([400, 'request/validation-failed']);
      order = await api.answer(providerUser, order.id, 'confirm-preservation', {
        preservedUntil: end,
        what: 'Subscriber record and login IP log, October 2026',
      });
      expect(order).toMatchObject({ state: 'PRESERVED', preservedUntil: end });
      expect(order.deadlines.filter((d) => d.ruleId !== 'order-preservation-lapse').map((d) => d.status)).toEqual([
        'met',
        'met',
      ]);
    });

    it('renews in chained periods of at most 90 days, each a new signed revision, then releases', async () => {
      const tooLong = await api.act(supervisor, order.id, 'renew', { renewalDays: 91 });
      expect([tooLong.statusCode, tooLong.json<Problem>().code]).toEqual([400, 'order/duration-exceeded']);
      const first = order.periods[0]!;
      order = await api.move(supervisor, order.id, 'renew');
      order = await api.move(supervisor, order.id, 'renew', { renewalDays: 30 });
      expect(order.periods.map((p) => [p.n, p.start, p.end, p.renewedBy])).toEqual([
        [0, first.start, first.end, null],
        [1, first.end, new Date(Date.parse(first.end) + 90 * day).toISOString(), 'officer'],
        [
          2,
          new Date(Date.parse(first.end) + 90 * day).toISOString(),
          new Date(Date.parse(first.end) + 120 * day).toISOString(),
          'officer',
        ],
      ]);
      expect(order).toMatchObject({ state: 'RENEWED', revision: 2 });
      const lapse = order.deadlines.filter((d) => d.ruleId === 'order-preservation-lapse');
      expect(lapse.map((d) => d.status)).toEqual(['met', 'met', 'open']);
      expect(lapse.at(-1)!.dueAt).toBe(order.periods[2]!.end);
      const signed = (await node.call('GET', `/api/v1/orders/${order.id}/signed`, { as: duty })).json<SignedOrder>();
      expect(signed.order.periods).toHaveLength(3);
      order = await api.move(duty, order.id, 'release');
      expect(order.state).toBe('RELEASED');
      expect(
        (await api.respond(providerUser, order.id, 'confirm-preservation', { preservedUntil: first.end, what: 'x' }))
          .statusCode,
      ).toBe(409);
    });
  });

  describe('bad input', () => {
    it('refuses a preservation longer than 90 days, unknown fields, and identifiers without a zone', async () => {
      const long = await node.call('POST', '/api/v1/orders', {
        as: duty,
        body: orderBody(providerId, { durationDays: 120 }),
      });
      expect([long.statusCode, long.json<Problem>().code]).toEqual([400, 'order/duration-exceeded']);
      const extra = await node.call('POST', '/api/v1/orders', {
        as: duty,
        body: { ...orderBody(providerId), state: 'SERVED' },
      });
      expect([extra.statusCode, extra.json<Problem>().code]).toEqual([400, 'request/validation-failed']);
      const ip = { kind: 'ip', address: '203.0.113.7', port: 443, observedAt: '2026-10-30T14:03:11' };
      const noZone = await node.call('POST', '/api/v1/orders', {
        as: duty,
        body: orderBody(providerId, { scope: { ...(orderBody(providerId)['scope'] as object), identifiers: [ip] } }),
      });
      expect(noZone.statusCode).toBe(400);
    });

    it(
      'asks an emergency order to justify itself, and signs the call-back contact ' + 'from the directory into it',
      async () => {
        const vague = await node.call('POST', '/api/v1/orders', {
          as: duty,
          body: orderBody(providerId, {
            type: 'SUBSCRIBER_27B',
            durationDays: undefined,
            emergencyJustification: 'urgent',
          }),
        });
        expect([vague.statusCode, vague.json<Problem>().code]).toEqual([400, 'order/emergency-justification-required']);
        const emergency = await api.draft(
          duty,
          orderBody(providerId, {
            type: 'SUBSCRIBER_27B',
            durationDays: undefined,
            emergencyJustification: 'A child is in contact with the suspect right now and has been asked to meet',
          }),
        );
        await api.move(supervisor, emergency.id, 'authorise');
        const served = await api.move(duty, emergency.id, 'serve');
        expect(served.deadlines.map((d) => [d.ruleId, Date.parse(d.dueAt) - node.clock.now().getTime()])).toEqual([
          ['order-acknowledgement', hour],
          ['order-fulfilment', 8 * hour],
        ]);
        const signed = (
          await node.call('GET', `/api/v1/provider/orders/${emergency.id}/signed`, { as: providerUser })
        ).json<SignedOrder>();
        expect(signed.order.emergency).toMatchObject({
          officer: 'order.duty',
          callback: { role: '24/7 duty officer' },
        });
        expect(await verifyOrder(signed, { descriptor: signed.descriptor })).toMatchObject({ ok: true });
        const forged = {
          ...signed,
          order: {
            ...signed.order,
            emergency: {
              ...signed.order.emergency!,
              callback: { role: '24/7 duty officer', name: 'Call me', phone: '+15550100' },
            },
          },
        };
        expect(await verifyOrder(forged, { descriptor: signed.descriptor })).toMatchObject({
          ok: false,
          reason: 'altered',
        });
      },
    );
  });

  describe('the OpenAPI document for providers\u2019 integrators', () => {
    it('describes every provider call, the production headers and the signed order', async () => {
      const document = (await node.call('GET', '/api/v1/openapi.json')).json<{
        paths: Record<
          string,
          Record<string, { tags?: string[]; parameters?: { name: string; in: string; required?: boolean }[] }>
        >;
      }>();
      const providerPaths = Object.keys(document.paths).filter((p) => p.startsWith('/api/v1/provider/'));
      expect(providerPaths.sort()).toEqual([
        '/api/v1/provider/orders',
        '/api/v1/provider/orders/{orderId}',
        '/api/v1/provider/orders/{orderId}/acknowledge',
        '/api/v1/provider/orders/{orderId}/confirm-preservation',
        '/api/v1/provider/orders/{orderId}/object',
        '/api/v1/provider/orders/{orderId}/production',
        '/api/v1/provider/orders/{orderId}/production/uploads',
        '/api/v1/provider/orders/{orderId}/production/uploads/{uploadId}',
        '/api/v1/provider/orders/{orderId}/signed',
        '/api/v1/provider/orders/{orderId}/start-collection',
        '/api/v1/provider/orders/{orderId}/timeline',
      ]);
      const upload = document.paths['/api/v1/provider/orders/{orderId}/production']!['post']!;
      expect(upload.tags).toEqual(['provider']);
      expect(
        upload.parameters
          ?.filter((p) => p.in === 'header' && p.required === true)
          .map((p) => p.name)
          .sort(),
      ).toEqual(['x-content-sha256', 'x-data-category', 'x-filename']);
    });
  });

  describe('statistics per provider', () => {
    it('measures time to acknowledge and preserve from service, and counts outcomes', async () => {
      const stats = (await node.call('GET', `/api/v1/providers/${providerId}/statistics`, { as: supervisor })).json<
        Record<string, unknown>
      >();
      expect(stats).toMatchObject({
        orders: 3,
        served: 2,
        timeToAcknowledge: { count: 1, medianHours: 2, p90Hours: 2 },
        timeToPreserve: { count: 1, medianHours: 2, p90Hours: 2 },
        timeToProduce: { count: 0, medianHours: null, p90Hours: null },
      });
      expect(stats['outcomes']).toEqual({ RELEASED: 1, WITHDRAWN: 1, SERVED: 1 });
    });
  });
});
