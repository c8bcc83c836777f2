import { TestNode, type SignedInUser } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorisation, orderApi, providerBody, sha256, storedDataDetails, type OrderJson } from './orders.fixtures.js';
import {
  day,
  longSessions,
  preservationDetails,
  requestApi,
  type Problem,
  type RequestJson,
} from './requests.fixtures.js';

interface Receipt {
  readonly evidence: { id: string; sha256: string; size: number; filename: string; mediaType: string };
  readonly providerSha256: string;
  readonly order: OrderJson;
}

/**
 * From a foreign request to the provider and back: an accepted Art. 42 preservation becomes a
 * domestic order in one step, the provider's confirmation becomes the request's "preserved
 * until", "data not held" becomes the Art. 42 warning; an Art. 44 request's production streams
 * into the request's evidence with its custody events and the provider's hash compared.
 */
describe('domestic orders from foreign requests', () => {
  let node: TestNode;
  let duty: SignedInUser;
  let supervisor: SignedInUser;
  let providerUser: SignedInUser;
  let providerId: string;
  let orders: ReturnType<typeof orderApi<SignedInUser>>;
  let requests: ReturnType<typeof requestApi<SignedInUser>>;

  beforeAll(async () => {
    node = await TestNode.start({
      configure: (c) => ({
        ...longSessions(c),
        orders: { ...c.orders, maxProductionBytes: 64 * 1024, maxProductionItemsPerOrder: 3 },
      }),
    });
    const admin = await node.administrator();
    duty = await node.user(admin, 'link.duty', ['duty_officer']);
    supervisor = await node.user(admin, 'link.supervisor', ['supervisor']);
    providerUser = await node.user(admin, 'link.provider', ['provider_user']);
    orders = orderApi<SignedInUser>(node);
    requests = requestApi<SignedInUser>(node);
    providerId = (await orders.createProvider(admin, providerBody())).id;
    await orders.link(admin, providerId, providerUser.userId);
  });
  afterAll(async () => node.stop());

  const accepted = async (reference: string, type: string, details: Record<string, unknown>): Promise<RequestJson> => {
    const request = await requests.receive(duty, {
      reference,
      requestingState: 'FR',
      type,
      legalBasis: 'UN',
      language: 'en',
      details,
    });
    await requests.move(duty, request.id, 'acknowledge');
    await requests.move(duty, request.id, type === 'PRESERVATION_42' ? 'triage' : 'assess');
    return requests.move(supervisor, request.id, 'accept');
  };
  const withRange = () => ({
    ...preservationDetails(),
    dateRange: { from: '2026-10-01T00:00:00+07:00', to: '2026-10-31T23:59:59+07:00' },
  });
  const fromRequest = (requestId: string, extra: Record<string, unknown> = {}) =>
    node.call('POST', `/api/v1/requests/${requestId}/domestic-orders`, {
      as: duty,
      body: { orders: [{ providerId, authorisation, ...extra }] },
    });
  const served = async (orderId: string) => {
    await orders.move(supervisor, orderId, 'authorise');
    await orders.move(duty, orderId, 'serve');
    return orders.answer(providerUser, orderId, 'acknowledge');
  };

  it('refuses a request that is not accepted, or of a kind no provider order executes', async () => {
    const fresh = await requests.receive(duty, {
      reference: 'FR-2026-L0',
      requestingState: 'FR',
      type: 'PRESERVATION_42',
      legalBasis: 'UN',
      language: 'en',
      details: withRange(),
    });
    const early = await fromRequest(fresh.id);
    expect([early.statusCode, early.json<Problem>().code]).toEqual([409, 'order/request-not-orderable']);
    const noRange = await accepted('FR-2026-L1', 'PRESERVATION_42', preservationDetails());
    const incomplete = await fromRequest(noRange.id);
    expect([incomplete.statusCode, incomplete.json<Problem>().code]).toEqual([400, 'order/invalid']);
    expect(incomplete.json<Problem>().errors?.map((e) => e.path)).toEqual(['/orders/0/scope/dateRange']);
  });

  describe('an Art. 42 preservation', () => {
    it(
      'becomes a domestic order in one step, scope and non-disclosure taken from ' +
        'the request; issued only once served',
      async () => {
        const request = await accepted('FR-2026-L2', 'PRESERVATION_42', withRange());
        const made = await fromRequest(request.id);
        expect(made.statusCode).toBe(201);
        const body = made.json<{
          requestState: string;
          orders: (OrderJson & {
            terms: { scope: { identifiers: unknown[]; dateRange: unknown }; nonDisclosure: { required: boolean } };
          })[];
        }>();
        // Drafted is not issued: the request says so only when the order is served.
        expect(body.requestState).toBe('ACCEPTED');
        expect(body.orders).toHaveLength(1);
        const order = body.orders[0]!;
        expect(order).toMatchObject({
          type: 'PRESERVE_25',
          state: 'CREATED',
          requestId: request.id,
          terms: { nonDisclosure: { required: true } },
        });
        expect(order.terms.scope.identifiers).toEqual(preservationDetails()['identifiers']);
        // The request's +07:00 range names its fixed zone for the provider's logs.
        expect(order.terms.scope).toMatchObject({
          dateRange: { from: '2026-10-01T00:00:00+07:00', timeZone: 'Etc/GMT-7' },
        });
        expect((await requests.view(duty, request.id)).state).toBe('ACCEPTED');
        expect((await requests.timeline(duty, request.id)).at(-1)).toMatchObject({
          kind: 'note',
          action: 'order-drafted',
          payload: { notes: [{ code: 'order.drafted', params: { orders: [order.reference] } }] },
        });
        await orders.move(supervisor, order.id, 'authorise');
        expect((await requests.view(duty, request.id)).state).toBe('ACCEPTED');
        const servedOrder = await orders.move(duty, order.id, 'serve');
        const issued = await requests.view(duty, request.id);
        expect(issued).toMatchObject({
          state: 'DOMESTIC_ORDER_ISSUED',
          preservedUntil: null,
          preservationOrderedUntil: servedOrder.periods[0]!.end,
        });
        expect(
          (await requests.timeline(duty, request.id)).find((e) => e.action === 'issue-domestic-order'),
        ).toMatchObject({
          actorName: `domestic order ${order.reference}`,
          payload: {
            order: { reference: order.reference, periodEnd: servedOrder.periods[0]!.end },
            notes: [{ code: 'order.served', params: { order: order.reference } }],
          },
        });
      },
    );

    it(
      'answers the requesting State "preserved until …" when the provider confirms, ' + 'in the same transaction',
      async () => {
        const request = await accepted('FR-2026-L3', 'PRESERVATION_42', withRange());
        const order = (await fromRequest(request.id)).json<{ orders: OrderJson[] }>().orders[0]!;
        const acknowledged = await served(order.id);
        const until = acknowledged.periods[0]!.end;
        await orders.answer(providerUser, order.id, 'confirm-preservation', {
          preservedUntil: until,
          what: 'Login IP log of the account, October 2026',
        });
        const after = await requests.view(duty, request.id);
        expect(after).toMatchObject({ state: 'PRESERVED', preservedUntil: until, preservationOrderedUntil: until });
        expect(after.deadlines.find((d) => d.ruleId === 'preservation-period')).toMatchObject({
          status: 'open',
          dueAt: until,
        });
        const confirmation = (await requests.timeline(duty, request.id)).find((e) => e.action === 'confirm-preserved');
        expect(confirmation).toMatchObject({
          actorName: `domestic order ${order.reference}`,
          payload: {
            preservedUntil: until,
            // The provider's own words stay as it wrote them; the node's sentence is a code.
            information: 'Login IP log of the account, October 2026',
            order: { reference: order.reference, periodEnd: until, partial: false },
            notes: [
              { code: 'order.preservation-confirmed', params: { order: order.reference, until, periodEnd: until } },
            ],
          },
        });
        const outbox = await node.app.node.database.db
          .selectFrom('outbox')
          .select(['type', 'to_country'])
          .where('request_id', '=', request.id)
          .execute();
        expect(outbox).toContainEqual({ type: 'request.transition', to_country: 'FR' });
      },
    );

    it(
      'refuses a date beyond the order\u2019s period, keeping everything as it ' +
        'was; records a shorter one as partial',
      async () => {
        const request = await accepted('FR-2026-L8', 'PRESERVATION_42', withRange());
        const order = (await fromRequest(request.id)).json<{ orders: OrderJson[] }>().orders[0]!;
        const acknowledged = await served(order.id);
        const end = acknowledged.periods[0]!.end;
        const beyond = await node.call('POST', `/api/v1/provider/orders/${order.id}/confirm-preservation`, {
          as: providerUser,
          body: { preservedUntil: '2028-01-01T00:00:00+07:00', what: 'login log' },
        });
        expect([beyond.statusCode, beyond.json<Problem>().code]).toEqual([400, 'order/preserved-until-beyond-period']);
        expect(beyond.json<Problem>().errors).toEqual([
          { path: '/payload/preservedUntil', message: `on or before ${end}` },
        ]);
        expect((await orders.view(duty, order.id)).state).toBe('ACKNOWLEDGED');
        expect(await requests.view(duty, request.id)).toMatchObject({
          state: 'DOMESTIC_ORDER_ISSUED',
          preservedUntil: null,
        });
        const short = new Date(Date.parse(end) - 20 * day).toISOString();
        await orders.answer(providerUser, order.id, 'confirm-preservation', {
          preservedUntil: short,
          what: 'login log',
        });
        expect(await requests.view(duty, request.id)).toMatchObject({
          state: 'PRESERVED',
          preservedUntil: short,
          preservationOrderedUntil: end,
        });
        const confirmation = (await requests.timeline(duty, request.id)).find((e) => e.action === 'confirm-preserved');
        expect(confirmation?.payload).toMatchObject({
          order: { partial: true },
          notes: [{ code: 'order.preservation-partial', params: { until: short, periodEnd: end } }],
        });
        // The officer is alerted on the order's own timeline.
        const timeline = (await node.call('GET', `/api/v1/orders/${order.id}/timeline`, { as: duty })).json<{
          events: { action: string; payload: Record<string, unknown> }[];
        }>().events;
        expect(timeline.find((e) => e.action === 'preservation-partial')?.payload).toEqual({ preservedUntil: short });
      },
    );

    it('turns "data not held" into the Art. 42 warning to the requesting State', async () => {
      const request = await accepted('FR-2026-L4', 'PRESERVATION_42', withRange());
      const order = (await fromRequest(request.id)).json<{ orders: OrderJson[] }>().orders[0]!;
      await served(order.id);
      const objected = await orders.answer(providerUser, order.id, 'object', {
        reasonCode: 'DATA_NOT_HELD',
        note: 'The account was deleted in 2025; no logs remain',
      });
      expect(objected).toMatchObject({ state: 'OBJECTED', objection: { reasonCode: 'DATA_NOT_HELD' } });
      const after = await requests.view(duty, request.id);
      expect(after.state).toBe('WARNING_ISSUED');
      const warning = (await requests.timeline(duty, request.id)).find((e) => e.action === 'issue-warning');
      expect(warning?.payload).toMatchObject({
        reasonCodes: ['DATA_NOT_HELD'],
        notes: [{ code: 'order.data-not-held', params: { order: order.reference } }],
      });
      // The officers review the objection on the order itself.
      expect((await orders.move(duty, order.id, 'review')).state).toBe('REVIEW');
    });
  });

  describe('an Art. 44 production', () => {
    let request: RequestJson;
    let order: OrderJson;

    beforeAll(async () => {
      request = await accepted('FR-2026-L5', 'STORED_DATA_44', storedDataDetails());
      const made = await fromRequest(request.id, {
        type: 'PRODUCE_27A',
        scope: {
          dataCategories: ['traffic'],
          dateRange: {
            from: '2026-10-01T00:00:00+07:00',
            to: '2026-10-31T23:59:59+07:00',
            timeZone: 'Asia/Ho_Chi_Minh',
          },
        },
      });
      expect(made.json<{ requestState: string }>().requestState).toBe('ACCEPTED');
      order = await served(made.json<{ orders: OrderJson[] }>().orders[0]!.id);
      expect((await requests.view(duty, request.id)).state).toBe('IN_EXECUTION');
    });

    it('refuses a production whose hash is not the provider\u2019s declared one, keeping nothing', async () => {
      const content = Buffer.from('login,ip,port,time\nsuspect,203.0.113.7,443,2026-10-30T14:03:11+07:00\n');
      const refused = await orders.upload(providerUser, order.id, content, {
        'x-content-sha256': sha256(Buffer.from('something else')),
      });
      expect([refused.statusCode, refused.json<Problem>().code]).toEqual([400, 'evidence/hash-mismatch']);
      expect((await orders.view(duty, order.id)).state).toBe('ACKNOWLEDGED');
      expect(
        (await node.call('GET', `/api/v1/requests/${request.id}/evidence`, { as: duty })).json<{ items: unknown[] }>()
          .items,
      ).toEqual([]);
    });

    it(
      'streams the production into the request\u2019s evidence with its custody ' + 'events, the file name made safe',
      async () => {
        const content = Buffer.from('login,ip,port,time\nsuspect,203.0.113.7,443,2026-10-30T14:03:11+07:00\n');
        const response = await orders.upload(providerUser, order.id, content, {
          'x-filename': encodeURIComponent('../../etc/lệnh "prod".csv'),
        });
        expect(response.statusCode).toBe(201);
        const receipt = response.json<Receipt>();
        expect(receipt).toMatchObject({
          providerSha256: sha256(content),
          evidence: {
            sha256: sha256(content),
            size: content.length,
            filename: 'lệnh _prod_.csv',
            mediaType: 'text/csv',
          },
          order: { state: 'PRODUCED' },
        });
        const items = (await node.call('GET', `/api/v1/requests/${request.id}/evidence`, { as: duty })).json<{
          items: { id: string; metadata: { source: string; dataCategory: string } }[];
        }>().items;
        expect(items).toEqual([
          expect.objectContaining({
            id: receipt.evidence.id,
            metadata: expect.objectContaining({ source: 'provider-production', dataCategory: 'traffic' }) as unknown,
          }),
        ]);
        const custody = (await node.call('GET', `/api/v1/evidence/${receipt.evidence.id}/custody`, { as: duty })).json<{
          events: { type: string; actor: { role: string | null } }[];
        }>().events;
        expect(custody.map((e) => e.type).slice(0, 2)).toEqual(['collected', 'hashed']);
        expect(custody[0]!.actor.role).toBe('provider_user');
        const download = await node.call('GET', `/api/v1/evidence/${receipt.evidence.id}/content`, { as: duty });
        expect(download.headers['content-type']).toBe('application/octet-stream');
        expect(String(download.headers['content-disposition'])).toMatch(/^attachment;/);
      },
    );

    it('refuses a production over the size limit, and more files than the order\u2019s quota', async () => {
      const big = Buffer.alloc(64 * 1024 + 1, 7);
      const tooBig = await orders.upload(providerUser, order.id, big);
      expect([tooBig.statusCode, tooBig.json<Problem>().code]).toEqual([413, 'evidence/too-large']);
      await orders.upload(providerUser, order.id, Buffer.from('part 2'));
      await orders.upload(providerUser, order.id, Buffer.from('part 3'));
      const fourth = await orders.upload(providerUser, order.id, Buffer.from('part 4'));
      expect([fourth.statusCode, fourth.json<Problem>().code]).toEqual([429, 'order/production-quota-exceeded']);
    });

    it(
      'closes the production when an officer confirms it complete, and offers ' + 'it to the requesting State',
      async () => {
        const done = await orders.move(supervisor, order.id, 'confirm-production-complete');
        expect(done.state).toBe('EVIDENCE_INGESTED');
        // The offer committed with the confirmation as a durable job; the runner carries it out.
        expect(await node.app.node.services.jobs.runDue()).toEqual({ claimed: 1, done: 1, retried: 0, failed: 0 });
        const timeline = (await node.call('GET', `/api/v1/orders/${order.id}/timeline`, { as: duty })).json<{
          events: { action: string; payload: Record<string, unknown> }[];
        }>().events;
        const offer = timeline.find((e) => e.action.startsWith('evidence-offer'));
        expect(offer, JSON.stringify(offer)).toMatchObject({
          action: 'evidence-offered',
          payload: { offered: expect.any(Array) as unknown },
        });
        expect(offer!.payload['offered']).toHaveLength(3);
        const queued = await node.app.node.database.db
          .selectFrom('outbox')
          .select(['type', 'to_country'])
          .where('request_id', '=', request.id)
          .execute();
        expect(queued).toContainEqual({ type: 'evidence.offered', to_country: 'FR' });
        expect((await requests.view(duty, request.id)).state).toBe('IN_EXECUTION');
        const produced = (await requests.timeline(duty, request.id)).filter((e) => e.action === 'record-production');
        expect(produced).toHaveLength(3);
        expect(produced[0]?.payload).toMatchObject({
          notes: [{ code: 'order.production-received', params: { order: order.reference } }],
        });
        const stats = (await node.call('GET', `/api/v1/providers/${providerId}/statistics`, { as: duty })).json<{
          timeToProduce: { count: number };
        }>();
        expect(stats.timeToProduce.count).toBe(1);
      },
    );
  });

  it(
    'turns "data not held" on an Art. 44 production into a partial-execution ' + 'report to the requesting State',
    async () => {
      const request = await accepted('FR-2026-L7', 'STORED_DATA_44', storedDataDetails());
      const made = await fromRequest(request.id, {
        type: 'PRODUCE_27A',
        scope: {
          dataCategories: ['traffic'],
          dateRange: {
            from: '2026-10-01T00:00:00+07:00',
            to: '2026-10-31T23:59:59+07:00',
            timeZone: 'Asia/Ho_Chi_Minh',
          },
        },
      });
      const order = await served(made.json<{ orders: OrderJson[] }>().orders[0]!.id);
      await orders.answer(providerUser, order.id, 'object', { reasonCode: 'DATA_NOT_HELD', note: 'No such account' });
      expect((await requests.view(duty, request.id)).state).toBe('PARTIALLY_EXECUTED');
      const report = (await requests.timeline(duty, request.id)).find((e) => e.action === 'report-partial-execution');
      expect(report?.payload).toMatchObject({
        reasonCodes: ['DATA_NOT_HELD'],
        notes: [{ code: 'order.data-not-held', params: { order: order.reference } }],
      });
      // Not complete while another order made for it still waits on its provider; complete once none does.
      const made2 = await fromRequest(request.id, {
        type: 'SUBSCRIBER_27B',
        scope: {
          dataCategories: ['subscriber'],
          dateRange: {
            from: '2026-10-01T00:00:00+07:00',
            to: '2026-10-31T23:59:59+07:00',
            timeZone: 'Asia/Ho_Chi_Minh',
          },
        },
      });
      expect(made2.statusCode, made2.body).toBe(201);
      const second = made2.json<{ orders: OrderJson[] }>().orders[0]!;
      const pending = await node.call('POST', `/api/v1/requests/${request.id}/transitions`, {
        as: supervisor,
        body: { action: 'complete-execution' },
      });
      expect([pending.statusCode, pending.json<Problem>().code]).toEqual([409, 'request/orders-pending']);
      await orders.move(duty, second.id, 'withdraw');
      await orders.move(duty, order.id, 'withdraw');
      expect((await requests.move(supervisor, request.id, 'complete-execution')).state).toBe('EXECUTED');
      const outbox = await node.app.node.database.db
        .selectFrom('outbox')
        .select(['type', 'to_country'])
        .where('request_id', '=', request.id)
        .execute();
      expect(outbox).toContainEqual({ type: 'request.transition', to_country: 'FR' });
    },
  );

  it('makes an order for an Art. 42 request preserve at least 60 days, naming the field otherwise', async () => {
    const request = await accepted('FR-2026-L6', 'PRESERVATION_42', withRange());
    const short = await fromRequest(request.id, { durationDays: 30 });
    expect([short.statusCode, short.json<Problem>().code]).toEqual([400, 'order/period-below-preservation-minimum']);
    expect(short.json<Problem>().errors).toEqual([{ path: '/orders/0/durationDays', message: 'at least 60 days' }]);
    const order = (await fromRequest(request.id, { durationDays: 60 })).json<{ orders: OrderJson[] }>().orders[0]!;
    const acknowledged = await served(order.id);
    expect(Date.parse(acknowledged.periods[0]!.end) - Date.parse(acknowledged.periods[0]!.start)).toBe(60 * day);
  });

  it('refuses the removed officer steps with a problem that names the order routes', async () => {
    const request = await accepted('FR-2026-L9', 'PRESERVATION_42', withRange());
    for (const [action, payload] of [
      ['issue-domestic-order', {}],
      ['confirm-preserved', { preservedUntil: '2027-03-08T00:00:00+07:00' }],
    ] as const) {
      const refused = await node.call('POST', `/api/v1/requests/${request.id}/transitions`, {
        as: supervisor,
        body: { action, payload },
      });
      expect([refused.statusCode, refused.json<Problem>().code]).toEqual([409, 'request/recorded-by-order']);
      expect(refused.json<Problem>().detail).toContain(`POST /api/v1/requests/{id}/domestic-orders`);
    }
    expect((await requests.view(duty, request.id)).state).toBe('ACCEPTED');
  });
});
