import { DomainError } from '@hanoi247/core';
import type { FastifyRequest } from 'fastify';
import { liveEventHeaders, liveEventsQuery } from '@hanoi247/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { hashSecret } from '../../auth/secret-token.js';
import type { ChangeFeed } from '../../live/change-feed.js';
import type { LiveEventsService, StreamCredential } from '../../services/live-events.service.js';
import { sessionCookieName } from '../authentication.js';
import { callContext } from '../call-context.js';
import { LiveStream } from '../live-stream.js';

export interface EventRoutesDeps {
  readonly live: LiveEventsService;
  readonly feed: ChangeFeed;
  readonly secureCookie: boolean;
  readonly maxStreamsPerUser?: number;
  readonly heartbeatMs?: number;
  readonly replayLimit?: number;
}

/** What the browser's EventSource waits before reconnecting after the stream drops. */
const retryMs = 2_000;

// Headers are never strict: every request carries others (cookie, host, accept).

/** The hash of the secret that authenticated this request, to re-check it while the stream is open. */
function credentialOf(request: FastifyRequest, secureCookie: boolean): StreamCredential {
  const principal = request.principal;
  if (principal?.via === 'api-token') {
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (token !== undefined) return { via: 'api-token', tokenHash: hashSecret(token) };
  }
  const cookie = request.cookies[sessionCookieName(secureCookie)];
  if (principal?.via === 'session' && cookie !== undefined) return { via: 'session', tokenHash: hashSecret(cookie) };
  throw new DomainError('auth/unauthenticated', 'the live stream needs a session or an API token');
}

export const eventRoutes =
  (deps: EventRoutesDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const maxPerUser = deps.maxStreamsPerUser ?? 5;
    const heartbeatMs = deps.heartbeatMs ?? 15_000;
    const replayLimit = deps.replayLimit ?? 500;
    const perUser = new Map<string, number>();
    const open = new Set<LiveStream>();

    // Before the server stops accepting: an open stream would keep app.close() waiting forever.
    app.addHook('preClose', async () => {
      for (const stream of [...open]) stream.end();
    });
    app.addHook('onClose', async () => deps.feed.close());

    app.get(
      '/api/v1/events',
      {
        // HEAD would audit a subscription that never streams.
        exposeHeadRoute: false,
        schema: {
          tags: ['requests'],
          summary: 'Live changes of the requests the caller may see (text/event-stream)',
          description:
            'Each change is an `event: request` whose `id` is the timeline seq and whose ' +
            'data is {requestId, reference, state, kind, action, seq}. ' +
            (`Send Last-Event-ID to replay up to ${replayLimit} missed events. A comment ` +
              `every ${heartbeatMs / 1000} s keeps the connection open; `) +
            'the stream ends when the session or token is no longer valid. At most ' +
            `${maxPerUser} streams per user (429 events/too-many-streams).`,
          headers: liveEventHeaders,
          querystring: liveEventsQuery,
        },
      },
      async (request, reply) => {
        const credential = credentialOf(request, deps.secureCookie);
        const principal = request.principal;
        if (principal === null) throw new DomainError('auth/unauthenticated', 'sign in first');
        const user = principal.userId ?? principal.username;
        const count = perUser.get(user) ?? 0;
        if (count >= maxPerUser) {
          throw new DomainError(
            'events/too-many-streams',
            `at most ${maxPerUser} live streams per user; close another tab or window`,
          );
        }
        perUser.set(user, count + 1);
        const stream = new LiveStream(principal);
        open.add(stream);
        stream.whenEnded(() => {
          open.delete(stream);
          const left = (perUser.get(user) ?? 1) - 1;
          if (left > 0) perUser.set(user, left);
          else perUser.delete(user);
        });
        const lastEventId = request.headers['last-event-id'];
        const resumeAfter = lastEventId === undefined ? null : Number(lastEventId);
        try {
          await deps.live.opened(callContext(request), resumeAfter);
          const unsubscribe = await deps.feed.subscribe(stream.receive);
          stream.whenEnded(unsubscribe);
          stream.write(`retry: ${retryMs}\n\n`);
          stream.finishReplay(resumeAfter === null ? [] : await deps.live.replay(principal, resumeAfter, replayLimit));
        } catch (error) {
          stream.end();
          throw error;
        }
        const heartbeat = setInterval(() => {
          stream.write(': heartbeat\n\n');
          deps.live.stillValid(credential).then(
            (valid) => {
              if (!valid) stream.end();
            },
            (error: unknown) => request.log.warn({ err: error }, 'could not re-check the credential of a live stream'),
          );
        }, heartbeatMs);
        heartbeat.unref();
        stream.whenEnded(() => clearInterval(heartbeat));
        reply.raw.on('close', () => stream.end());
        return reply
          .type('text/event-stream; charset=utf-8')
          .header('cache-control', 'no-cache')
          .header('x-accel-buffering', 'no')
          .send(stream.body);
      },
    );
  };
