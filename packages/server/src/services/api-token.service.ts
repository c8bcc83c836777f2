import { DomainError, type Permission } from '@hanoi247/core';
import { hashSecret, newSecret } from '../auth/secret-token.js';
import { apiTokenRepository, type ApiTokenRecord } from '../repositories/api-token.repository.js';
import { auditRepository } from '../repositories/audit.repository.js';
import { auditEntryFor, isoAfter, type CallContext, type ServiceRuntime } from './service-runtime.js';
import { requirePermission } from './user.service.js';

export interface NewApiToken {
  readonly name: string;
  readonly scopes: readonly Permission[];
  readonly expiresInDays: number;
}

export type ApiTokenView = Omit<ApiTokenRecord, 'userId'>;

const view = ({ userId: _owner, ...rest }: ApiTokenRecord): ApiTokenView => rest;

/** Tokens for systems that integrate (providers, scrapers); scoped, expiring, shown once, stored hashed. */
export function createApiTokenService(deps: ServiceRuntime) {
  const { db, clock, ids } = deps;
  return {
    async create(context: CallContext, input: NewApiToken): Promise<{ token: string; record: ApiTokenView }> {
      const principal = requirePermission(context.principal, 'tokens:manage-own');
      if (principal.userId === null) throw new DomainError('auth/forbidden', 'only a user can hold API tokens');
      const notHeld = input.scopes.filter((scope) => !principal.permissions.has(scope));
      if (notHeld.length > 0) {
        throw new DomainError(
          'auth/forbidden',
          `a token cannot carry permissions its owner lacks: ${notHeld.join(', ')}`,
          {
            issues: [{ path: '/scopes', message: `not held: ${notHeld.join(', ')}` }],
          },
        );
      }
      const token = newSecret('h247');
      const record: ApiTokenRecord = {
        id: ids(),
        userId: principal.userId,
        name: input.name,
        scopes: [...new Set(input.scopes)],
        createdAt: clock.now().toISOString(),
        expiresAt: isoAfter(clock, input.expiresInDays * 86_400),
        lastUsedAt: null,
        revokedAt: null,
      };
      await db.transaction().execute(async (tx) => {
        await apiTokenRepository.insert(tx, record, hashSecret(token));
        await auditRepository.append(
          tx,
          auditEntryFor(deps, context, {
            action: 'token.created',
            objectType: 'api-token',
            objectId: record.id,
            details: { name: record.name, scopes: [...record.scopes], expiresAt: record.expiresAt },
          }),
        );
      });
      return { token, record: view(record) };
    },

    async list(context: CallContext): Promise<ApiTokenView[]> {
      const principal = requirePermission(context.principal, 'tokens:manage-own');
      if (principal.userId === null) return [];
      return (await apiTokenRepository.listForUser(db, principal.userId)).map(view);
    },

    /** Another user's token answers "not found", exactly like a token that does not exist. */
    async revoke(context: CallContext, id: string): Promise<void> {
      const principal = requirePermission(context.principal, 'tokens:manage-own');
      await db.transaction().execute(async (tx) => {
        const record =
          principal.userId === null ? undefined : await apiTokenRepository.findOwned(tx, principal.userId, id);
        if (record === undefined) throw new DomainError('token/not-found', 'no such token');
        await apiTokenRepository.revoke(tx, id, clock.now().toISOString());
        await auditRepository.append(
          tx,
          auditEntryFor(deps, context, { action: 'token.revoked', objectType: 'api-token', objectId: id }),
        );
      });
    },
  };
}

export type ApiTokenService = ReturnType<typeof createApiTokenService>;
