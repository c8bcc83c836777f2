import { kindOf, type ErrorCode } from '@hanoi247/core';
import { vi } from 'vitest';

/** What the page sent, as the server would read it: method, path, headers and the parsed JSON body. */
export interface SentRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

type Answer = (request: SentRequest) => Response | Promise<Response>;

/**
 * Replaces `fetch` (the network boundary, nothing inside the app) with answers by
 * "METHOD /path"; every call is recorded, and a call no answer expects is answered 599 and
 * recorded as unexpected, so a test can assert the page sent nothing else.
 */
export function stubFetch(answers: Readonly<Record<string, Answer>>): {
  readonly sent: SentRequest[];
  readonly unexpected: SentRequest[];
} {
  const sent: SentRequest[] = [];
  const unexpected: SentRequest[] = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const path =
      typeof input === 'string' ? input : input instanceof URL ? `${input.pathname}${input.search}` : input.url;
    const request: SentRequest = {
      method: init.method ?? 'GET',
      path,
      headers: Object.fromEntries(new Headers(init.headers).entries()),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : init.body,
    };
    sent.push(request);
    const answer = answers[`${request.method} ${path}`];
    if (answer !== undefined) return answer(request);
    unexpected.push(request);
    return new Response(null, { status: 599 });
  });
  return { sent, unexpected };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

// The kinds these tests meet, with the node's status and title for each.
const answerByKind: Partial<Record<string, { readonly status: number; readonly title: string }>> = {
  invalid: { status: 400, title: 'The request is not valid' },
  unauthenticated: { status: 401, title: 'Authentication is required' },
  forbidden: { status: 403, title: 'Not allowed' },
  conflict: { status: 409, title: 'Conflict with the current state' },
};

/** An RFC 9457 problem as the node's error handler writes it (server/src/http/problem-details.ts). */
export function problem(code: ErrorCode, detail: string): Response {
  const { status, title } = answerByKind[kindOf(code)] ?? { status: 500, title: 'Internal error' };
  return new Response(
    JSON.stringify({ type: `urn:hanoi247:problem:${code}`, title, status, detail, code, requestId: 'req-test' }),
    { status, headers: { 'content-type': 'application/problem+json; charset=utf-8' } },
  );
}
