import { DomainError, secondsPerDay } from '@hanoi247/core';
import { hashSecret, newSecret } from '../auth/secret-token.js';
import { auditRepository } from '../repositories/audit.repository.js';
import { bootstrapTokenRepository } from '../repositories/one-time-token.repository.js';
import { userRepository } from '../repositories/user.repository.js';
import { auditEntryFor, isoAfter, type CallContext, type ServiceRuntime } from './service-runtime.js';
import type { UserService, UserView } from './user.service.js';
import { userView } from './user.service.js';

const bootstrapLifetimeSeconds = secondsPerDay;

export interface BootstrapInput {
  readonly token: string;
  readonly username: string;
  readonly displayName: string;
  readonly password: string;
}

/**
 * There are no default accounts. While a node has no user, each start issues a fresh
 * one-time token (older ones die) that lets exactly one caller create the first administrator.
 */
export function createBootstrapService(deps: ServiceRuntime, users: UserService) {
  const { db, clock, ids } = deps;
  const system: CallContext = { principal: null, requestId: null };

  return {
    async issueTokenIfUnclaimed(): Promise<{ token: string; expiresAt: string } | null> {
      return db.transaction().execute(async (tx) => {
        if ((await userRepository.count(tx)) > 0) return null;
        const now = clock.now().toISOString();
        await bootstrapTokenRepository.consumeAll(tx, now);
        const token = newSecret('h247b');
        const id = ids();
        const expiresAt = isoAfter(clock, bootstrapLifetimeSeconds);
        await bootstrapTokenRepository.insert(
          tx,
          { id, createdAt: now, expiresAt, consumedAt: null },
          hashSecret(token),
        );
        await auditRepository.append(
          tx,
          auditEntryFor(deps, system, {
            action: 'node.bootstrap-token-issued',
            objectType: 'bootstrap-token',
            objectId: id,
            actorName: 'node',
            details: { expiresAt },
          }),
        );
        return { token, expiresAt };
      });
    },

    async createFirstAdministrator(context: CallContext, input: BootstrapInput): Promise<UserView> {
      const record = await users.validatedRecord({ ...input, roles: ['administrator'] });
      return db.transaction().execute(async (tx) => {
        const token = await bootstrapTokenRepository.findByTokenHash(tx, hashSecret(input.token));
        const now = clock.now().toISOString();
        if (token === undefined || token.consumedAt !== null || token.expiresAt <= now) {
          if ((await userRepository.count(tx)) > 0) {
            throw new DomainError('auth/bootstrap-already-done', 'this node already has an administrator');
          }
          throw new DomainError(
            'auth/bootstrap-token-invalid',
            'the bootstrap token is not valid; restart the node to get a new one',
          );
        }
        if (!(await bootstrapTokenRepository.consume(tx, token.id, now)) || (await userRepository.count(tx)) > 0) {
          throw new DomainError('auth/bootstrap-already-done', 'this node already has an administrator');
        }
        await bootstrapTokenRepository.consumeAll(tx, now);
        const actor: CallContext = { ...context, principal: null };
        await users.insertUser(tx, actor, record);
        await auditRepository.append(
          tx,
          auditEntryFor(deps, actor, {
            action: 'node.bootstrapped',
            objectType: 'user',
            objectId: record.id,
            actorName: record.username,
          }),
        );
        return userView(record);
      });
    },
  };
}

export type BootstrapService = ReturnType<typeof createBootstrapService>;
