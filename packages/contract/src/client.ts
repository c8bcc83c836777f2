/**
 * The one HTTP client of the node's API, for the web app, the CLI and the tests: calls by
 * operationId from the route table, typed by the contract, errors as one ApiProblem. It imports no
 * schema at run time, so the browser bundles only the table and this file.
 */
import type { OperationTypes } from './operation-types.js';
import { ApiProblem } from './problem.js';
import { routes, type OperationId } from './routes.js';

export { ApiProblem, type FieldError } from './problem.js';
export { routes, operationOf, type OperationId } from './routes.js';
export type * from './views.js';

type QueryValue = string | number | boolean | undefined;

/** `:name` segments of a path in Fastify's notation, as the params a call must give. */
type PathParams<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? { readonly [K in Name | keyof PathParams<Rest>]: string }
  : P extends `${string}:${infer Name}`
    ? { readonly [K in Name]: string }
    : Record<never, never>;

type Known<K> = K extends keyof OperationTypes ? OperationTypes[K] : { body?: unknown; query?: unknown };
type Field<K, F extends string> = F extends keyof Known<K> ? Known<K>[F] : never;

/** What a call of operation K takes: its path parameters, and its body and query where it has them. */
export type CallInput<K extends OperationId> = (keyof PathParams<(typeof routes)[K]['path']> extends never
  ? { readonly params?: undefined }
  : { readonly params: PathParams<(typeof routes)[K]['path']> }) &
  ([Field<K, 'body'>] extends [never] ? { readonly body?: undefined } : { readonly body?: Field<K, 'body'> }) &
  ([Field<K, 'query'>] extends [never] ? { readonly query?: undefined } : { readonly query?: Field<K, 'query'> }) & {
    readonly headers?: Readonly<Record<string, string>>;
  };

/** What operation K answers: its schema's output, or unknown for one the contract does not type yet. */
export type CallOutput<K extends OperationId> = K extends keyof OperationTypes
  ? OperationTypes[K]['response']
  : unknown;

export interface ApiClientOptions {
  /** Where the node is; empty for the browser's own origin. */
  readonly baseUrl?: string;
  /** The fetch to use (a test's stub); the global one, looked up at each call, by default. */
  readonly fetch?: (input: string, init: RequestInit) => Promise<Response>;
  /** An API token, sent as `Authorization: Bearer` (the CLI, scripts, tests). */
  readonly bearerToken?: () => string | null;
  /** The session's CSRF token, sent as `x-csrf-token` on every unsafe method (the browser). */
  readonly csrfToken?: () => string | null;
  readonly credentials?: RequestInit['credentials'];
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A path with its `:name` parameters filled in, each encoded as one segment. */
export function pathOf(path: string, params: Readonly<Record<string, string>> = {}): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`the path ${path} needs its ${name} parameter`);
    return encodeURIComponent(value);
  });
}

/** A query string without empty filters, so the server's strict schema sees only real ones. */
export function withQuery(path: string, query: Readonly<Record<string, QueryValue>> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text === '' ? path : `${path}?${text}`;
}

export function createApiClient(options: ApiClientOptions = {}) {
  const send = options.fetch ?? ((input: string, init: RequestInit) => globalThis.fetch(input, init));

  /** Any method and path (a download, an operation the table gains later); refused answers throw ApiProblem. */
  async function request(
    method: string,
    path: string,
    body?: unknown,
    extra: {
      readonly accept?: string;
      readonly headers?: Readonly<Record<string, string>>;
      /** Ends the call, or a stream it answered (the live events). */
      readonly signal?: AbortSignal;
    } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = { accept: extra.accept ?? 'application/json', ...extra.headers };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const bearer = options.bearerToken?.() ?? null;
    if (bearer !== null) headers['authorization'] = `Bearer ${bearer}`;
    const csrf = options.csrfToken?.() ?? null;
    if (csrf !== null && !safeMethods.has(method.toUpperCase())) headers['x-csrf-token'] = csrf;
    const init: RequestInit = { method, headers };
    if (options.credentials !== undefined) init.credentials = options.credentials;
    if (extra.signal !== undefined) init.signal = extra.signal;
    if (body !== undefined) init.body = JSON.stringify(body);
    const response = await send(`${options.baseUrl ?? ''}${path}`, init);
    if (!response.ok) throw await ApiProblem.fromResponse(response);
    return response;
  }

  /** Calls an operation of the route table by its operationId; 204 answers undefined. */
  async function call<K extends OperationId>(operation: K, ...[input]: OptionalIfEmpty<CallInput<K>>) {
    const route = routes[operation];
    const given = (input ?? {}) as {
      params?: Record<string, string>;
      query?: Record<string, QueryValue>;
      body?: unknown;
      headers?: Record<string, string>;
    };
    const path = withQuery(pathOf(route.path, given.params), given.query);
    const response = await request(route.method, path, given.body, given.headers ? { headers: given.headers } : {});
    return (response.status === 204 ? undefined : await response.json()) as CallOutput<K>;
  }

  return { call, request };
}

/** The input argument may be left out when the operation needs no path parameter. */
type OptionalIfEmpty<I> = I extends { readonly params: object } ? [input: I] : [input?: I];

export type ApiClient = ReturnType<typeof createApiClient>;
