/** The API as the browser calls it: same origin, session cookie, CSRF header on unsafe methods. */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors: readonly { readonly path: string; readonly message: string }[] = [],
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;

/** Set after sign-in or on reading the session; cleared on sign-out. */
export function rememberCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** For calls made outside apiFetch (the tus upload, which needs XHR for progress). */
export function rememberedCsrfToken(): string | null {
  return csrfToken;
}

interface Problem {
  readonly detail?: string;
  readonly title?: string;
  readonly code?: string;
  readonly errors?: { path: string; message: string }[];
}

export async function apiFetch(
  method: string,
  path: string,
  body?: unknown,
  accept = 'application/json',
): Promise<Response> {
  const headers: Record<string, string> = { accept };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (csrfToken !== null && method !== 'GET') headers['x-csrf-token'] = csrfToken;
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (body !== undefined) init.body = JSON.stringify(body);
  const response = await fetch(path, init);
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as Problem;
    throw new ApiError(
      response.status,
      problem.code ?? String(response.status),
      problem.detail ?? problem.title ?? response.statusText,
      problem.errors ?? [],
    );
  }
  return response;
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await apiFetch(method, path, body);
  return (response.status === 204 ? null : await response.json()) as T;
}

/** Query strings without empty filters, so the server's strict schema sees only real ones. */
export function withQuery(path: string, query: Readonly<Record<string, string | number | undefined>>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text === '' ? path : `${path}?${text}`;
}
