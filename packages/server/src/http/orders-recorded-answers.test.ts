import { TestNode, type SignedInUser } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evidenceMetadata, tusClient } from './evidence.fixtures.js';
import { authorisation, orderApi, providerBody, type OrderJson } from './orders.fixtures.js';
import { longSessions, preservationDetails, requestApi, type Problem, type RequestJson } from './requests.fixtures.js';

/**
 * A provider with no account on the platform answers by letter: the officer records that answer on
 * the order, naming who answered, how and when, with the letter kept as evidence. The order's rules
 * still apply, the request moves as the provider's own answer would move it, and both States see
 * that an officer recorded it (the partner never sees the provider employee's name).
 */
describe('domestic orders: answers of a provider not on the platform, recorded by an officer', () => {
  let node: TestNode;
  let duty: SignedInUser;
  let supervisor: SignedInUser;
  let auditor: SignedInUser;
  let offPlatform: string;
  let onPlatform: string;
  let orders: ReturnType<typeof orderApi<SignedInUser>>;
  let requests: ReturnType<typeof requestApi<SignedInUser>>;
  let request: RequestJson;
  let order: OrderJson;
  let letterId: string;

  const record = (orderId: string, body: Record<string, unknown>, as: SignedInUser = duty) =>
    node.call('POST', `/api/v1/orders/${orderId}/provider-answers`, { as, body });
  const answer = (overrides: Record<string, unknown> = {}) => ({
    action: 'acknowledge',
    receivedAt: '2026-11-02T09:30:00+07:00',
    channel: 'letter',
    from: { name: 'Trần Thị Lan', role: 'Legal counsel' },
    evidenceItemId: letterId,
    ...overrides,
  });

  beforeAll(async () => {
    node = await TestNode.start({ configure: longSessions, start: '2026-11-03T00:00:00.000Z' });
    const admin = await node.administrator();
    duty = await node.user(admin, 'letter.duty', ['duty_officer']);
    supervisor = await node.user(admin, 'letter.supervisor', ['supervisor']);
    auditor = await node.user(admin, 'letter.auditor', ['auditor']);
    const member = await node.user(admin, 'letter.provider', ['provider_user']);
    orders = orderApi<SignedInUser>(node);
    requests = requestApi<SignedInUser>(node);
    offPlatform = (await orders.createProvider(admin, providerBody('Paper Hosting JSC'))).id;
    onPlatform = (await orders.createProvider(admin, providerBody('Portal Mail LLC'))).id;
    await orders.link(admin, onPlatform, member.userId);

    const received = await requests.receive(duty, {
      reference: 'FR-2026-P1',
      requestingState: 'FR',
      type: 'PRESERVATION_42',
      legalBasis: 'UN',
      language: 'en',
      details: {
        ...preservationDetails(),
        dateRange: { from: '2026-10-01T00:00:00+01:00', to: '2026-10-31T23:59:59+01:00' },
      },
    });
    await requests.move(duty, received.id, 'acknowledge');
    await requests.move(duty, received.id, 'triage');
    request = await requests.move(supervisor, received.id, 'accept');
    const made = await node.call('POST', `/api/v1/requests/${request.id}/domestic-orders`, {
      as: duty,
      body: { orders: [{ providerId: offPlatform, authorisation }] },
    });
    const drafted = made.json<{ orders: OrderJson[] }>().orders[0]!;
    await orders.move(supervisor, drafted.id, 'authorise');
    order = await orders.move(duty, drafted.id, 'serve');
    const letter = Buffer.from(
      '%PDF-1.4 Paper Hosting JSC: we have preserved the account data until the date ordered.',
    );
    const uploaded = await tusClient(node.app).upload(
      duty,
      {
        requestId: request.id,
        filename: 'provider-letter.pdf',
        mediaType: 'application/pdf',
        metadata: evidenceMetadata({ source: 'seizure', description: 'The provider\u2019s letter' }),
      },
      letter,
    );
    letterId = String(uploaded.last.headers['hanoi247-evidence-id'] ?? '');
    expect(letterId).not.toBe('');
  });
  afterAll(async () => node.stop());

  it('refuses an answer without the document, or a document that is not this request\u2019s', async () => {
    const missing = await record(order.id, answer({ evidenceItemId: undefined }));
    expect([missing.statusCode, missing.json<Problem>().code]).toEqual([400, 'request/validation-failed']);
    const foreign = await record(order.id, answer({ evidenceItemId: '01900000-0000-7000-8000-000000000000' }));
    expect([foreign.statusCode, foreign.json<Problem>().code]).toEqual([400, 'order/answer-evidence-invalid']);
    expect(foreign.json<Problem>().errors).toEqual([
      { path: '/evidenceItemId', message: 'an evidence item of this order\u2019s request' },
    ]);
    const future = await record(order.id, answer({ receivedAt: '2027-01-01T00:00:00+07:00' }));
    expect([future.statusCode, future.json<Problem>().code]).toEqual([400, 'order/invalid']);
    expect((await orders.view(duty, order.id)).state).toBe('SERVED');
  });

  it('records the acknowledgement, then a confirmation, under the same rules as the portal', async () => {
    const acknowledged = await record(order.id, answer());
    expect(acknowledged.statusCode, acknowledged.body).toBe(200);
    expect(acknowledged.json<OrderJson>().state).toBe('ACKNOWLEDGED');
    const end = order.periods[0]!.end;
    const beyond = await record(
      order.id,
      answer({
        action: 'confirm-preservation',
        payload: { preservedUntil: '2028-01-01T00:00:00+07:00', preservedWhat: 'all' },
      }),
    );
    expect([beyond.statusCode, beyond.json<Problem>().code]).toEqual([400, 'order/preserved-until-beyond-period']);
    const confirmed = await record(
      order.id,
      answer({
        action: 'confirm-preservation',
        channel: 'email',
        receivedAt: '2026-11-02T16:00:00+07:00',
        payload: { preservedUntil: end, preservedWhat: 'Mailbox, login records' },
      }),
    );
    expect(confirmed.json<OrderJson>()).toMatchObject({ state: 'PRESERVED', preservedUntil: end });
  });

  it(
    'moves the request as the provider\u2019s own answer would, telling both ' + 'States it was recorded by hand',
    async () => {
      const view = await requests.view(duty, request.id);
      expect(view).toMatchObject({ state: 'PRESERVED', preservedUntil: order.periods[0]!.end });
      const confirmation = (await requests.timeline(duty, request.id)).find((e) => e.action === 'confirm-preserved');
      expect(confirmation?.payload).toMatchObject({
        order: { reference: order.reference, recorded: { channel: 'email', receivedAt: '2026-11-02T16:00:00+07:00' } },
        notes: [
          { code: 'order.preservation-confirmed' },
          { code: 'order.answer-recorded', params: { channel: 'email', receivedAt: '2026-11-02T16:00:00+07:00' } },
        ],
      });
      // What goes to France names how the answer came, never who at the provider gave it.
      const outbox = await node.app.node.database.db
        .selectFrom('outbox')
        .select(['type'])
        .where('request_id', '=', request.id)
        .execute();
      expect(outbox.map((m) => m.type)).toContain('request.transition');
      expect(JSON.stringify(confirmation?.payload)).not.toContain('Trần Thị Lan');
      // The order's own timeline keeps who answered, as the officer wrote it down.
      const timeline = (await node.call('GET', `/api/v1/orders/${order.id}/timeline`, { as: duty })).json<{
        events: { action: string; side: string; actorName: string; payload: Record<string, unknown> }[];
      }>().events;
      const step = timeline.find((e) => e.action === 'confirm-preservation');
      expect(step).toMatchObject({
        side: 'provider',
        actorName: 'letter.duty, recording the provider\u2019s answer',
        payload: { recorded: { from: { name: 'Trần Thị Lan', role: 'Legal counsel' }, evidenceItemId: letterId } },
      });
    },
  );

  it('audits each recorded answer with its document', async () => {
    const audit = await node.call('GET', `/api/v1/audit?objectId=${order.id}&action=order.answer-recorded`, {
      as: auditor,
    });
    const entries = audit.json<{ entries: { actorName: string; details: Record<string, unknown> }[] }>().entries;
    expect(entries.map((e) => e.details['action']).sort()).toEqual(['acknowledge', 'confirm-preservation']);
    for (const entry of entries) {
      expect(entry).toMatchObject({ actorName: 'letter.duty', details: { evidenceItemId: letterId } });
    }
  });

  it('refuses to record for a provider that answers on the platform', async () => {
    const made = await node.call('POST', `/api/v1/requests/${request.id}/domestic-orders`, {
      as: duty,
      body: { orders: [{ providerId: onPlatform, authorisation }] },
    });
    const other = made.json<{ orders: OrderJson[] }>().orders[0]!;
    await orders.move(supervisor, other.id, 'authorise');
    await orders.move(duty, other.id, 'serve');
    const refused = await record(other.id, answer());
    expect([refused.statusCode, refused.json<Problem>().code]).toEqual([409, 'order/provider-on-platform']);
    expect((await orders.view(duty, other.id)).state).toBe('SERVED');
  });
});
