import { TestNode, type SignedInUser } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderApi, orderBody, providerBody, sha256, type OrderJson } from './orders.fixtures.js';
import { caseInput, preservationDetails, requestApi, type Problem } from './requests.fixtures.js';

/**
 * Security scenario 30 for providers: every provider endpoint, called by a provider (in the
 * portal or with its API token) with another provider's order, an order not yet served, a
 * request, a case or an unknown id, answers exactly "not found" and logs a denial; nothing changes.
 */
describe('domestic orders: isolation between providers and from the case', () => {
  let node: TestNode;
  let duty: SignedInUser;
  let providerA: SignedInUser;
  let providerB: SignedInUser;
  let tokenA: string;
  let orderA: OrderJson;
  let orderB: OrderJson;
  let foreignIds: Record<string, string>;
  let api: ReturnType<typeof orderApi<SignedInUser>>;

  beforeAll(async () => {
    node = await TestNode.start();
    const admin = await node.administrator();
    duty = await node.user(admin, 'iso.duty', ['duty_officer']);
    const supervisor = await node.user(admin, 'iso.supervisor', ['supervisor']);
    providerA = await node.user(admin, 'iso.provider.a', ['provider_user']);
    providerB = await node.user(admin, 'iso.provider.b', ['provider_user']);
    api = orderApi<SignedInUser>(node);
    const a = await api.createProvider(admin, providerBody('Provider A'));
    const b = await api.createProvider(admin, providerBody('Provider B'));
    await api.link(admin, a.id, providerA.userId);
    await api.link(admin, b.id, providerB.userId);
    const served = async (providerId: string) => {
      const draft = await api.draft(duty, orderBody(providerId));
      await api.move(supervisor, draft.id, 'authorise');
      return api.move(duty, draft.id, 'serve');
    };
    orderA = await served(a.id);
    orderB = await served(b.id);
    const draftA = await api.draft(duty, orderBody(a.id));
    const request = await requestApi<SignedInUser>(node).receive(duty, {
      reference: 'FR-2026-ISO',
      requestingState: 'FR',
      type: 'PRESERVATION_42',
      legalBasis: 'UN',
      language: 'en',
      details: preservationDetails(),
    });
    const caseId = (await node.call('POST', '/api/v1/cases', { as: duty, body: caseInput() })).json<{ id: string }>()
      .id;
    foreignIds = {
      "another provider's order": orderB.id,
      'an order not yet served': draftA.id,
      'a request': request.id,
      'a case': caseId,
      'an unknown id': '01900000-0000-7000-8000-000000000000',
    };
    const issued = await node.call('POST', '/api/v1/tokens', {
      as: providerA,
      body: { name: 'provider A system', scopes: ['provider-orders:respond'], expiresInDays: 30 },
    });
    tokenA = issued.json<{ token: string }>().token;
  });
  afterAll(async () => node.stop());

  const content = Buffer.from('subscriber,ip\nsuspect,203.0.113.7\n');
  const b64 = (value: string) => Buffer.from(value).toString('base64');
  const tusMetadata = `filename ${b64('p.csv')},sha256 ${b64(sha256(content))},dataCategory ${b64('traffic')}`;
  const endpoints: readonly {
    name: string;
    method: 'GET' | 'POST' | 'PATCH';
    path: (id: string) => string;
    body?: unknown;
    headers?: Record<string, string>;
  }[] = [
    { name: 'view', method: 'GET', path: (id) => `/api/v1/provider/orders/${id}` },
    { name: 'timeline', method: 'GET', path: (id) => `/api/v1/provider/orders/${id}/timeline` },
    { name: 'signed order', method: 'GET', path: (id) => `/api/v1/provider/orders/${id}/signed` },
    { name: 'acknowledge', method: 'POST', path: (id) => `/api/v1/provider/orders/${id}/acknowledge` },
    {
      name: 'confirm preservation',
      method: 'POST',
      path: (id) => `/api/v1/provider/orders/${id}/confirm-preservation`,
      body: { preservedUntil: '2027-03-01T00:00:00Z', what: 'everything' },
    },
    {
      name: 'object',
      method: 'POST',
      path: (id) => `/api/v1/provider/orders/${id}/object`,
      body: { reasonCode: 'NOT_ADDRESSEE', note: 'not ours' },
    },
    { name: 'start collection', method: 'POST', path: (id) => `/api/v1/provider/orders/${id}/start-collection` },
    {
      name: 'upload production',
      method: 'POST',
      path: (id) => `/api/v1/provider/orders/${id}/production`,
      body: content,
      headers: {
        'content-type': 'application/octet-stream',
        'x-content-sha256': sha256(content),
        'x-filename': 'p.csv',
        'x-data-category': 'traffic',
      },
    },
    {
      name: 'open a resumable production upload',
      method: 'POST',
      path: (id) => `/api/v1/provider/orders/${id}/production/uploads`,
      headers: { 'tus-resumable': '1.0.0', 'upload-length': String(content.length), 'upload-metadata': tusMetadata },
    },
    {
      name: 'resume a production upload',
      method: 'GET',
      path: (id) => `/api/v1/provider/orders/${id}/production/uploads/01900000-0000-7000-8000-0000000000aa`,
    },
    {
      name: 'send production bytes',
      method: 'PATCH',
      path: (id) => `/api/v1/provider/orders/${id}/production/uploads/01900000-0000-7000-8000-0000000000aa`,
      body: content,
      headers: { 'tus-resumable': '1.0.0', 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
    },
  ];

  const denials = async (objectId: string) => {
    const rows = await node.app.node.database.db
      .selectFrom('audit_entries')
      .select(['outcome', 'actor_name'])
      .where('action', '=', 'order.access-denied')
      .where('object_id', '=', objectId)
      .execute();
    return rows;
  };

  const matrix = endpoints.flatMap((endpoint) =>
    ['session', 'api token'].flatMap((via) =>
      ["another provider's order", 'an order not yet served', 'a request', 'a case', 'an unknown id'].map(
        (target) => [endpoint.name, via, target, endpoint] as const,
      ),
    ),
  );

  it.each(matrix)(
    '%s via %s with %s: 404 order/not-found and a logged denial',
    async (_name, via, target, endpoint) => {
      const id = foreignIds[target]!;
      const before = (await denials(id)).length;
      const auth = via === 'session' ? { as: providerA } : { headers: { authorization: `Bearer ${tokenA}` } };
      const response = await node.call(endpoint.method, endpoint.path(id), {
        ...auth,
        ...(endpoint.body === undefined ? {} : { body: endpoint.body }),
        headers: { ...(endpoint.headers ?? {}), ...(via === 'api token' ? { authorization: `Bearer ${tokenA}` } : {}) },
      });
      expect(response.statusCode).toBe(404);
      expect(response.json<Problem>()).toMatchObject({ code: 'order/not-found', detail: 'no such order' });
      const after = await denials(id);
      expect(after).toHaveLength(before + 1);
      expect(after.at(-1)).toEqual({ outcome: 'denied', actor_name: 'iso.provider.a' });
    },
  );

  it('left the other provider\u2019s order untouched, and keeps it out of the list', async () => {
    const seen = await api.view(duty, orderB.id);
    expect(seen).toMatchObject({ state: 'SERVED', version: orderB.version });
    const listed = (await node.call('GET', '/api/v1/provider/orders', { as: providerA })).json<{
      orders: { id: string }[];
    }>().orders;
    expect(listed.map((o) => o.id)).toEqual([orderA.id]);
    const listedB = (
      await node.call('GET', '/api/v1/provider/orders', { headers: { authorization: `Bearer ${tokenA}` } })
    ).json<{ orders: { id: string }[] }>().orders;
    expect(listedB.map((o) => o.id)).toEqual([orderA.id]);
  });

  it('lets the provider\u2019s system act on its own order with a scoped API token', async () => {
    const response = await node.call('POST', `/api/v1/provider/orders/${orderA.id}/acknowledge`, {
      headers: { authorization: `Bearer ${tokenA}` },
    });
    expect([response.statusCode, response.json<OrderJson>().state]).toEqual([200, 'ACKNOWLEDGED']);
  });

  it('keeps providers out of officers\u2019 routes and officers out of providers\u2019 routes', async () => {
    for (const path of [
      `/api/v1/orders/${orderA.id}`,
      '/api/v1/orders',
      '/api/v1/providers',
      '/api/v1/requests',
      `/api/v1/orders/${orderA.id}/signed`,
    ]) {
      expect((await node.call('GET', path, { as: providerB })).statusCode, path).toBe(403);
    }
    expect((await node.call('GET', `/api/v1/provider/orders/${orderA.id}`, { as: duty })).statusCode).toBe(403);
    const token = await node.call('POST', '/api/v1/tokens', {
      as: providerA,
      body: { name: 'too wide', scopes: ['requests:read'], expiresInDays: 1 },
    });
    expect(token.statusCode).toBe(403);
  });
});
