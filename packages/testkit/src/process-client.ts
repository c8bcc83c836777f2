import { ApiProblem, createApiClient, type ApiClient } from '@hanoi247/contract/client';

/** A signed-in user of a node process: session cookie and CSRF token, as a browser holds them. */
export interface ProcessSession {
  readonly username: string;
  readonly cookie: string;
  readonly csrfToken: string;
}

export interface ProcessReply<T = unknown> {
  readonly status: number;
  readonly body: T;
}

/** Who calls: a session (cookie and CSRF header), an API token (Bearer), or nobody (public routes). */
export interface Caller {
  readonly as?: ProcessSession;
  readonly token?: string;
}

/**
 * The contract's client for a running node, as `caller`. `refused` sees each refused answer before
 * the client reads it into an ApiProblem, for tests that assert the problem details as sent.
 */
export function processClient(baseUrl: string, caller: Caller = {}, refused?: (response: Response) => void): ApiClient {
  const { as, token } = caller;
  return createApiClient({
    baseUrl,
    csrfToken: () => as?.csrfToken ?? null,
    bearerToken: () => token ?? null,
    fetch: async (input, init) => {
      const headers = {
        ...(init.headers as Record<string, string>),
        ...(as === undefined ? {} : { cookie: as.cookie }),
      };
      const response = await fetch(input, { ...init, headers });
      if (!response.ok) refused?.(response.clone());
      return response;
    },
  });
}

/** JSON over HTTP through the client, whatever the status: a refusal answers its problem details. */
export async function replyOf<T>(
  baseUrl: string,
  caller: Caller,
  method: string,
  path: string,
  body?: unknown,
): Promise<ProcessReply<T>> {
  let refusal: Response | null = null;
  const client = processClient(baseUrl, caller, (response) => (refusal = response));
  try {
    const response = await client.request(method, path, body);
    return { status: response.status, body: await jsonOf<T>(response) };
  } catch (error) {
    const seen = refusal as Response | null;
    if (!(error instanceof ApiProblem) || seen === null) throw error;
    return { status: seen.status, body: await jsonOf<T>(seen) };
  }
}

async function jsonOf<T>(response: Response): Promise<T> {
  const text = await response.text();
  return (text === '' ? null : JSON.parse(text)) as T;
}
