import {
  DomainError,
  can,
  passwordIssues,
  usernamePattern,
  type Permission,
  type Principal,
  type Role,
} from '@hanoi247/core';
import type { PasswordHasher } from '../auth/password-hasher.js';
import { apiTokenRepository } from '../repositories/api-token.repository.js';
import { auditRepository } from '../repositories/audit.repository.js';
import { sessionRepository } from '../repositories/session.repository.js';
import { totpEnrolmentRepository } from '../repositories/one-time-token.repository.js';
import { userRepository, type UserRecord } from '../repositories/user.repository.js';
import type { Tx } from '../db/database-schema.js';
import { auditEntryFor, type CallContext, type ServiceRuntime } from './service-runtime.js';
import type { SessionInvalidation } from './session-cache.js';

export interface NewUser {
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly password: string;
}

/** What may be shown about a user: never hashes or second-factor secrets. */
export interface UserView {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly status: 'active' | 'disabled';
  readonly totpEnrolled: boolean;
  readonly createdAt: string;
}

export function userView(user: UserRecord): UserView {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    status: user.status,
    totpEnrolled: user.totpSecret !== null,
    createdAt: user.createdAt,
  };
}

export function requirePermission(principal: Principal | null, permission: Permission): Principal {
  if (principal === null) throw new DomainError('auth/unauthenticated', 'sign in first');
  if (!can(principal, permission)) throw new DomainError('auth/forbidden', `this needs the ${permission} permission`);
  return principal;
}

export interface UserServiceDeps extends ServiceRuntime {
  readonly hasher: PasswordHasher;
  /** Told after every change that ends sessions, so this process stops serving them at once. */
  readonly sessions: SessionInvalidation;
}

export function createUserService(deps: UserServiceDeps) {
  const { db, clock, ids, hasher, sessions } = deps;

  async function validatedRecord(input: NewUser): Promise<UserRecord> {
    const username = input.username.trim().toLowerCase();
    if (!usernamePattern.test(username)) {
      throw new DomainError('request/validation-failed', 'the username is not acceptable', {
        issues: [
          { path: '/username', message: '3-64 characters: lower-case letters, digits, dot, dash or underscore' },
        ],
      });
    }
    const issues = passwordIssues(input.password, username);
    if (issues.length > 0) {
      throw new DomainError('user/weak-password', 'the password does not meet the policy', { issues });
    }
    const now = clock.now().toISOString();
    return {
      id: ids(),
      username,
      displayName: input.displayName.trim(),
      roles: [...new Set(input.roles)],
      passwordHash: await hasher.hash(input.password),
      totpSecret: null,
      totpLastStep: null,
      status: 'active',
      createdAt: now,
      updatedAt: now,
    };
  }

  /** Inside a caller's transaction: used by bootstrap as well as by administrators. */
  async function insertUser(tx: Tx, context: CallContext, record: UserRecord): Promise<void> {
    if (await userRepository.findByUsername(tx, record.username)) {
      throw new DomainError('user/username-taken', `the username ${record.username} is already taken`, {
        issues: [{ path: '/username', message: 'already taken' }],
      });
    }
    await userRepository.insert(tx, record);
    await auditRepository.append(
      tx,
      auditEntryFor(deps, context, {
        action: 'user.created',
        objectType: 'user',
        objectId: record.id,
        details: { username: record.username, roles: [...record.roles] },
      }),
    );
  }

  async function findTarget(tx: Tx, idOrUsername: string): Promise<UserRecord> {
    const user =
      (await userRepository.findById(tx, idOrUsername)) ?? (await userRepository.findByUsername(tx, idOrUsername));
    if (user === undefined) throw new DomainError('user/not-found', 'no such user');
    return user;
  }

  return {
    validatedRecord,
    insertUser,

    async createUser(context: CallContext, input: NewUser): Promise<UserView> {
      requirePermission(context.principal, 'users:manage');
      const record = await validatedRecord(input);
      await db.transaction().execute((tx) => insertUser(tx, context, record));
      return userView(record);
    },

    async listUsers(context: CallContext, purpose: string | null): Promise<UserView[]> {
      requirePermission(context.principal, 'users:read');
      return db.transaction().execute(async (tx) => {
        const users = await userRepository.list(tx);
        await auditRepository.append(
          tx,
          auditEntryFor(deps, context, {
            action: 'user.listed',
            objectType: 'user',
            objectId: null,
            purpose,
            details: { count: users.length },
          }),
        );
        return users.map(userView);
      });
    },

    /** Disabling also ends every session and token of the account at once. */
    async disableUser(context: CallContext, idOrUsername: string): Promise<UserView> {
      const actor = requirePermission(context.principal, 'users:manage');
      const view = await db.transaction().execute(async (tx) => {
        const user = await findTarget(tx, idOrUsername);
        if (user.id === actor.userId) {
          throw new DomainError('user/cannot-disable-self', 'an administrator cannot disable their own account');
        }
        if (user.roles.includes('administrator') && user.status === 'active') {
          if ((await userRepository.countActiveWithRole(tx, 'administrator')) <= 1) {
            throw new DomainError('user/last-administrator', 'the last active administrator cannot be disabled');
          }
        }
        const now = clock.now().toISOString();
        await userRepository.setStatus(tx, user.id, 'disabled', now);
        const sessions = await sessionRepository.revokeAllForUser(tx, user.id, now);
        await apiTokenRepository.revokeAllForUser(tx, user.id, now);
        await auditRepository.append(
          tx,
          auditEntryFor(deps, context, {
            action: 'user.disabled',
            objectType: 'user',
            objectId: user.id,
            details: { username: user.username, sessionsRevoked: sessions },
          }),
        );
        return userView({ ...user, status: 'disabled' });
      });
      // After the commit: a read that raced it cannot cache the old session again (ADR 0007).
      sessions.forgetUser(view.id);
      return view;
    },

    /** Clears the second factor; the user enrols a new one at next sign-in. */
    async resetTotp(context: CallContext, idOrUsername: string): Promise<UserView> {
      requirePermission(context.principal, 'users:manage');
      const view = await db.transaction().execute(async (tx) => {
        const user = await findTarget(tx, idOrUsername);
        const now = clock.now().toISOString();
        await userRepository.setTotp(tx, user.id, null, null, now);
        await sessionRepository.revokeAllForUser(tx, user.id, now);
        await totpEnrolmentRepository.consumeAllForUser(tx, user.id, now);
        await auditRepository.append(
          tx,
          auditEntryFor(deps, context, {
            action: 'user.totp-reset',
            objectType: 'user',
            objectId: user.id,
            details: { username: user.username },
          }),
        );
        return userView({ ...user, totpSecret: null });
      });
      sessions.forgetUser(view.id);
      return view;
    },
  };
}

export type UserService = ReturnType<typeof createUserService>;
