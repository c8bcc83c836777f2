import type { Executor, SessionsTable } from '../db/database-schema.js';
import { precompiledQuery } from '../db/precompiled-query.js';
import { userAccountFromRow, type UserAccount } from './user.repository.js';

export interface SessionRecord {
  readonly id: string;
  readonly userId: string;
  readonly csrfToken: string;
  readonly createdAt: string;
  readonly lastSeenAt: string;
  readonly idleExpiresAt: string;
  readonly absoluteExpiresAt: string;
  readonly revokedAt: string | null;
}

function toRecord(row: SessionsTable): SessionRecord {
  return {
    id: row.id,
    userId: row.user_id,
    csrfToken: row.csrf_token,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    idleExpiresAt: row.idle_expires_at,
    absoluteExpiresAt: row.absolute_expires_at,
    revokedAt: row.revoked_at,
  };
}

export interface SessionWithUser {
  readonly session: SessionRecord;
  readonly user: UserAccount;
}

/**
 * Every authenticated request needs the session and its user, so they come in one query,
 * compiled once. The users columns are aliased: `id` and `created_at` exist in both tables.
 * The credentials stay out (TOTP secret, password hash): only sign-in and enrolment use them,
 * and the session cache should not hold them.
 */
const sessionWithUserByTokenHash = precompiledQuery((db: Executor, tokenHash: string) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('sessions')
    .select([
      'users.username as user_username',
      'users.display_name as user_display_name',
      'users.roles as user_roles',
      'users.totp_last_step as user_totp_last_step',
      'users.status as user_status',
      'users.created_at as user_created_at',
      'users.updated_at as user_updated_at',
    ])
    .where('sessions.token_hash', '=', tokenHash),
);

export const sessionRepository = {
  async insert(db: Executor, session: SessionRecord, tokenHash: string): Promise<void> {
    await db
      .insertInto('sessions')
      .values({
        id: session.id,
        token_hash: tokenHash,
        user_id: session.userId,
        csrf_token: session.csrfToken,
        created_at: session.createdAt,
        last_seen_at: session.lastSeenAt,
        idle_expires_at: session.idleExpiresAt,
        absolute_expires_at: session.absoluteExpiresAt,
        revoked_at: session.revokedAt,
      })
      .execute();
  },

  async findByTokenHash(db: Executor, tokenHash: string): Promise<SessionRecord | undefined> {
    const row = await db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    return row && toRecord(row);
  },

  /** The session and its user; undefined when either is missing (users are never deleted). */
  async findWithUserByTokenHash(db: Executor, tokenHash: string): Promise<SessionWithUser | undefined> {
    const row = await sessionWithUserByTokenHash.takeFirst(db, tokenHash);
    if (row === undefined) return undefined;
    const user = userAccountFromRow({
      id: row.user_id,
      username: row.user_username,
      display_name: row.user_display_name,
      roles: row.user_roles,
      totp_last_step: row.user_totp_last_step,
      status: row.user_status,
      created_at: row.user_created_at,
      updated_at: row.user_updated_at,
    });
    return { session: toRecord(row), user };
  },

  async touch(db: Executor, id: string, lastSeenAt: string, idleExpiresAt: string): Promise<void> {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: lastSeenAt, idle_expires_at: idleExpiresAt })
      .where('id', '=', id)
      .execute();
  },

  async revoke(db: Executor, id: string, at: string): Promise<void> {
    await db
      .updateTable('sessions')
      .set({ revoked_at: at })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
  },

  async revokeAllForUser(db: Executor, userId: string, at: string): Promise<number> {
    const result = await db
      .updateTable('sessions')
      .set({ revoked_at: at })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  },
};
