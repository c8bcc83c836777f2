/** What the route table says of one operation. */

export type HttpMethod = 'GET' | 'HEAD' | 'OPTIONS' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Who may call: `session` is a signed-in user, by session cookie (with the CSRF header on unsafe
 * methods) or by API token (`Authorization: Bearer`); `none` is a public route (health, the ledger's
 * public proofs, the federation endpoints whose envelopes carry their own signatures, sign-in).
 */
export type RouteSecurity = 'session' | 'none';

export interface Route {
  readonly method: HttpMethod;
  /** Fastify's notation: `:name` for a path parameter. */
  readonly path: string;
  readonly tags: readonly string[];
  readonly security: RouteSecurity;
}
