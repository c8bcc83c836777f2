import { TestNode, type SignedInUser } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../config/config.schema.js';
import { tusClient } from './evidence.fixtures.js';
import { orderApi, orderBody, providerBody, sha256, type OrderJson } from './orders.fixtures.js';
import { day, hour, longSessions, type Problem } from './requests.fixtures.js';

const maxProductionBytes = 4096;
const configure = (config: Config): Config =>
  longSessions({ ...config, orders: { ...config.orders, maxProductionBytes } });
const b64 = (value: string) => Buffer.from(value).toString('base64');
const tus = { 'tus-resumable': '1.0.0' };

interface EvidenceJson {
  readonly id: string;
  readonly requestId: string | null;
  readonly orderId: string | null;
  readonly sha256: string;
  readonly size: number;
}

/**
 * Production under a purely domestic order (no request on this node) and the provider's
 * resumable (tus) production upload: the item belongs to the order and follows its visibility,
 * the order moves with the last byte, and other providers and other uploads are "not found".
 */
describe('domestic orders: production without a request, and resumable', () => {
  let node: TestNode;
  let duty: SignedInUser;
  let central: SignedInUser;
  let supervisor: SignedInUser;
  let providerA: SignedInUser;
  let providerB: SignedInUser;
  let providerId: string;
  let api: ReturnType<typeof orderApi<SignedInUser>>;

  beforeAll(async () => {
    node = await TestNode.start({ configure });
    const admin = await node.administrator();
    duty = await node.user(admin, 'prod.duty', ['duty_officer']);
    central = await node.user(admin, 'prod.central', ['central_authority_officer']);
    supervisor = await node.user(admin, 'prod.supervisor', ['supervisor']);
    providerA = await node.user(admin, 'prod.provider.a', ['provider_user']);
    providerB = await node.user(admin, 'prod.provider.b', ['provider_user']);
    api = orderApi<SignedInUser>(node);
    providerId = (await api.createProvider(admin, providerBody('Provider A'))).id;
    await api.link(admin, providerId, providerA.userId);
    await api.link(admin, (await api.createProvider(admin, providerBody('Provider B'))).id, providerB.userId);
  });
  afterAll(async () => node.stop());

  async function acknowledgedOrder(
    issuer: SignedInUser,
    overrides: Record<string, unknown> = { type: 'PRODUCE_27A', durationDays: undefined },
  ): Promise<OrderJson> {
    const draft = await api.draft(issuer, orderBody(providerId, overrides));
    await api.move(supervisor, draft.id, 'authorise');
    await api.move(issuer, draft.id, 'serve');
    return api.answer(providerA, draft.id, 'acknowledge');
  }

  const orderEvidence = async (as: SignedInUser, orderId: string) =>
    (await node.call('GET', `/api/v1/orders/${orderId}/evidence`, { as })).json<{ items: EvidenceJson[] }>().items;

  function open(as: SignedInUser, orderId: string, content: Buffer, declared = sha256(content)) {
    return node.call('POST', `/api/v1/provider/orders/${orderId}/production/uploads`, {
      as,
      headers: {
        ...tus,
        'upload-length': String(content.length),
        'upload-metadata':
          `filename ${b64('../../etc/login records.csv')},sha256 ${b64(declared)},dataCategory ` +
          `${b64('traffic')},filetype ${b64('text/csv')}`,
      },
    });
  }

  const patch = (as: SignedInUser, location: string, offset: number, bytes: Buffer) =>
    node.call('PATCH', location, {
      as,
      body: bytes,
      headers: { ...tus, 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' },
    });

  it('files a production under a purely domestic order as evidence of the order, visible to its officers', async () => {
    const order = await acknowledgedOrder(duty);
    const content = Buffer.from('login,ip\n2026-10-02T10:00:00+07:00,203.0.113.7\n');
    const delivered = await api.upload(providerA, order.id, content);
    expect(delivered.statusCode).toBe(201);
    const receipt = delivered.json<{ evidence: { id: string }; order: OrderJson }>();
    expect(receipt.order.state).toBe('PRODUCED');
    const items = await orderEvidence(duty, order.id);
    expect(items).toEqual([
      expect.objectContaining({ id: receipt.evidence.id, requestId: null, orderId: order.id, sha256: sha256(content) }),
    ]);
    const item = await node.call('GET', `/api/v1/evidence/${receipt.evidence.id}`, { as: duty });
    expect([item.statusCode, item.json<EvidenceJson>().orderId]).toEqual([200, order.id]);
    const custody = (await node.call('GET', `/api/v1/evidence/${receipt.evidence.id}/custody`, { as: duty })).json<{
      events: { type: string }[];
    }>().events;
    expect(custody.map((e) => e.type)).toEqual(['collected', 'hashed', 'sealed']);
  });

  it('keeps the evidence of an interception order with the central authority, as the order itself', async () => {
    const start = new Date(node.clock.now().getTime() + hour).toISOString();
    const end = new Date(node.clock.now().getTime() + 5 * day).toISOString();
    const order = await acknowledgedOrder(central, {
      type: 'INTERCEPT_30',
      durationDays: undefined,
      authorisedPeriod: { start, end },
    });
    node.clock.set(new Date(Date.parse(start) + 60_000));
    await api.answer(providerA, order.id, 'start-collection');
    const batch = await api.upload(providerA, order.id, Buffer.from('intercepted batch 1'));
    expect(batch.statusCode).toBe(201);
    const evidenceId = batch.json<{ evidence: { id: string } }>().evidence.id;
    expect((await node.call('GET', `/api/v1/evidence/${evidenceId}`, { as: central })).statusCode).toBe(200);
    const hidden = await node.call('GET', `/api/v1/evidence/${evidenceId}`, { as: duty });
    expect([hidden.statusCode, hidden.json<Problem>().code]).toEqual([404, 'evidence/not-found']);
    expect((await node.call('GET', `/api/v1/orders/${order.id}/evidence`, { as: duty })).statusCode).toBe(404);
  });

  it(
    'takes production as a resumable tus upload: resumes from HEAD, records ' +
      'the item and the order\u2019s step at the last byte',
    async () => {
      const order = await acknowledgedOrder(duty);
      const content = Buffer.from('subscriber,msisdn,activated\nNguyễn Văn B,+84912000000,2025-01-02\n'.repeat(20));
      const opened = await open(providerA, order.id, content);
      expect(opened.statusCode).toBe(201);
      const location = opened.headers['location'] as string;
      expect(location).toMatch(new RegExp(`^/api/v1/provider/orders/${order.id}/production/uploads/`));
      const half = Math.floor(content.length / 2);
      expect((await patch(providerA, location, 0, content.subarray(0, half))).statusCode).toBe(204);
      // A broken link: the provider asks where to resume.
      const head = await tusClient(node.app).head(providerA, location);
      expect([head.statusCode, head.headers['upload-offset']]).toEqual([200, String(half)]);
      expect((await patch(providerA, location, 0, content.subarray(0, half))).statusCode).toBe(409);
      const last = await patch(providerA, location, half, content.subarray(half));
      expect(last.statusCode).toBe(204);
      const evidenceId = last.headers['hanoi247-evidence-id'];
      const items = await orderEvidence(duty, order.id);
      expect(items).toEqual([
        expect.objectContaining({ id: evidenceId, orderId: order.id, size: content.length, sha256: sha256(content) }),
      ]);
      expect(items[0]).toMatchObject({ filename: 'login records.csv' });
      expect((await api.view(duty, order.id)).state).toBe('PRODUCED');
      const timeline = (
        await node.call('GET', `/api/v1/provider/orders/${order.id}/timeline`, { as: providerA })
      ).json<{
        events: { action: string; payload: Record<string, unknown> }[];
      }>().events;
      expect(timeline.filter((e) => e.action === 'evidence-ingested').map((e) => e.payload['providerSha256'])).toEqual([
        sha256(content),
      ]);
    },
  );

  it(
    'refuses content that differs from the provider\u2019s declared hash, keeps ' + 'nothing, and ends the upload',
    async () => {
      const order = await acknowledgedOrder(duty);
      const content = Buffer.from('the real content');
      const opened = await open(providerA, order.id, content, sha256(Buffer.from('something else')));
      const location = opened.headers['location'] as string;
      const refused = await patch(providerA, location, 0, content);
      expect([refused.statusCode, refused.json<Problem>().code]).toEqual([400, 'evidence/hash-mismatch']);
      expect(await orderEvidence(duty, order.id)).toEqual([]);
      expect((await api.view(duty, order.id)).state).toBe('ACKNOWLEDGED');
      expect((await tusClient(node.app).head(providerA, location)).statusCode).toBe(410);
    },
  );

  it(
    'refuses before a byte an upload over the production size limit, or without ' + 'the provider\u2019s hash',
    async () => {
      const order = await acknowledgedOrder(duty);
      const tooBig = await open(providerA, order.id, Buffer.alloc(maxProductionBytes + 1));
      expect([tooBig.statusCode, tooBig.json<Problem>().code]).toEqual([413, 'evidence/too-large']);
      const noHash = await node.call('POST', `/api/v1/provider/orders/${order.id}/production/uploads`, {
        as: providerA,
        headers: {
          ...tus,
          'upload-length': '3',
          'upload-metadata': `filename ${b64('a.csv')},dataCategory ${b64('traffic')}`,
        },
      });
      expect([noHash.statusCode, noHash.json<Problem>().code]).toEqual([400, 'evidence/invalid-metadata']);
    },
  );

  it(
    'publishes the configured production limit in the provider\u2019s order ' +
      'view, so the portal can refuse a bigger file before hashing it',
    async () => {
      const order = await acknowledgedOrder(duty);
      expect(order).toMatchObject({ maxProductionBytes });
      const one = await node.call('GET', `/api/v1/provider/orders/${order.id}`, { as: providerA });
      expect([one.statusCode, one.json<{ maxProductionBytes: number }>().maxProductionBytes]).toEqual([
        200,
        maxProductionBytes,
      ]);
      const listed = (await node.call('GET', '/api/v1/provider/orders', { as: providerA })).json<{
        orders: { id: string; maxProductionBytes: number }[];
      }>().orders;
      expect(listed.find((o) => o.id === order.id)?.maxProductionBytes).toBe(maxProductionBytes);
      // The officers' view is another contract: the limit is the provider's concern.
      expect(
        Object.keys((await node.call('GET', `/api/v1/orders/${order.id}`, { as: duty })).json<object>()),
      ).not.toContain('maxProductionBytes');
    },
  );

  it('lets nobody else touch a production upload: another provider, an officer, or another upload id', async () => {
    const order = await acknowledgedOrder(duty);
    const content = Buffer.from('partial production');
    const location = (await open(providerA, order.id, content)).headers['location'] as string;
    const uploadId = location.split('/').at(-1) as string;
    const other = await patch(providerB, location, 0, content);
    expect([other.statusCode, other.json<Problem>().code]).toEqual([404, 'order/not-found']);
    // The officers' tus route does not reach a provider's upload.
    expect((await tusClient(node.app).head(duty, `/api/v1/evidence/uploads/${uploadId}`)).statusCode).toBe(404);
    // The provider's own order with an upload that is not theirs: "not found", and a logged denial.
    const stranger = `/api/v1/provider/orders/${order.id}/production/uploads/01900000-0000-7000-8000-0000000000bb`;
    const missing = await node.call('GET', stranger, { as: providerA });
    expect([missing.statusCode, missing.json<Problem>().code]).toEqual([404, 'evidence/upload-not-found']);
    const denied = await node.app.node.database.db
      .selectFrom('audit_entries')
      .select(['object_type', 'outcome'])
      .where('action', '=', 'order.access-denied')
      .where('object_id', '=', '01900000-0000-7000-8000-0000000000bb')
      .execute();
    expect(denied).toEqual([{ object_type: 'upload', outcome: 'denied' }]);
    // Nothing moved: the upload is still at 0 and the order awaits production.
    expect((await tusClient(node.app).head(providerA, location)).headers['upload-offset']).toBe('0');
    expect((await api.view(duty, order.id)).state).toBe('ACKNOWLEDGED');
  });
});
