import fastifyHelmet from '@fastify/helmet';
import { TestNode, type SignedInUser } from '@hanoi247/testkit';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { securityHeaders } from './security-headers.js';

/** The headers @fastify/helmet itself sends with default options: the reference we must match. */
async function helmetPluginHeaders(): Promise<Record<string, string>> {
  const reference = Fastify({ logger: false });
  await reference.register(fastifyHelmet, { global: true });
  reference.get('/', async () => ({ ok: true }));
  const response = await reference.inject({ method: 'GET', url: '/' });
  await reference.close();
  const {
    'content-type': _type,
    'content-length': _length,
    date: _date,
    connection: _connection,
    ...headers
  } = response.headers;
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, String(value)]));
}

describe('security headers', () => {
  let node: TestNode;
  let admin: SignedInUser;
  let expected: Record<string, string>;

  beforeAll(async () => {
    node = await TestNode.start();
    admin = await node.administrator();
    expected = await helmetPluginHeaders();
  });
  afterAll(async () => node.stop());

  it('computes exactly what @fastify/helmet sends', () => {
    expect(securityHeaders()).toEqual(expected);
    expect(Object.keys(expected).length).toBeGreaterThanOrEqual(10);
  });

  it('sends them on successes, authentication failures, unknown routes and bad input', async () => {
    const answers = [
      await node.call('GET', '/api/v1/auth/session', { as: admin }),
      await node.call('GET', '/api/v1/auth/session'),
      await node.call('GET', '/no/such/route'),
      await node.call('POST', '/api/v1/auth/login', { body: { username: 'x' } }),
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([200, 401, 404, 400]);
    for (const answer of answers) expect(answer.headers).toMatchObject(expected);
  });

  it('lets the API docs keep their own content security policy', async () => {
    const docs = await node.call('GET', '/api/v1/docs/');
    expect(docs.statusCode).toBe(200);
    const { 'content-security-policy': _csp, ...others } = expected;
    expect(docs.headers).toMatchObject(others);
    expect(docs.headers['content-security-policy']).toBeDefined();
  });

  it('refuses options it cannot compute once', () => {
    expect(() =>
      securityHeaders({ contentSecurityPolicy: { directives: { scriptSrc: ["'self'", () => "'nonce-x'"] } } }),
    ).toThrow(/per-request/);
  });
});
