import { describe, expect, it } from 'vitest';
import { ApiProblem, createApiClient } from './client.js';

interface Sent {
  readonly url: string;
  readonly init: RequestInit;
}

function recording(answer: () => Response) {
  const sent: Sent[] = [];
  const fetch = async (url: string, init: RequestInit) => {
    sent.push({ url, init });
    return answer();
  };
  return { sent, fetch };
}

const json = (body: unknown, status = 200, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

describe('the typed API client', () => {
  it('fills path parameters, drops empty query filters and answers the parsed body', async () => {
    const { sent, fetch } = recording(() => json({ events: [] }));
    const client = createApiClient({ baseUrl: 'https://node.example', fetch });
    const timeline = await client.call('getRequestTimeline', { params: { requestId: 'a/b' } });
    expect(timeline.events).toEqual([]);
    await client.call('listRequests', { query: { state: '', type: 'MLA_40', limit: 200 } });
    expect(sent.map((s) => `${s.init.method} ${s.url}`)).toEqual([
      'GET https://node.example/api/v1/requests/a%2Fb/timeline',
      'GET https://node.example/api/v1/requests?type=MLA_40&limit=200',
    ]);
  });

  it('refuses, in the types and at run time, a call without its path parameters', async () => {
    const client = createApiClient({ fetch: recording(() => json({})).fetch });
    // @ts-expect-error getRequest needs its requestId
    await expect(client.call('getRequest')).rejects.toThrow('needs its requestId parameter');
  });

  it('sends the CSRF token on unsafe methods only, and a bearer token when it has one', async () => {
    const { sent, fetch } = recording(() => new Response(null, { status: 204 }));
    const client = createApiClient({ fetch, csrfToken: () => 'csrf-1', bearerToken: () => 'token-1234567890' });
    expect(await client.call('logout')).toBeUndefined();
    await client.request('GET', '/api/v1/auth/session');
    const headers = sent.map((s) => s.init.headers as Record<string, string>);
    expect(headers[0]).toMatchObject({ 'x-csrf-token': 'csrf-1', authorization: 'Bearer token-1234567890' });
    expect(headers[1]?.['x-csrf-token']).toBeUndefined();
    expect(sent[0]?.init.body).toBeUndefined();
  });

  it('passes the signal that ends a call or the stream it answered', async () => {
    const { sent, fetch } = recording(() => new Response(': ready\n\n', { status: 200 }));
    const controller = new AbortController();
    await createApiClient({ fetch }).request('GET', '/api/v1/events', undefined, {
      accept: 'text/event-stream',
      signal: controller.signal,
    });
    expect(sent[0]?.init.signal).toBe(controller.signal);
    expect((sent[0]?.init.headers as Record<string, string>)['accept']).toBe('text/event-stream');
  });

  it('sends a JSON body with its content type', async () => {
    const { sent, fetch } = recording(() => json({ status: 'signed-in' }));
    await createApiClient({ fetch }).call('login', { body: { username: 'duty', password: 'pw', totpCode: '123456' } });
    expect(sent[0]?.init.body).toBe('{"username":"duty","password":"pw","totpCode":"123456"}');
    expect((sent[0]?.init.headers as Record<string, string>)['content-type']).toBe('application/json');
  });

  it('throws refusals as one ApiProblem read from RFC 9457 problem details', async () => {
    const problem = {
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: 'the body is invalid',
      code: 'validation/invalid',
      requestId: 'r-1',
      errors: [{ path: '/type', message: 'required' }],
    };
    const { fetch } = recording(() => json(problem, 400, 'application/problem+json'));
    const refused = await createApiClient({ fetch })
      .call('getRequest', { params: { requestId: 'x' } })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiProblem);
    expect(refused).toMatchObject({
      status: 400,
      code: 'validation/invalid',
      message: 'the body is invalid',
      requestId: 'r-1',
      fieldErrors: [{ path: '/type', message: 'required' }],
    });
  });

  it('still gives a code and a message when the refusal is not problem details', async () => {
    const { fetch } = recording(
      () => new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
    );
    const refused = await createApiClient({ fetch })
      .request('GET', '/healthz')
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 502, code: '502', message: 'Bad Gateway', fieldErrors: [] });
  });
});
