import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AuthService, SignInResult } from '../../services/auth.service.js';
import type { BootstrapService } from '../../services/bootstrap.service.js';
import { clearSessionCookie, setSessionCookie, type SessionCookiePolicy } from '../authentication.js';
import {
  userViewSchema,
  withProblems,
  bootstrapBody,
  enrolBody,
  loginBody,
  sessionSchema,
  signedInSchema,
  loginAnswerSchema,
  noContentSchema,
} from '@hanoi247/contract';
import { callContext } from '../call-context.js';
import { rateLimitedError } from '../error-handler.js';

export interface AuthRouteDeps {
  readonly auth: AuthService;
  readonly bootstrap: BootstrapService;
  readonly cookiePolicy: SessionCookiePolicy;
  readonly login: { readonly maxAttemptsPerWindow: number; readonly windowSeconds: number };
}

export const authRoutes =
  (deps: AuthRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const limit = (keyOf: (request: { ip: string; body: unknown }) => string) => ({
      max: deps.login.maxAttemptsPerWindow,
      timeWindow: deps.login.windowSeconds * 1000,
      hook: 'preHandler' as const,
      keyGenerator: keyOf,
      errorResponseBuilder: (_request: unknown, context: { ttl: number }) =>
        rateLimitedError(Math.ceil(context.ttl / 1000)),
    });
    // Keyed by client address and username: an attacker elsewhere cannot lock a real officer out.
    const perAddressAndUser = limit((request) => {
      const username = (request.body as { username?: unknown } | undefined)?.username;
      return `${request.ip}|${typeof username === 'string' ? username.trim().toLowerCase() : ''}`;
    });
    const perAddress = limit((request) => request.ip);

    const answer = (reply: Parameters<typeof setSessionCookie>[0], result: SignInResult) => {
      if (result.status === 'totp-enrolment-required') return reply.status(200).send(result);
      setSessionCookie(reply, deps.cookiePolicy, result.sessionToken);
      const { sessionToken: _secret, ...visible } = result;
      return reply.status(200).send(visible);
    };

    app.post(
      '/api/v1/auth/login',
      {
        config: { public: true, rateLimit: perAddressAndUser },
        schema: {
          tags: ['auth'],
          summary: 'Sign in with password and TOTP code',
          description: 'Answers totp-enrolment-required the first time, until a second factor is confirmed.',
          body: loginBody,
          response: withProblems({ 200: loginAnswerSchema }),
        },
      },
      async (request, reply) => answer(reply, await deps.auth.signIn(callContext(request), request.body)),
    );

    app.post(
      '/api/v1/auth/totp/enrol',
      {
        config: { public: true, rateLimit: perAddress },
        schema: {
          tags: ['auth'],
          summary: 'Confirm a new TOTP second factor and sign in',
          body: enrolBody,
          response: withProblems({ 200: signedInSchema }),
        },
      },
      async (request, reply) =>
        answer(
          reply,
          await deps.auth.confirmTotpEnrolment(
            callContext(request),
            request.body.enrolmentToken,
            request.body.totpCode,
          ),
        ),
    );

    app.get(
      '/api/v1/auth/session',
      {
        schema: {
          tags: ['auth'],
          summary: 'Who am I; returns the CSRF token for this session',
          response: withProblems({ 200: sessionSchema }),
        },
      },
      async (request) => {
        const principal = request.principal;
        if (principal === null) throw new Error('authentication hook did not run');
        return {
          user: { id: principal.userId, username: principal.username, roles: [...principal.roles] },
          permissions: [...principal.permissions],
          via: principal.via,
          csrfToken: request.csrfToken,
        };
      },
    );

    app.post(
      '/api/v1/auth/logout',
      { schema: { tags: ['auth'], summary: 'End this session', response: withProblems({ 204: noContentSchema }) } },
      async (request, reply) => {
        await deps.auth.signOut(callContext(request));
        clearSessionCookie(reply, deps.cookiePolicy);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/v1/bootstrap',
      {
        config: { public: true, rateLimit: perAddress },
        schema: {
          tags: ['auth'],
          summary: 'Create the first administrator with the one-time token printed at first start',
          body: bootstrapBody,
          response: withProblems({ 201: userViewSchema }),
        },
      },
      async (request, reply) =>
        reply.status(201).send(await deps.bootstrap.createFirstAdministrator(callContext(request), request.body)),
    );
  };
