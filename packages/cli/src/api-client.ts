import { CliError } from './cli-error.js';

export interface ApiTarget {
  readonly url: string;
  readonly token: string;
}

interface Problem {
  readonly code?: string;
  readonly detail?: string;
  readonly errors?: readonly { readonly path: string; readonly message: string }[];
}

/**
 * The CLI's one way to talk to a node: bearer token, JSON in and out, problem details
 * turned into messages an operator can act on (exit 2 for refused input, 1 otherwise).
 */
export async function callApi<T>(target: ApiTarget, method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(new URL(path, target.url), {
      method,
      headers: {
        authorization: `Bearer ${target.token}`,
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    throw new CliError(`cannot reach ${target.url}: ${error instanceof Error ? error.message : String(error)}`, 1);
  }
  const text = await response.text();
  const parsed: unknown = text === '' ? null : JSON.parse(text);
  if (!response.ok) {
    const problem = (parsed ?? {}) as Problem;
    const issues = (problem.errors ?? []).map((e) => `\n  - ${e.path}: ${e.message}`).join('');
    throw new CliError(
      `${problem.detail ?? response.statusText} (${problem.code ?? response.status})${issues}`,
      response.status < 500 ? 2 : 1,
    );
  }
  return parsed as T;
}

export async function downloadApi(target: ApiTarget, path: string): Promise<Buffer> {
  const response = await fetch(new URL(path, target.url), {
    headers: { authorization: `Bearer ${target.token}` },
    signal: AbortSignal.timeout(60_000),
  });
  if (!response.ok) {
    throw new CliError(`download failed: ${response.status} ${response.statusText}`, response.status < 500 ? 2 : 1);
  }
  return Buffer.from(await response.arrayBuffer());
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
