import {
  ApiProblem,
  createApiClient,
  pathOf,
  routes,
  withQuery,
  type ApiClient,
  type CallInput,
  type CallOutput,
  type OperationId,
} from '@hanoi247/contract/client';
import { CliError } from './cli-error.js';

export interface ApiTarget {
  readonly url: string;
  readonly token: string;
}

/** The contract's client for a node, with a bearer token and a timeout; an unreachable node is exit 1. */
function clientFor(target: ApiTarget, timeoutMs: number): ApiClient {
  return createApiClient({
    baseUrl: new URL(target.url).origin,
    bearerToken: () => target.token,
    fetch: async (input, init) => {
      try {
        return await fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new CliError(`cannot reach ${target.url}: ${reason}`, 1);
      }
    },
  });
}

/** Problem details as a message an operator can act on: exit 2 for refused input, 1 otherwise. */
function operatorError(error: unknown): unknown {
  if (!(error instanceof ApiProblem)) return error;
  const issues = error.fieldErrors.map((e) => `\n  - ${e.path}: ${e.message}`).join('');
  return new CliError(`${error.message} (${error.code})${issues}`, error.status < 500 ? 2 : 1);
}

/**
 * The CLI's one way to talk to a node: an operation of the contract by its operationId, bearer
 * token, JSON in and out (an empty answer is null).
 */
export async function callOperation<K extends OperationId>(
  target: ApiTarget,
  operation: K,
  input: Pick<CallInput<K>, 'params' | 'query' | 'body'> = {},
): Promise<CallOutput<K>> {
  const route = routes[operation];
  const { params, query, body } = input as {
    params?: Record<string, string>;
    query?: Record<string, string | number | undefined>;
    body?: unknown;
  };
  try {
    const response = await clientFor(target, 30_000).request(
      route.method,
      withQuery(pathOf(route.path, params), query),
      body,
    );
    const text = await response.text();
    return (text === '' ? null : JSON.parse(text)) as CallOutput<K>;
  } catch (error) {
    throw operatorError(error);
  }
}

export async function downloadApi(target: ApiTarget, path: string): Promise<Buffer> {
  try {
    const response = await clientFor(target, 60_000).request('GET', path, undefined, { accept: '*/*' });
    return Buffer.from(await response.arrayBuffer());
  } catch (error) {
    if (!(error instanceof ApiProblem)) throw error;
    throw new CliError(`download failed: ${error.status} ${error.message}`, error.status < 500 ? 2 : 1);
  }
}

export function apiTarget(options: { url?: string; token?: string }, env: NodeJS.ProcessEnv): ApiTarget {
  const token = options.token ?? env['HANOI247_TOKEN'];
  if (token === undefined || token === '') {
    throw new CliError(
      'set HANOI247_TOKEN to an API token with the requests scopes (POST /api/v1/tokens), or pass --token',
    );
  }
  const url = options.url ?? env['HANOI247_URL'] ?? 'http://127.0.0.1:8247';
  if (!/^https?:\/\//.test(url)) throw new CliError(`--url must be an http(s) URL, not ${url}`);
  return { url, token };
}
