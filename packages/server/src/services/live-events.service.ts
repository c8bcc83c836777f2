import { DomainError, type Principal } from '@hanoi247/core';
import { auditRepository } from '../repositories/audit.repository.js';
import { apiTokenRepository } from '../repositories/api-token.repository.js';
import { liveEventRepository, type LiveEvent } from '../repositories/live-event.repository.js';
import { sessionRepository } from '../repositories/session.repository.js';
import { userRepository } from '../repositories/user.repository.js';
import { canSee } from './request-view.js';
import { auditEntryFor, type CallContext, type ServiceRuntime } from './service-runtime.js';

/** How a stream was authenticated, kept as a hash so an open stream holds no secret. */
export interface StreamCredential {
  readonly via: 'session' | 'api-token';
  readonly tokenHash: string;
}

/** The same rule as `GET /api/v1/requests/:id`: an event names only a request the caller may see. */
export function visibleTo(principal: Principal, event: Pick<LiveEvent, 'type'>): boolean {
  return canSee(principal, event);
}

/** The read side of the live stream: who may open it, what it replays, whether it may go on. */
export function createLiveEventsService(deps: ServiceRuntime) {
  const { db, clock } = deps;
  return {
    /** Audited like other reads: the stream shows which requests move, as long as it is open. */
    async opened(context: CallContext, resumeAfter: number | null): Promise<Principal> {
      const principal = context.principal;
      if (principal === null) throw new DomainError('auth/unauthenticated', 'sign in first');
      await db.transaction().execute(async (tx) => {
        const details = resumeAfter === null ? {} : { resumeAfter };
        await auditRepository.append(
          tx,
          auditEntryFor(deps, context, {
            action: 'events.subscribed',
            objectType: 'event-stream',
            objectId: null,
            details,
          }),
        );
      });
      return principal;
    },

    /** Visible events after `seq` (the client's Last-Event-ID), at most the newest `limit`. */
    async replay(principal: Principal, seq: number, limit: number): Promise<LiveEvent[]> {
      const events = await liveEventRepository.newestAfter(db, seq, limit);
      return events.filter((event) => visibleTo(principal, event));
    },

    /**
     * Whether the credential that opened the stream still holds. Read without touching the
     * session, so an open stream alone does not keep an idle session alive.
     */
    async stillValid(credential: StreamCredential): Promise<boolean> {
      const now = clock.now().toISOString();
      if (credential.via === 'session') {
        const found = await sessionRepository.findWithUserByTokenHash(db, credential.tokenHash);
        if (found === undefined) return false;
        const { session, user } = found;
        return (
          session.revokedAt === null &&
          now < session.idleExpiresAt &&
          now < session.absoluteExpiresAt &&
          user.status === 'active'
        );
      }
      const token = await apiTokenRepository.findByTokenHash(db, credential.tokenHash);
      if (token === undefined || token.revokedAt !== null || token.expiresAt <= now) return false;
      const user = await userRepository.findById(db, token.userId);
      return user !== undefined && user.status === 'active';
    },
  };
}

export type LiveEventsService = ReturnType<typeof createLiveEventsService>;
