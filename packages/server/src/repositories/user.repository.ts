import { isRole, type Role } from '@hanoi247/core';
import { sealedTotpPrefix } from '../auth/totp-secret-box.js';
import type { Executor, UsersTable } from '../db/database-schema.js';

/** A user as every request needs it: neither the password hash nor the second-factor secret. */
export interface UserAccount {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly totpLastStep: number | null;
  readonly status: 'active' | 'disabled';
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface UserRecord extends UserAccount {
  readonly passwordHash: string;
  /** Sealed (`v1:…`, auth/totp-secret-box.ts), never the base32 secret itself; null before enrolment. */
  readonly totpSecret: string | null;
}

/** A TOTP secret column value still in the clear (written by an earlier version). */
export interface UnsealedTotpSecret {
  readonly id: string;
  readonly secret: string;
}

/** Exported for repositories that read users through a join (sessions), without the credentials. */
export function userAccountFromRow(row: Omit<UsersTable, 'totp_secret' | 'password_hash'>): UserAccount {
  const parsed: unknown = JSON.parse(row.roles);
  const roles = Array.isArray(parsed) ? parsed.filter((r): r is Role => typeof r === 'string' && isRole(r)) : [];
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles,
    totpLastStep: row.totp_last_step === null ? null : Number(row.totp_last_step),
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function userRecordFromRow(row: UsersTable): UserRecord {
  return { ...userAccountFromRow(row), passwordHash: row.password_hash, totpSecret: row.totp_secret };
}

export const userRepository = {
  async insert(db: Executor, user: UserRecord): Promise<void> {
    await db
      .insertInto('users')
      .values({
        id: user.id,
        username: user.username,
        display_name: user.displayName,
        roles: JSON.stringify(user.roles),
        password_hash: user.passwordHash,
        totp_secret: user.totpSecret,
        totp_last_step: user.totpLastStep,
        status: user.status,
        created_at: user.createdAt,
        updated_at: user.updatedAt,
      })
      .execute();
  },

  async findById(db: Executor, id: string): Promise<UserRecord | undefined> {
    const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row && userRecordFromRow(row);
  },

  async findByUsername(db: Executor, username: string): Promise<UserRecord | undefined> {
    const row = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    return row && userRecordFromRow(row);
  },

  async list(db: Executor): Promise<UserRecord[]> {
    const rows = await db.selectFrom('users').selectAll().orderBy('username').execute();
    return rows.map(userRecordFromRow);
  },

  /** Active accounts by display name: those who can still be handed work. */
  async listActive(db: Executor): Promise<UserRecord[]> {
    const rows = await db
      .selectFrom('users')
      .selectAll()
      .where('status', '=', 'active')
      .orderBy('display_name')
      .orderBy('id')
      .execute();
    return rows.map(userRecordFromRow);
  },

  async count(db: Executor): Promise<number> {
    const row = await db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  async countActiveWithRole(db: Executor, role: Role): Promise<number> {
    const users = await db.selectFrom('users').select('roles').where('status', '=', 'active').execute();
    return users.filter((u) => userAccountFromRow({ roles: u.roles } as UsersTable).roles.includes(role)).length;
  },

  async setStatus(db: Executor, id: string, status: 'active' | 'disabled', at: string): Promise<void> {
    await db.updateTable('users').set({ status, updated_at: at }).where('id', '=', id).execute();
  },

  async setTotp(db: Executor, id: string, secret: string | null, lastStep: number | null, at: string): Promise<void> {
    await db
      .updateTable('users')
      .set({ totp_secret: secret, totp_last_step: lastStep, updated_at: at })
      .where('id', '=', id)
      .execute();
  },

  /**
   * Plaintext secrets of databases written before secrets were sealed (SQLite LIKE ignores case; base32 has no "1").
   */
  async listUnsealedTotpSecrets(db: Executor): Promise<UnsealedTotpSecret[]> {
    const rows = await db
      .selectFrom('users')
      .select(['id', 'totp_secret'])
      .where('totp_secret', 'is not', null)
      .where('totp_secret', 'not like', `${sealedTotpPrefix}%`)
      .orderBy('id')
      .execute();
    return rows.map((row) => ({ id: row.id, secret: row.totp_secret ?? '' }));
  },

  async anySealedTotpSecret(db: Executor): Promise<boolean> {
    const row = await db
      .selectFrom('users')
      .select('id')
      .where('totp_secret', 'like', `${sealedTotpPrefix}%`)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  },

  /** Replaces the secret only if it is still the one read, so a concurrent reset or enrolment wins. */
  async replaceTotpSecret(db: Executor, id: string, from: string, to: string): Promise<boolean> {
    const result = await db
      .updateTable('users')
      .set({ totp_secret: to })
      .where('id', '=', id)
      .where('totp_secret', '=', from)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /**
   * Records a used TOTP time step only if it is newer than the last one, so a code can
   * be used once even by two concurrent sign-ins. Returns false on replay.
   */
  async advanceTotpStep(db: Executor, id: string, step: number): Promise<boolean> {
    const result = await db
      .updateTable('users')
      .set({ totp_last_step: step })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
};
