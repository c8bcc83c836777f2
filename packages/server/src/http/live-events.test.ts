import { ApiProblem } from '@hanoi247/contract/client';
import { TestNode, waitFor, type SignedInUser } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SseClient } from './live-events.fixtures.js';
import {
  interceptionDetails,
  preservationDetails,
  requestApi,
  type Problem,
  type RequestJson,
} from './requests.fixtures.js';

const incoming = (reference: string) => ({
  reference,
  requestingState: 'SG',
  type: 'PRESERVATION_42',
  legalBasis: 'UN',
  language: 'en',
  details: preservationDetails(),
});
const incomingInterception = (reference: string) => ({
  reference,
  requestingState: 'SG',
  type: 'INTERCEPTION_46',
  legalBasis: 'UN',
  language: 'en',
  details: interceptionDetails(),
});

/** GET /api/v1/events over real HTTP: the officers' desk hears of changes without polling. */
describe('live request events', { timeout: 60_000 }, () => {
  let node: TestNode;
  let base: string;
  let admin: SignedInUser;
  let duty: SignedInUser;
  let central: SignedInUser;
  let api: ReturnType<typeof requestApi<SignedInUser>>;
  let stopped = false;
  const clients: SseClient[] = [];

  const open = async (as: SignedInUser | { bearer: string }, headers: Record<string, string> = {}) => {
    const auth = 'bearer' in as ? { authorization: `Bearer ${as.bearer}` } : { cookie: as.cookie };
    const client = await SseClient.open(base, { ...auth, ...headers });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    node = await TestNode.start();
    base = await node.listen();
    admin = await node.administrator();
    duty = await node.user(admin, 'live.duty', ['duty_officer']);
    central = await node.user(admin, 'live.central', ['central_authority_officer']);
    api = requestApi<SignedInUser>(node);
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    if (!stopped) await node.stop();
  });

  it('answers 401 problem details without a session or token', async () => {
    const reply = await node.call('GET', '/api/v1/events');
    expect(reply.statusCode).toBe(401);
    expect(reply.json<Problem>().code).toBe('auth/unauthenticated');
  });

  it(
    'sends an event when a visible request changes, with the stream headers, ' + 'and audits the subscription',
    async () => {
      const request = await api.receive(duty, incoming('SG-2026-L1'));
      const stream = await open(duty);
      expect(stream.response.status).toBe(200);
      expect(stream.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      expect(stream.response.headers.get('cache-control')).toBe('no-cache');
      expect(stream.response.headers.get('x-accel-buffering')).toBe('no');
      const moved = await api.move(duty, request.id, 'acknowledge');
      const change = await stream.change((c) => c.requestId === request.id);
      expect(change).toEqual({
        requestId: request.id,
        reference: 'SG-2026-L1',
        state: moved.state,
        kind: 'transition',
        action: 'acknowledge',
        seq: expect.any(Number) as unknown,
      });
      expect(stream.events.find((e) => e.event === 'request')?.id).toBe(String(change.seq));
      expect(stream.retry).toBe(2000);
      const audit = await node.app.node.database.db
        .selectFrom('audit_entries')
        .select(['actor_name', 'object_type'])
        .where('action', '=', 'events.subscribed')
        .execute();
      expect(audit).toContainEqual({ actor_name: 'live.duty', object_type: 'event-stream' });
    },
  );

  it('streams to an API token as well', async () => {
    const created = await node.call('POST', '/api/v1/tokens', {
      as: duty,
      body: { name: 'desk screen', scopes: ['requests:read'], expiresInDays: 1 },
    });
    expect(created.statusCode, created.body).toBe(201);
    const stream = await open({ bearer: created.json<{ token: string }>().token });
    const request = await api.receive(duty, incoming('SG-2026-L2'));
    expect((await stream.change((c) => c.requestId === request.id)).action).toBe('receive');
  });

  it('replays what a reconnecting client missed after its Last-Event-ID, without requests it may not see', async () => {
    const first = await api.receive(duty, incoming('SG-2026-L3'));
    const stream = await open(duty);
    await api.move(duty, first.id, 'acknowledge');
    const seen = await stream.change((c) => c.requestId === first.id && c.action === 'acknowledge');
    stream.close();
    // While the client is away: a change it may not see, then one it may.
    const hidden = await api.receive(central, incomingInterception('SG-2026-L46'));
    await api.move(central, hidden.id, 'acknowledge');
    const missed = await api.receive(duty, incoming('SG-2026-L4'));
    const resumed = await open(duty, { 'last-event-id': String(seen.seq) });
    await resumed.change((c) => c.requestId === missed.id);
    const seqs = resumed.changes.map((c) => c.seq);
    expect(seqs.every((seq) => seq > seen.seq)).toBe(true);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(resumed.changes.map((c) => c.requestId)).not.toContain(hidden.id);
    // The hidden change exists: the officer who may see it gets it on replay.
    const centralStream = await open(central, { 'last-event-id': String(seen.seq) });
    expect((await centralStream.change((c) => c.requestId === hidden.id)).reference).toBe('SG-2026-L46');
  });

  it(
    'refuses a sixth stream of one user with 429 events/too-many-streams, and ' +
      'accepts one again once a stream closes',
    async () => {
      const busy = await node.user(admin, 'live.busy', ['duty_officer']);
      const streams = [];
      for (let i = 0; i < 5; i++) streams.push(await open(busy));
      expect(streams.map((s) => s.response.status)).toEqual([200, 200, 200, 200, 200]);
      await expect(open(busy)).rejects.toMatchObject({ status: 429, code: 'events/too-many-streams' });
      const refused = await node.call('GET', '/api/v1/events', { as: busy });
      expect(refused.statusCode).toBe(429);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.json<Problem>().code).toBe('events/too-many-streams');
      // Another officer is not held back by this one's streams.
      expect((await open(duty)).response.status).toBe(200);
      streams[0]?.close();
      const again = await waitFor('a free stream slot', async () =>
        open(busy).catch((error: unknown) => {
          if (error instanceof ApiProblem && error.status === 429) return undefined;
          throw error;
        }),
      );
      expect(again.response.status).toBe(200);
    },
  );

  it('rejects a Last-Event-ID that is not an event id', async () => {
    const reply = await node.call('GET', '/api/v1/events', { as: duty, headers: { 'last-event-id': 'abc' } });
    expect(reply.statusCode).toBe(400);
    expect(reply.json<Problem>().code).toBe('request/validation-failed');
  });

  it('ends open streams when the node closes, so shutdown never hangs', async () => {
    const stream = await open(duty);
    const request: RequestJson = await api.receive(duty, incoming('SG-2026-L5'));
    await stream.change((c) => c.requestId === request.id);
    stopped = true;
    await node.stop();
    await stream.finished;
    expect(stream.ended).toBe(true);
    expect(stream.failure).toBeNull();
  });
});

/** Only requests the caller may see: the same rule as GET /api/v1/requests/:id. */
describe('live request events and visibility', { timeout: 60_000 }, () => {
  let node: TestNode;
  let base: string;
  let stopped = false;

  beforeAll(async () => {
    node = await TestNode.start();
    base = await node.listen();
  });
  afterAll(async () => {
    if (!stopped) await node.stop();
  });

  it('never names a request to a provider user or to an officer who may not see it', async () => {
    const admin = await node.administrator();
    const duty = await node.user(admin, 'vis.duty', ['duty_officer']);
    const central = await node.user(admin, 'vis.central', ['central_authority_officer']);
    const provider = await node.user(admin, 'vis.provider', ['provider_user']);
    const api = requestApi<SignedInUser>(node);
    const stream = (as: SignedInUser) => SseClient.open(base, { cookie: as.cookie });
    const [dutyStream, centralStream, providerStream] = await Promise.all([
      stream(duty),
      stream(central),
      stream(provider),
    ]);
    expect(providerStream.response.status).toBe(200);

    const hidden = await api.receive(central, incomingInterception('SG-2026-V46'));
    await api.move(central, hidden.id, 'acknowledge');
    const marker = await api.receive(duty, incoming('SG-2026-V1'));
    // One feed read hands each change to every stream in turn, so once the duty officer has
    // the later marker, every stream has been offered the hidden request.
    await dutyStream.change((c) => c.requestId === marker.id);
    await centralStream.change((c) => c.requestId === marker.id);
    expect(centralStream.changes.filter((c) => c.requestId === hidden.id).map((c) => c.action)).toEqual(
      expect.arrayContaining(['receive', 'acknowledge']),
    );
    stopped = true;
    await node.stop();
    await Promise.all([dutyStream.finished, providerStream.finished]);
    expect(dutyStream.changes.map((c) => c.requestId)).not.toContain(hidden.id);
    expect(providerStream.changes).toEqual([]);
    expect(providerStream.ended).toBe(true);
  });
});
