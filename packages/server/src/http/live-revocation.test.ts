import { userPrincipal } from '@hanoi247/core';
import { TestNode, type SignedInUser } from '@hanoi247/testkit';
import Fastify from 'fastify';
import { validatorCompiler, serializerCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../auth/secret-token.js';
import { uuidV7Ids } from '../identity/ids.js';
import { ChangeFeed } from '../live/change-feed.js';
import { createLiveEventsService, type LiveEventsService } from '../services/live-events.service.js';
import { eventRoutes } from './routes/events.routes.js';

/** The heartbeat's re-check: a stream outlives neither its session nor its token. */
describe('live stream credentials', { timeout: 60_000 }, () => {
  let node: TestNode;
  let live: LiveEventsService;
  let admin: SignedInUser;

  beforeAll(async () => {
    node = await TestNode.start();
    live = createLiveEventsService({ db: node.app.node.database.db, clock: node.clock, ids: uuidV7Ids });
    admin = await node.administrator();
  });
  afterAll(async () => node.stop());

  it('holds for an API token until it is revoked', async () => {
    const created = await node.call('POST', '/api/v1/tokens', {
      as: admin,
      body: { name: 'desk screen', scopes: ['profile:read'], expiresInDays: 1 },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { token, record } = created.json<{ token: string; record: { id: string } }>();
    const credential = { via: 'api-token' as const, tokenHash: hashSecret(token) };
    expect(await live.stillValid(credential)).toBe(true);
    const revoked = await node.call('DELETE', `/api/v1/tokens/${record.id}`, { as: admin });
    expect(revoked.statusCode, revoked.body).toBeLessThan(300);
    expect(await live.stillValid(credential)).toBe(false);
  });

  it('holds while the session is live and not once it is signed out', async () => {
    const token = admin.cookie.slice(admin.cookie.indexOf('=') + 1);
    const credential = { via: 'session' as const, tokenHash: hashSecret(token) };
    expect(await live.stillValid(credential)).toBe(true);
    const out = await node.call('POST', '/api/v1/auth/logout', { as: admin });
    expect(out.statusCode, out.body).toBeLessThan(300);
    expect(await live.stillValid(credential)).toBe(false);
  });

  it('ends the stream at the first heartbeat that finds the credential gone', async () => {
    const app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    app.decorateRequest('principal', null);
    app.addHook('onRequest', async (request) => {
      request.principal = userPrincipal({ id: 'u1', username: 'desk', roles: ['duty_officer'] }, 'api-token');
    });
    const feed = new ChangeFeed(
      { latestSeq: async () => 0, after: async () => [] },
      { intervalMs: 10, batchSize: 10, gapWaitMs: 1000, onError: () => undefined },
    );
    const checks: string[] = [];
    const revoked: LiveEventsService = {
      opened: async (context) => context.principal ?? Promise.reject(new Error('no principal')),
      replay: async () => [],
      stillValid: async (credential) => {
        checks.push(credential.tokenHash);
        return false;
      },
    };
    await app.register(eventRoutes({ live: revoked, feed, secureCookie: false, heartbeatMs: 10 }));
    // inject only resolves once the response ends: without the re-check it would never end.
    const reply = await app.inject({
      method: 'GET',
      url: '/api/v1/events',
      headers: { authorization: 'Bearer tok_abcdefghijkl' },
    });
    expect(reply.statusCode).toBe(200);
    expect(reply.body).toContain('retry: 2000');
    expect(reply.body).toContain(': heartbeat');
    expect(checks.length).toBeGreaterThan(0);
    expect(new Set(checks)).toEqual(new Set([hashSecret('tok_abcdefghijkl')]));
    expect(feed.subscriberCount).toBe(0);
    await app.close();
  });
});
