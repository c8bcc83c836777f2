import { DomainError, permissionsOf, type Role } from '@hanoi247/core';
import { hashSecret, newSecret } from '../auth/secret-token.js';
import { newTotpSecret } from '../auth/totp.js';
import { uuidV7Ids } from '../identity/ids.js';
import type { NodeRuntime } from '../node-runtime.js';
import { apiTokenRepository, type ApiTokenRecord } from '../repositories/api-token.repository.js';
import { auditRepository } from '../repositories/audit.repository.js';
import { userRepository } from '../repositories/user.repository.js';
import { auditEntryFor, isoAfter, type CallContext, type ServiceRuntime } from './service-runtime.js';
import { requirePermission } from './user.service.js';

export interface DemoAccount {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly password: string;
}

/** What the demo prints: secrets exist in clear only here, the database keeps hashes and sealed TOTP secrets. */
export interface SeededDemoAccount extends DemoAccount {
  readonly totpSecret: string;
  readonly apiToken: string;
}

// A demo network is thrown away long before this; a year keeps it usable between sessions.
const demoTokenLifetimeSeconds = 365 * 86_400;

/**
 * Demo accounts with their second factor already enrolled, so a newcomer can sign in at once.
 * Only `hanoi247 demo` calls this (no route does, and it demands the operator at the console);
 * it runs once per data dir: a node that already has a user is left alone and null is returned.
 * Each account is created through the user service and its TOTP secret and API token are set in
 * the same transaction, each with its own audit entry.
 */
export async function seedDemoAccounts(
  node: NodeRuntime,
  context: CallContext,
  accounts: readonly DemoAccount[],
): Promise<SeededDemoAccount[] | null> {
  const operator = requirePermission(context.principal, 'users:manage');
  if (operator.via !== 'cli') {
    throw new DomainError(
      'auth/forbidden',
      'demo accounts are created only by hanoi247 demo at the node\u2019s console',
    );
  }
  const runtime: ServiceRuntime = { db: node.database.db, clock: node.clock, ids: uuidV7Ids };
  const { users } = node.services;
  // Later runs stop here, before paying for argon2; the transaction below checks again.
  if ((await userRepository.count(node.database.db)) > 0) return null;
  // argon2 runs outside the transaction, as createUser does, so the write lock is held briefly.
  const records = await Promise.all(
    accounts.map((a) =>
      users.validatedRecord({
        username: a.username,
        displayName: a.displayName,
        roles: [a.role],
        password: a.password,
      }),
    ),
  );
  // Before the transaction: taking the key may read the database and create the key file.
  const box = await node.services.totpSecrets.sealer();
  return node.database.db.transaction().execute(async (tx) => {
    if ((await userRepository.count(tx)) > 0) return null;
    const now = runtime.clock.now().toISOString();
    const seeded: SeededDemoAccount[] = [];
    for (const [index, record] of records.entries()) {
      const account = accounts[index] as DemoAccount;
      await users.insertUser(tx, context, record);
      const totpSecret = newTotpSecret();
      // No time step is recorded as used: the first code the newcomer types is accepted.
      await userRepository.setTotp(
        tx,
        record.id,
        box.seal(totpSecret, { table: 'users', userId: record.id }),
        null,
        now,
      );
      await auditRepository.append(
        tx,
        auditEntryFor(runtime, context, {
          action: 'user.totp-preset',
          objectType: 'user',
          objectId: record.id,
          details: { username: record.username },
        }),
      );
      const apiToken = newSecret('h247');
      const token: ApiTokenRecord = {
        id: runtime.ids(),
        userId: record.id,
        name: 'demo',
        scopes: [...permissionsOf(record.roles)],
        createdAt: now,
        expiresAt: isoAfter(runtime.clock, demoTokenLifetimeSeconds),
        lastUsedAt: null,
        revokedAt: null,
      };
      await apiTokenRepository.insert(tx, token, hashSecret(apiToken));
      await auditRepository.append(
        tx,
        auditEntryFor(runtime, context, {
          action: 'token.created',
          objectType: 'api-token',
          objectId: token.id,
          details: { name: token.name, owner: record.username, scopes: [...token.scopes], expiresAt: token.expiresAt },
        }),
      );
      seeded.push({ ...account, username: record.username, totpSecret, apiToken });
    }
    return seeded;
  });
}
