import { DomainError, userPrincipal, type Principal } from '@hanoi247/core';
import type { PasswordHasher } from '../auth/password-hasher.js';
import { hashSecret, newSecret } from '../auth/secret-token.js';
import { checkTotp, newTotpSecret, totpUri } from '../auth/totp.js';
import type { TotpSecretBinding } from '../auth/totp-secret-box.js';
import type { Tx } from '../db/database-schema.js';
import { apiTokenRepository } from '../repositories/api-token.repository.js';
import { auditRepository } from '../repositories/audit.repository.js';
import { totpEnrolmentRepository } from '../repositories/one-time-token.repository.js';
import { sessionRepository, type SessionRecord } from '../repositories/session.repository.js';
import { userRepository, type UserRecord } from '../repositories/user.repository.js';
import { auditEntryFor, isoAfter, type CallContext, type ServiceRuntime } from './service-runtime.js';
import type { SessionCache } from './session-cache.js';
import type { TotpSecrets } from './totp-secrets.js';
import { userView, type UserView } from './user.service.js';

export interface SessionPolicy {
  readonly idleTimeoutSeconds: number;
  readonly absoluteTimeoutSeconds: number;
}

export interface AuthServiceDeps extends ServiceRuntime {
  readonly hasher: PasswordHasher;
  readonly sessionPolicy: SessionPolicy;
  /** Shared with every service that ends sessions or changes accounts (ADR 0007). */
  readonly sessionCache: SessionCache<CachedSession>;
  readonly totpSecrets: TotpSecrets;
}

export interface Credentials {
  readonly username: string;
  readonly password: string;
  readonly totpCode?: string | undefined;
}

export type SignInResult =
  | {
      readonly status: 'signed-in';
      readonly sessionToken: string;
      readonly csrfToken: string;
      readonly user: UserView;
      readonly expiresAt: string;
    }
  | {
      readonly status: 'totp-enrolment-required';
      readonly enrolmentToken: string;
      readonly secret: string;
      readonly otpauthUri: string;
      readonly expiresAt: string;
    };

export interface AuthenticatedSession {
  readonly principal: Principal;
  readonly session: SessionRecord;
}

/** Idle-expiry updates are coalesced: a write per request would cost an fsync per read. */
const touchGranularityMs = 60_000;
const enrolmentLifetimeSeconds = 10 * 60;
const invalidCredentials = (): DomainError =>
  new DomainError('auth/invalid-credentials', 'the username, password or one-time code is not valid');

/** A session the cache may hand out, and until when it may without asking the database. */
export interface CachedSession {
  readonly authenticated: AuthenticatedSession;
  /** The first moment the session expires or needs a touch; from then on the rows are read again. */
  readonly reuseUntilMs: number;
}

/** ISO-8601 UTC strings compare in time order (ADR 0002). */
function isLive(session: SessionRecord, nowIso: string): boolean {
  return nowIso < session.idleExpiresAt && nowIso < session.absoluteExpiresAt;
}

function touchDue(session: SessionRecord, now: Date): boolean {
  return now.getTime() - Date.parse(session.lastSeenAt) >= touchGranularityMs;
}

function reuseUntil(session: SessionRecord): number {
  return Math.min(
    Date.parse(session.idleExpiresAt),
    Date.parse(session.absoluteExpiresAt),
    Date.parse(session.lastSeenAt) + touchGranularityMs,
  );
}

export function createAuthService(deps: AuthServiceDeps) {
  const { db, clock, ids, hasher, sessionPolicy, sessionCache, totpSecrets } = deps;

  async function recordFailure(
    context: CallContext,
    username: string,
    reason: string,
    user?: { readonly id: string },
  ): Promise<void> {
    await auditRepository.append(
      db,
      auditEntryFor(deps, context, {
        action: 'auth.login-failed',
        objectType: 'user',
        objectId: user?.id ?? null,
        outcome: 'denied',
        actorName: username.slice(0, 64),
        details: { reason },
      }),
    );
  }

  async function openSession(tx: Tx, context: CallContext, user: UserRecord): Promise<SignInResult> {
    const sessionToken = newSecret('h247s');
    const now = clock.now().toISOString();
    const session: SessionRecord = {
      id: ids(),
      userId: user.id,
      csrfToken: newSecret('csrf'),
      createdAt: now,
      lastSeenAt: now,
      idleExpiresAt: isoAfter(clock, sessionPolicy.idleTimeoutSeconds),
      absoluteExpiresAt: isoAfter(clock, sessionPolicy.absoluteTimeoutSeconds),
      revokedAt: null,
    };
    await sessionRepository.insert(tx, session, hashSecret(sessionToken));
    const principal = userPrincipal(user, 'session');
    await auditRepository.append(
      tx,
      auditEntryFor(
        deps,
        { ...context, principal },
        { action: 'auth.login-succeeded', objectType: 'session', objectId: session.id },
      ),
    );
    return {
      status: 'signed-in',
      sessionToken,
      csrfToken: session.csrfToken,
      user: userView(user),
      expiresAt: session.absoluteExpiresAt,
    };
  }

  /**
   * Opens a stored secret where a code is to be checked. A secret that does not open (altered,
   * moved from another row, key file replaced or missing) refuses the sign-in like a wrong code;
   * only the audit log says why.
   */
  async function openSecret(
    context: CallContext,
    stored: string,
    binding: TotpSecretBinding,
    userId: string,
    username?: string,
  ): Promise<string> {
    const box = await totpSecrets.opener();
    const secret = box?.open(stored, binding) ?? null;
    if (secret !== null) return secret;
    const name = username ?? (await userRepository.findById(db, userId))?.username ?? 'unknown';
    await recordFailure(context, name, box === null ? 'totp-key-missing' : 'totp-secret-unreadable', { id: userId });
    throw invalidCredentials();
  }

  async function startEnrolment(context: CallContext, user: UserRecord): Promise<SignInResult> {
    const enrolmentToken = newSecret('h247e');
    const secret = newTotpSecret();
    const expiresAt = isoAfter(clock, enrolmentLifetimeSeconds);
    const box = await totpSecrets.sealer();
    const id = ids();
    await db.transaction().execute(async (tx) => {
      await totpEnrolmentRepository.consumeAllForUser(tx, user.id, clock.now().toISOString());
      await totpEnrolmentRepository.insert(
        tx,
        {
          id,
          userId: user.id,
          secret: box.seal(secret, { table: 'totp_enrolments', enrolmentId: id }),
          createdAt: clock.now().toISOString(),
          expiresAt,
          consumedAt: null,
        },
        hashSecret(enrolmentToken),
      );
      await auditRepository.append(
        tx,
        auditEntryFor(deps, context, {
          action: 'auth.totp-enrolment-started',
          objectType: 'user',
          objectId: user.id,
          actorName: user.username,
        }),
      );
    });
    return {
      status: 'totp-enrolment-required',
      enrolmentToken,
      secret,
      otpauthUri: totpUri(secret, user.username),
      expiresAt,
    };
  }

  return {
    /** Same answer and the same argon2 work for unknown users, disabled users and wrong passwords. */
    async signIn(context: CallContext, credentials: Credentials): Promise<SignInResult> {
      const username = credentials.username.trim().toLowerCase();
      const user = await userRepository.findByUsername(db, username);
      if (user === undefined || user.status !== 'active') {
        await hasher.burn(credentials.password);
        await recordFailure(context, username, user === undefined ? 'unknown-user' : 'account-disabled', user);
        throw invalidCredentials();
      }
      if (!(await hasher.verify(user.passwordHash, credentials.password))) {
        await recordFailure(context, username, 'wrong-password', user);
        throw invalidCredentials();
      }
      if (user.totpSecret === null) return startEnrolment(context, user);
      if (credentials.totpCode === undefined || credentials.totpCode === '') {
        throw new DomainError('auth/totp-required', 'enter the 6-digit code from your authenticator app');
      }
      const secret = await openSecret(context, user.totpSecret, { table: 'users', userId: user.id }, user.id, username);
      const check = checkTotp(secret, credentials.totpCode, clock.now());
      if (check === null) {
        await recordFailure(context, username, 'wrong-totp', user);
        throw invalidCredentials();
      }
      return db.transaction().execute(async (tx) => {
        if (!(await userRepository.advanceTotpStep(tx, user.id, check.step))) {
          throw invalidCredentials();
        }
        return openSession(tx, context, user);
      });
    },

    async confirmTotpEnrolment(context: CallContext, enrolmentToken: string, code: string): Promise<SignInResult> {
      const enrolment = await totpEnrolmentRepository.findByTokenHash(db, hashSecret(enrolmentToken));
      const now = clock.now();
      if (enrolment === undefined || enrolment.consumedAt !== null || enrolment.expiresAt <= now.toISOString()) {
        throw new DomainError(
          'auth/enrolment-invalid',
          'this enrolment has expired or was already used; sign in again',
        );
      }
      const secret = await openSecret(
        context,
        enrolment.secret,
        { table: 'totp_enrolments', enrolmentId: enrolment.id },
        enrolment.userId,
      );
      const check = checkTotp(secret, code, now);
      if (check === null) {
        throw new DomainError('auth/invalid-credentials', 'the one-time code is not valid; check the phone clock');
      }
      const box = await totpSecrets.sealer();
      return db.transaction().execute(async (tx) => {
        const user = await userRepository.findById(tx, enrolment.userId);
        if (
          user === undefined ||
          user.status !== 'active' ||
          !(await totpEnrolmentRepository.consume(tx, enrolment.id, now.toISOString()))
        ) {
          throw new DomainError(
            'auth/enrolment-invalid',
            'this enrolment has expired or was already used; sign in again',
          );
        }
        const sealed = box.seal(secret, { table: 'users', userId: user.id });
        await userRepository.setTotp(tx, user.id, sealed, check.step, now.toISOString());
        await auditRepository.append(
          tx,
          auditEntryFor(deps, context, {
            action: 'auth.totp-enrolled',
            objectType: 'user',
            objectId: user.id,
            actorName: user.username,
          }),
        );
        return openSession(tx, context, { ...user, totpSecret: sealed });
      });
    },

    async authenticateSession(sessionToken: string): Promise<AuthenticatedSession> {
      const tokenHash = hashSecret(sessionToken);
      const now = clock.now();
      // The cache only confirms a session that is live and needs no write; expiry, a due
      // touch and a miss are all decided on fresh rows, so only revocation can be stale.
      const cached = sessionCache.get(tokenHash);
      if (cached !== undefined && now.getTime() < cached.reuseUntilMs) return cached.authenticated;
      const nowIso = now.toISOString();
      const ticket = sessionCache.ticket();
      // One query for both: this runs on every cookie-authenticated request.
      const found = await sessionRepository.findWithUserByTokenHash(db, tokenHash);
      if (found === undefined || found.session.revokedAt !== null) {
        throw new DomainError('auth/unauthenticated', 'sign in first');
      }
      const { user } = found;
      let { session } = found;
      if (!isLive(session, nowIso)) {
        throw new DomainError('auth/session-expired', 'the session has expired; sign in again');
      }
      if (user.status !== 'active') throw new DomainError('auth/unauthenticated', 'sign in first');
      if (touchDue(session, now)) {
        const idle = isoAfter(clock, sessionPolicy.idleTimeoutSeconds);
        const idleExpiresAt = idle < session.absoluteExpiresAt ? idle : session.absoluteExpiresAt;
        await sessionRepository.touch(db, session.id, nowIso, idleExpiresAt);
        session = { ...session, lastSeenAt: nowIso, idleExpiresAt };
      }
      const authenticated: AuthenticatedSession = {
        principal: { ...userPrincipal(user, 'session'), sessionId: session.id },
        session,
      };
      sessionCache.set(
        tokenHash,
        { authenticated, reuseUntilMs: reuseUntil(session) },
        { sessionId: session.id, userId: user.id },
        ticket,
      );
      return authenticated;
    },

    async authenticateApiToken(token: string): Promise<Principal> {
      const record = await apiTokenRepository.findByTokenHash(db, hashSecret(token));
      const now = clock.now();
      if (record === undefined || record.revokedAt !== null || record.expiresAt <= now.toISOString()) {
        throw new DomainError('auth/unauthenticated', 'the API token is not valid');
      }
      const user = await userRepository.findById(db, record.userId);
      if (user === undefined || user.status !== 'active') {
        throw new DomainError('auth/unauthenticated', 'the API token is not valid');
      }
      if (record.lastUsedAt === null || now.getTime() - Date.parse(record.lastUsedAt) >= touchGranularityMs) {
        await apiTokenRepository.markUsed(db, record.id, now.toISOString());
      }
      return { ...userPrincipal(user, 'api-token', record.scopes), tokenId: record.id };
    },

    async signOut(context: CallContext): Promise<void> {
      const sessionId = context.principal?.sessionId;
      if (sessionId === undefined) return;
      try {
        await db.transaction().execute(async (tx) => {
          await sessionRepository.revoke(tx, sessionId, clock.now().toISOString());
          await auditRepository.append(
            tx,
            auditEntryFor(deps, context, { action: 'auth.logged-out', objectType: 'session', objectId: sessionId }),
          );
        });
      } finally {
        // After the commit, so a concurrent read cannot cache the session again (the ticket refuses it).
        sessionCache.forgetSession(sessionId);
      }
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
