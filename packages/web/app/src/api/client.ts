/**
 * The API as the browser calls it: the contract's client, same origin, session cookie, CSRF header on unsafe methods.
 */
import { ApiProblem, createApiClient } from '@hanoi247/contract/client';

/** Every refused call is the contract's one problem type (status, stable code, field errors). */
export { ApiProblem as ApiError };

let csrfToken: string | null = null;

/** Set after sign-in or on reading the session; cleared on sign-out. */
export function rememberCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** For calls made outside the client (the tus upload, which needs XHR for progress). */
export function rememberedCsrfToken(): string | null {
  return csrfToken;
}

const client = createApiClient({ credentials: 'same-origin', csrfToken: () => csrfToken });

/** Calls an operation of the contract by its operationId, typed by the contract. */
export const call = client.call;

/** A raw answer (a download, a PDF); refusals throw ApiError. */
export async function apiFetch(
  method: string,
  path: string,
  body?: unknown,
  accept = 'application/json',
): Promise<Response> {
  return client.request(method, path, body, { accept });
}

/** A path the contract does not type yet; prefer `call`. */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await apiFetch(method, path, body);
  return (response.status === 204 ? null : await response.json()) as T;
}
