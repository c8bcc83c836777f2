import { DomainError, can, type Permission, type Principal } from '@hanoi247/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { secretsEqual } from '../auth/secret-token.js';
import type { AuthService } from '../services/auth.service.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable without signing in. Everything else requires a principal. */
    public?: boolean;
    /** Function-level permission checked before the handler runs. */
    permission?: Permission;
  }
  interface FastifyRequest {
    principal: Principal | null;
    csrfToken: string | null;
  }
}

export interface SessionCookiePolicy {
  readonly secure: boolean;
  readonly absoluteTimeoutSeconds: number;
}

/** `__Host-` pins the cookie to this origin and path, but browsers only accept it when Secure. */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-h247_session' : 'h247_session';
}

export function setSessionCookie(reply: FastifyReply, policy: SessionCookiePolicy, token: string): void {
  reply.setCookie(sessionCookieName(policy.secure), token, {
    path: '/',
    httpOnly: true,
    secure: policy.secure,
    sameSite: 'strict',
    maxAge: policy.absoluteTimeoutSeconds,
  });
}

export function clearSessionCookie(reply: FastifyReply, policy: SessionCookiePolicy): void {
  reply.clearCookie(sessionCookieName(policy.secure), {
    path: '/',
    httpOnly: true,
    secure: policy.secure,
    sameSite: 'strict',
  });
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header === undefined) return null;
  const match = /^Bearer ([A-Za-z0-9_-]{10,200})$/.exec(header);
  if (match?.[1] === undefined) {
    throw new DomainError('auth/unauthenticated', 'the Authorization header must be "Bearer <token>"');
  }
  return match[1];
}

async function identify(request: FastifyRequest, auth: AuthService, cookieName: string): Promise<void> {
  const token = bearerToken(request);
  if (token !== null) {
    request.principal = await auth.authenticateApiToken(token);
    return;
  }
  const sessionToken = request.cookies[cookieName];
  if (sessionToken === undefined || sessionToken === '') return;
  const { principal, session } = await auth.authenticateSession(sessionToken);
  request.principal = principal;
  request.csrfToken = session.csrfToken;
  // Cookies ride along on cross-site requests; the synchronizer token proves the caller read our page.
  if (!safeMethods.has(request.method)) {
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !secretsEqual(sent, session.csrfToken)) {
      throw new DomainError(
        'auth/csrf-token-invalid',
        'missing or wrong X-CSRF-Token header for a cookie-authenticated change',
      );
    }
  }
}

/**
 * Secure by default: a route is authenticated unless its config says `public: true`.
 * Runs on onRequest, before the body is parsed, so anonymous callers cost little.
 */
export function registerAuthentication(
  app: FastifyInstance,
  auth: AuthService,
  cookiePolicy: SessionCookiePolicy,
): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('csrfToken', null);
  const cookieName = sessionCookieName(cookiePolicy.secure);
  app.addHook('onRequest', async (request) => {
    // Read once: Fastify builds a new routeOptions object on every access.
    const { config, url } = request.routeOptions;
    const isPublic = config.public === true || url === undefined;
    try {
      await identify(request, auth, cookieName);
    } catch (error) {
      if (!isPublic) throw error;
    }
    if (isPublic) return;
    if (request.principal === null) throw new DomainError('auth/unauthenticated', 'sign in or send an API token');
    if (config.permission !== undefined && !can(request.principal, config.permission)) {
      throw new DomainError('auth/forbidden', `this needs the ${config.permission} permission`);
    }
  });
}
