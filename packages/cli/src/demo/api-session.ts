import { ApiProblem, createApiClient, routes } from '@hanoi247/contract/client';
import type { SignedDescriptor } from '@hanoi247/core';
import { totpCodeAt } from '@hanoi247/server';

/** A signed-in officer, as a browser holds them: the session cookie and the CSRF token. */
export interface ApiSession {
  readonly baseUrl: string;
  readonly username: string;
  readonly cookie: string;
  readonly csrfToken: string;
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | null,
  ) {
    super(message);
  }
}

const stepMs = 30_000;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The contract's client as a browser holds a session: its cookie, its CSRF token, no redirects. */
function clientOf(baseUrl: string, session?: { readonly cookie: string; readonly csrfToken: string }) {
  return createApiClient({
    baseUrl: new URL(baseUrl).origin,
    csrfToken: () => session?.csrfToken ?? null,
    fetch: async (input, init) =>
      fetch(input, {
        ...init,
        headers: { ...(init.headers as Record<string, string>), ...(session ? { cookie: session.cookie } : {}) },
        redirect: 'error',
        signal: AbortSignal.timeout(15_000),
      }),
  });
}

/** Sends and reads the answer; a refusal becomes an ApiError naming what was done and the problem. */
async function answered(what: string, sending: Promise<Response>): Promise<{ response: Response; json: unknown }> {
  try {
    const response = await sending;
    const text = await response.text();
    return { response, json: text === '' ? null : JSON.parse(text) };
  } catch (error) {
    if (!(error instanceof ApiProblem)) throw error;
    const issues = error.fieldErrors.map((e) => `; ${e.path}: ${e.message}`).join('');
    throw new ApiError(
      `${what}: HTTP ${error.status} ${error.code} ${error.message}${issues}`.replace(/\s+/g, ' '),
      error.status,
      error.code,
    );
  }
}

async function attempt(baseUrl: string, username: string, password: string, totpCode: string): Promise<ApiSession> {
  const { response, json } = await answered(
    `sign-in of ${username}`,
    clientOf(baseUrl).request('POST', routes.login.path, { username, password, totpCode }),
  );
  const body = json as { status: string; csrfToken?: string };
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.split('=')[0]?.endsWith('h247_session') === true);
  if (body.status !== 'signed-in' || body.csrfToken === undefined || cookie === undefined) {
    throw new ApiError(
      `sign-in of ${username}: the node asked for ${body.status}, not a signed-in session`,
      response.status,
      null,
    );
  }
  return { baseUrl, username, cookie, csrfToken: body.csrfToken };
}

/**
 * Password and TOTP, as an officer signs in. A code is accepted once per 30-second step
 * (replay protection), so when an earlier run already used this step's code, the code of the
 * next step, which the node accepts for clock drift, is tried; failing that, the next step is awaited.
 */
export async function signIn(
  baseUrl: string,
  username: string,
  password: string,
  totpSecret: string,
  onWait: (ms: number) => void = () => undefined,
): Promise<ApiSession> {
  let lastError: unknown;
  for (let round = 0; round < 2; round += 1) {
    for (const offset of [0, stepMs]) {
      try {
        return await attempt(baseUrl, username, password, totpCodeAt(totpSecret, new Date(Date.now() + offset)));
      } catch (error) {
        if (!(error instanceof ApiError) || error.code !== 'auth/invalid-credentials') throw error;
        lastError = error;
      }
    }
    const wait = stepMs - (Date.now() % stepMs) + 50;
    onWait(wait);
    await sleep(wait);
  }
  throw lastError;
}

/** One API call as this officer; non-2xx answers become an ApiError naming the problem. */
export async function call<T>(session: ApiSession, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  // The synchronizer token (sent on POST) proves the caller read the node's answer, as the web page does.
  const { json } = await answered(
    `${method} ${path} as ${session.username}`,
    clientOf(session.baseUrl, session).request(method, path, body),
  );
  return json as T;
}

/** A node's signed descriptor, from its public route, as a partner fetches it before pinning. */
export async function publishedDescriptor(baseUrl: string): Promise<SignedDescriptor> {
  const { json } = await answered(
    `the descriptor of ${baseUrl}`,
    clientOf(baseUrl).request('GET', routes.getDescriptor.path),
  );
  return json as SignedDescriptor;
}
