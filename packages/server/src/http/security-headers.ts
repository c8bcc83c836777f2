import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * The headers helmet sets, computed once. With a configuration that has no per-request
 * parts (no CSP nonces, no directive functions), helmet's answer never changes, yet
 * `@fastify/helmet` rebuilds the whole middleware chain and re-parses the CSP on every
 * request: that was a sizeable share of an authenticated read.
 */
export function securityHeaders(options: Readonly<HelmetOptions> = {}): Readonly<Record<string, string>> {
  const csp = options.contentSecurityPolicy;
  const directives = typeof csp === 'object' ? Object.values(csp.directives ?? {}) : [];
  if (
    directives.some(
      (value) =>
        typeof value === 'function' || (Array.isArray(value) && value.some((part) => typeof part === 'function')),
    )
  ) {
    throw new Error('per-request CSP directives cannot be precomputed');
  }
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: number | string | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  let failure: unknown = null;
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    if (error !== undefined && error !== null) failure = error;
  });
  if (failure !== null) {
    throw failure instanceof Error ? failure : new Error(`helmet failed: ${JSON.stringify(failure) ?? typeof failure}`);
  }
  if (Object.keys(headers).length === 0) {
    throw new Error('helmet set no headers: the security header recorder is out of date');
  }
  return Object.freeze(headers);
}

/**
 * Helmet's default headers on every answer, errors and 404s included. They go through
 * `reply.header`, so a route can still replace one (the API docs send their own CSP). The same
 * record goes to the answers given before any hook runs (edge-answers.ts).
 */
export function registerSecurityHeaders(
  app: FastifyInstance,
  headers: Readonly<Record<string, string>> = securityHeaders(),
): void {
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}
