import { totpCodeAt } from '@hanoi247/server';

/** A signed-in officer, as a browser holds them: the session cookie and the CSRF token. */
export interface ApiSession {
  readonly baseUrl: string;
  readonly username: string;
  readonly cookie: string;
  readonly csrfToken: string;
}

interface Problem {
  readonly code?: string;
  readonly detail?: string;
  readonly errors?: readonly { readonly path: string; readonly message: string }[];
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

async function send(
  baseUrl: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<Response> {
  return fetch(new URL(path, baseUrl), {
    method,
    headers: {
      accept: 'application/json',
      ...headers,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    redirect: 'error',
    signal: AbortSignal.timeout(15_000),
  });
}

async function parsed<T>(response: Response, what: string): Promise<T> {
  const text = await response.text();
  const json: unknown = text === '' ? null : JSON.parse(text);
  if (!response.ok) {
    const problem = (json ?? {}) as Problem;
    const issues = (problem.errors ?? []).map((e) => `; ${e.path}: ${e.message}`).join('');
    throw new ApiError(
      `${what}: HTTP ${response.status} ${problem.code ?? ''} ${problem.detail ?? response.statusText}${issues}`.replace(
        /\s+/g,
        ' ',
      ),
      response.status,
      problem.code ?? null,
    );
  }
  return json as T;
}

async function attempt(baseUrl: string, username: string, password: string, totpCode: string): Promise<ApiSession> {
  const response = await send(baseUrl, 'POST', '/api/v1/auth/login', {}, { username, password, totpCode });
  const body = await parsed<{ status: string; csrfToken?: string }>(response, `sign-in of ${username}`);
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
  const headers: Record<string, string> = { cookie: session.cookie };
  // The synchronizer token proves the caller read the node's answer, as the web page does.
  if (method !== 'GET') headers['x-csrf-token'] = session.csrfToken;
  return parsed<T>(
    await send(session.baseUrl, method, path, headers, body),
    `${method} ${path} as ${session.username}`,
  );
}
