import { Writable } from 'node:stream';
import { TestNode, type SignedInUser } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

describe('operations surface', () => {
  let node: TestNode;
  let admin: SignedInUser;
  const logLines: string[] = [];

  beforeAll(async () => {
    const logStream = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        logLines.push(chunk.toString('utf8'));
        callback();
      },
    });
    node = await TestNode.start({ logStream, configure: (c) => ({ ...c, log: { level: 'trace' } }) });
    admin = await node.administrator();
  });
  afterAll(async () => node.stop());

  it('answers liveness and readiness without authentication', async () => {
    expect((await node.call('GET', '/healthz')).json()).toEqual({ status: 'ok' });
    expect((await node.call('GET', '/readyz')).json()).toEqual({ status: 'ready' });
  });

  it('serves Prometheus metrics only to holders of metrics:read', async () => {
    expect((await node.call('GET', '/metrics')).statusCode).toBe(401);
    const response = await node.call('GET', '/metrics', { as: admin });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(response.body).toMatch(/hanoi247_http_requests_total\{route="\/healthz",method="GET",status="200"\} \d+/);
    expect(response.body).toContain('hanoi247_process_cpu_user_seconds_total');
  });

  it('publishes an OpenAPI 3.1 document generated from the route schemas', async () => {
    const document = (await node.call('GET', '/api/v1/openapi.json')).json<{
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: unknown }> } }>>;
      components: { schemas: Record<string, unknown> };
    }>();
    expect(document.openapi).toBe('3.1.0');
    for (const path of [
      '/api/v1/auth/login',
      '/api/v1/users',
      '/api/v1/audit',
      '/api/v1/tokens',
      '/api/v1/node',
      '/healthz',
    ]) {
      expect(Object.keys(document.paths)).toContain(path);
    }
    expect(document.components.schemas).toHaveProperty('CreateUserRequest');
    expect(JSON.stringify(document.paths['/api/v1/users']?.['post']?.requestBody)).toContain('CreateUserRequest');
  });

  it('serves browsable API docs and the web page without a session', async () => {
    const docs = await node.call('GET', '/api/v1/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('sends security headers and a request id on every answer', async () => {
    const response = await node.call('GET', '/healthz');
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toBeDefined();
  });

  it('ignores a client-chosen request id', async () => {
    const response = await node.call('GET', '/healthz', { headers: { 'x-request-id': 'forged\nline' } });
    expect(response.headers['x-request-id']).not.toBe('forged\nline');
  });

  it('describes this node with its public keys', async () => {
    const body = (await node.call('GET', '/api/v1/node', { as: admin })).json<{
      country: string;
      keys: { signing: { fingerprint: string } }[];
    }>();
    expect(body.country).toBe('VN');
    expect(body.keys[0]?.signing.fingerprint).toMatch(/^SHA256:[A-Za-z0-9_-]{43}$/);
  });

  it('never writes passwords, one-time codes, tokens or cookies to the logs', async () => {
    const secretPassword = 'log-leak canary passphrase';
    const officer = await node.user(admin, 'canary.officer', ['duty_officer'], secretPassword);
    const token = (
      await node.call('POST', '/api/v1/tokens', {
        as: officer,
        body: { name: 'canary', scopes: ['profile:read'], expiresInDays: 1 },
      })
    ).json<{ token: string }>().token;
    await node.call('GET', '/api/v1/auth/session', { headers: { authorization: `Bearer ${token}` } });
    await node.call('POST', '/api/v1/auth/login', {
      body: { username: 'canary.officer', password: `${secretPassword}!` },
    });
    const logs = logLines.join('');
    expect(logs.length).toBeGreaterThan(1000);
    expect(logs).toContain('/api/v1/tokens');
    for (const secret of [
      secretPassword,
      token,
      officer.totpSecret,
      officer.cookie.split('=')[1] ?? 'x',
      officer.csrfToken,
      node.bootstrapToken ?? 'x',
    ]) {
      expect(logs).not.toContain(secret);
    }
  });
});
