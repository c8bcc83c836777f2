import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { NodeMetrics, OutboundOutcome } from '../telemetry.js';
import { createOutboundHttp, type OutboundHttp } from './http-transport.js';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/** The partner end: each path answers as the test scripts it, and every hit is counted. */
describe('the outbound HTTP module', () => {
  let server: Server;
  let base: string;
  const routes = new Map<string, Handler>();
  const hits: string[] = [];
  let counted: [string, string, OutboundOutcome][] = [];
  const metrics: NodeMetrics = {
    outbound: (partner, operation, outcome) => void counted.push([partner, operation, outcome]),
    backgroundError: () => undefined,
    jobRun: () => undefined,
  };
  const open: ServerResponse[] = [];
  let outbound: OutboundHttp;

  beforeAll(async () => {
    server = createServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://x').pathname;
      hits.push(path);
      open.push(response);
      const handler = routes.get(path);
      if (handler === undefined) response.writeHead(404).end();
      else handler(request, response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const response of open) response.destroy();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    routes.clear();
    hits.length = 0;
    counted = [];
    outbound = createOutboundHttp({
      metrics,
      timeouts: { requestMs: 300, headersMs: 300, idleMs: 300 },
      retries: 2,
      retryDelayMs: 1,
    });
  });

  const json =
    (status: number, body: unknown): Handler =>
    (_request, response) =>
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  const never: Handler = () => undefined;

  it('retries an idempotent read after a 503 and counts each attempt by partner and operation', async () => {
    let calls = 0;
    routes.set('/proof', (request, response) => {
      calls += 1;
      return calls === 1 ? json(503, {})(request, response) : json(200, { proof: ['AA=='] })(request, response);
    });
    expect(await outbound.getJson('SG', 'ledger-consistency', base, '/proof?from=1&to=2')).toEqual({
      status: 200,
      body: { proof: ['AA=='] },
    });
    expect(counted).toEqual([
      ['SG', 'ledger-consistency', 'http-error'],
      ['SG', 'ledger-consistency', 'ok'],
    ]);
  });

  it('stops after its bounded retries and hands back the last answer; a 404 is not retried', async () => {
    routes.set('/down', json(502, {}));
    expect(await outbound.getJson('SG', 'ledger-consistency', base, '/down')).toEqual({ status: 502, body: null });
    expect(hits).toEqual(['/down', '/down', '/down']);
    hits.length = 0;
    expect(await outbound.getJson('SG', 'ledger-consistency', base, '/missing')).toEqual({ status: 404, body: null });
    expect(hits).toEqual(['/missing']);
  });

  it('gives a read that never answers up as a timeout, counted as such on every attempt', async () => {
    routes.set('/silent', never);
    await expect(outbound.getJson('FR', 'ledger-consistency', base, '/silent')).rejects.toMatchObject({
      name: 'TimeoutError',
    });
    expect(counted).toEqual(Array.from({ length: 3 }, () => ['FR', 'ledger-consistency', 'timeout']));
  });

  it('names a partner that answers a read with no JSON, with a stable code', async () => {
    routes.set('/html', (_request, response) => response.writeHead(200).end('<html>'));
    await expect(outbound.getJson('SG', 'ledger-consistency', base, '/html')).rejects.toMatchObject({
      code: 'federation/invalid-envelope',
    });
  });

  it('posts once, whatever the answer: the durable queues behind it retry with back-off', async () => {
    routes.set('/federation/v1/inbox', json(503, { title: 'busy' }));
    expect(await outbound.post('SG', 'inbox', base, '/federation/v1/inbox', '{}')).toEqual({
      status: 503,
      body: JSON.stringify({ title: 'busy' }),
    });
    expect(hits).toEqual(['/federation/v1/inbox']);
    expect(counted).toEqual([['SG', 'inbox', 'http-error']]);
  });

  it('follows no redirect, even to the same partner', async () => {
    routes.set('/moved', (_request, response) => response.writeHead(302, { location: `${base}/proof` }).end());
    await expect(outbound.getJson('SG', 'ledger-consistency', base, '/moved')).rejects.toThrow();
    expect(hits.filter((h) => h === '/proof')).toEqual([]);
    expect(counted.map((c) => c[2])).toEqual(['network-error', 'network-error', 'network-error']);
  });

  it('streams content of any length but ends a stream that stalls, and one whose headers never come', async () => {
    routes.set('/stalls', (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/octet-stream' });
      response.write(Buffer.alloc(1000, 1));
    });
    const response = await outbound.stream('SG', 'evidence-content', new URL('/stalls', base), {});
    const reader = response.body!.getReader();
    expect((await reader.read()).value).toHaveLength(1000);
    await expect(reader.read()).rejects.toMatchObject({ name: 'TimeoutError' });

    routes.set('/no-headers', never);
    await expect(outbound.stream('SG', 'evidence-content', new URL('/no-headers', base), {})).rejects.toMatchObject({
      name: 'TimeoutError',
    });
    expect(counted).toEqual([
      ['SG', 'evidence-content', 'ok'],
      ['SG', 'evidence-content', 'timeout'],
    ]);
  });
});
