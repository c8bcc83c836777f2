import type { Socket } from 'node:net';
import { TestNode, type SignedInUser } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchange, type RawAnswer } from './raw-http.fixtures.js';
import { securityHeaders } from './security-headers.js';

const close = 'Connection: close\r\n';
const get = (path: string, extra = '') => `GET ${path} HTTP/1.1\r\nHost: node.test\r\n${extra}${close}\r\n`;

/**
 * Every answer the node can give, including those Node's HTTP parser and Fastify's router
 * give before any route runs, is RFC 9457 problem details with a stable code, the security
 * headers of every other answer and a request id. Real sockets: inject() skips the parser.
 */
describe('answers before any route runs', () => {
  let node: TestNode;
  let admin: SignedInUser;
  let port: number;
  const expected = securityHeaders();

  beforeAll(async () => {
    node = await TestNode.start({ configure: (c) => ({ ...c, http: { ...c.http, maxHeaderBytes: 8192 } }) });
    admin = await node.administrator();
    port = Number(new URL(await node.listen()).port);
  });
  afterAll(async () => node.stop());

  const only = (answers: RawAnswer[]): RawAnswer => {
    expect(answers).toHaveLength(1);
    return answers[0]!;
  };

  const expectProblem = (answer: RawAnswer, status: number, code: string) => {
    expect(answer.status).toBe(status);
    expect(answer.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(answer.headers).toMatchObject(expected);
    const body = JSON.parse(answer.body) as Record<string, unknown>;
    expect(body).toMatchObject({ type: `urn:hanoi247:problem:${code}`, status, code });
    expect(typeof body['title']).toBe('string');
    expect(typeof body['detail']).toBe('string');
    expect(body['requestId']).toMatch(/^[0-9a-f-]{36}$/);
    expect(answer.headers['x-request-id']).toBe(body['requestId']);
    return body as { detail: string; requestId: string };
  };

  it('a malformed percent-encoding in the path: 400 request/bad-url', async () => {
    const answer = only(await exchange(port, get('/api/v1/requests/%ZZ')));
    expectProblem(answer, 400, 'request/bad-url');
    expect(answer.body).not.toContain('%ZZ');
  });

  it('a 5,000-character path parameter: 414 request/uri-too-long, without echoing it', async () => {
    const long = 'a'.repeat(5000);
    const answer = only(await exchange(port, get(`/api/v1/requests/${long}`, `Cookie: ${admin.cookie}\r\n`)));
    expectProblem(answer, 414, 'request/uri-too-long');
    expect(answer.body.length).toBeLessThan(1000);
  });

  it('a 20 KB header, or a URL past the configured limit: 431 request/headers-too-large', async () => {
    const header = only(await exchange(port, get('/healthz', `X-Padding: ${'p'.repeat(20 * 1024)}\r\n`)));
    expect(expectProblem(header, 431, 'request/headers-too-large').detail).toContain('8192 bytes');
    const url = only(await exchange(port, get(`/healthz?q=${'q'.repeat(10 * 1024)}`)));
    expectProblem(url, 431, 'request/headers-too-large');
    // Just under the limit still reaches the route.
    const fits = only(await exchange(port, get('/healthz', `X-Padding: ${'p'.repeat(7 * 1024)}\r\n`)));
    expect(fits.status).toBe(200);
  });

  it('bytes that are not HTTP/1.1: 400 request/malformed-http naming the parser\u2019s reason', async () => {
    const method = only(await exchange(port, `BREW /healthz HTTP/1.1\r\nHost: node.test\r\n\r\n`));
    expect(expectProblem(method, 400, 'request/malformed-http').detail).toContain('invalid method');
    const framing =
      `POST /api/v1/auth/login HTTP/1.1\r\nHost: node.test\r\nContent-Length: ` +
      `3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`;
    expectProblem(only(await exchange(port, framing)), 400, 'request/malformed-http');
  });

  it('an HTTP/1.1 request without Host: 400 request/malformed-http; HTTP/1.0 needs none', async () => {
    const answer = only(await exchange(port, `GET /healthz HTTP/1.1\r\n${close}\r\n`));
    expect(expectProblem(answer, 400, 'request/malformed-http').detail).toContain('Host');
    const old = only(await exchange(port, 'GET /healthz HTTP/1.0\r\n\r\n'));
    expect(old.status).toBe(200);
    expect(JSON.parse(old.body)).toEqual({ status: 'ok' });
  });

  it('an expectation other than 100-continue: 417 request/expectation-failed', async () => {
    const answer = only(await exchange(port, get('/healthz', 'Expect: teapot\r\n')));
    expectProblem(answer, 417, 'request/expectation-failed');
  });

  it('an unknown route over a real socket: 404 request/route-not-found', async () => {
    expectProblem(only(await exchange(port, get('/no/such/route'))), 404, 'request/route-not-found');
  });

  it('a request whose headers never finish arriving: 408 request/timeout', async () => {
    // Node raises this after headersTimeout (a minute by default); the event is what the node answers.
    const serverSide = new Promise<Socket>((resolve) => node.app.server.once('connection', resolve));
    const timedOut = async () => {
      const socket = await serverSide;
      node.app.server.emit(
        'clientError',
        Object.assign(new Error('Request timeout'), { code: 'ERR_HTTP_REQUEST_TIMEOUT' }),
        socket,
      );
    };
    const answer = only(await exchange(port, 'GET /healthz HTTP/1.1\r\nHost: node.test\r\n', timedOut));
    expectProblem(answer, 408, 'request/timeout');
  });

  it('counts the answers no route saw, by code', async () => {
    const metrics = (await node.call('GET', '/metrics', { as: admin })).body;
    const count = (code: string) =>
      Number(new RegExp(`^hanoi247_http_rejected_requests_total\\{code="${code}"\\} (\\d+)$`, 'm').exec(metrics)?.[1]);
    expect(count('request/bad-url')).toBeGreaterThanOrEqual(1);
    expect(count('request/uri-too-long')).toBeGreaterThanOrEqual(1);
    expect(count('request/headers-too-large')).toBeGreaterThanOrEqual(2);
    expect(count('request/malformed-http')).toBeGreaterThanOrEqual(2);
    expect(count('request/expectation-failed')).toBeGreaterThanOrEqual(1);
  });

  it('leaves the existing answers as they were', async () => {
    const ok = only(await exchange(port, get('/healthz')));
    expect(ok.status).toBe(200);
    expect(ok.headers).toMatchObject(expected);
    expect(ok.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const invalid = only(await exchange(port, get('/api/v1/requests/not-a-uuid', `Cookie: ${admin.cookie}\r\n`)));
    expect(invalid.status).toBeGreaterThanOrEqual(400);
    expect(invalid.headers['content-type']).toBe('application/problem+json; charset=utf-8');
  });
});

describe('answers while the node shuts down', () => {
  it('a request arriving on a kept-alive connection during shutdown: 503 node/shutting-down', async () => {
    const node = await TestNode.start();
    const port = Number(new URL(await node.listen()).port);
    const body = JSON.stringify({ username: 'nobody', password: 'not a real passphrase' });
    let closing = Promise.resolve();
    const firstArrived = new Promise((resolve) => node.app.server.once('request', resolve));
    // The first request is in flight (its body half sent) when shutdown starts; the second follows it.
    const shutDown = async () => {
      await firstArrived;
      closing = node.app.close();
      while (node.app.server.listening) await new Promise((resolve) => setImmediate(resolve));
    };
    const answers = await exchange(
      port,
      `POST /api/v1/auth/login HTTP/1.1\r\nHost: node.test\r\nContent-Type: application/json\r\nContent-Length: ` +
        `${body.length}\r\n\r\n${body.slice(0, 10)}`,
      shutDown,
      `${body.slice(10)}${get('/healthz')}`,
    );
    await closing;
    await node.database.drop();
    expect(answers.map((a) => a.status)).toEqual([401, 503]);
    const refused = answers[1]!;
    expect(refused.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(refused.headers).toMatchObject(securityHeaders());
    expect(JSON.parse(refused.body)).toMatchObject({ code: 'node/shutting-down', status: 503 });
  });
});
