import { sealedTotpPrefix } from '../auth/totp-secret-box.js';
import type { Executor } from '../db/database-schema.js';
import type { UnsealedTotpSecret } from './user.repository.js';

export interface BootstrapTokenRecord {
  readonly id: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly consumedAt: string | null;
}

export interface TotpEnrolmentRecord {
  readonly id: string;
  readonly userId: string;
  /** Sealed to this enrolment's id (auth/totp-secret-box.ts). */
  readonly secret: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly consumedAt: string | null;
}

/**
 * Single-use secrets: the bootstrap token and pending TOTP enrolments. Tokens are stored as hashes, TOTP secrets
 * sealed.
 */
export const bootstrapTokenRepository = {
  async insert(db: Executor, token: BootstrapTokenRecord, tokenHash: string): Promise<void> {
    await db
      .insertInto('bootstrap_tokens')
      .values({
        id: token.id,
        token_hash: tokenHash,
        created_at: token.createdAt,
        expires_at: token.expiresAt,
        consumed_at: null,
      })
      .execute();
  },

  async findByTokenHash(db: Executor, tokenHash: string): Promise<BootstrapTokenRecord | undefined> {
    const row = await db
      .selectFrom('bootstrap_tokens')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return row && { id: row.id, createdAt: row.created_at, expiresAt: row.expires_at, consumedAt: row.consumed_at };
  },

  /** Consumes every open token (a new start issues a fresh one; a bootstrap ends them all). */
  async consumeAll(db: Executor, at: string): Promise<void> {
    await db.updateTable('bootstrap_tokens').set({ consumed_at: at }).where('consumed_at', 'is', null).execute();
  },

  /** Returns false when another request consumed it first. */
  async consume(db: Executor, id: string, at: string): Promise<boolean> {
    const result = await db
      .updateTable('bootstrap_tokens')
      .set({ consumed_at: at })
      .where('id', '=', id)
      .where('consumed_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
};

export const totpEnrolmentRepository = {
  async insert(db: Executor, enrolment: TotpEnrolmentRecord, tokenHash: string): Promise<void> {
    await db
      .insertInto('totp_enrolments')
      .values({
        id: enrolment.id,
        token_hash: tokenHash,
        user_id: enrolment.userId,
        secret: enrolment.secret,
        created_at: enrolment.createdAt,
        expires_at: enrolment.expiresAt,
        consumed_at: null,
      })
      .execute();
  },

  async findByTokenHash(db: Executor, tokenHash: string): Promise<TotpEnrolmentRecord | undefined> {
    const row = await db
      .selectFrom('totp_enrolments')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return (
      row && {
        id: row.id,
        userId: row.user_id,
        secret: row.secret,
        createdAt: row.created_at,
        expiresAt: row.expires_at,
        consumedAt: row.consumed_at,
      }
    );
  },

  async consume(db: Executor, id: string, at: string): Promise<boolean> {
    const result = await db
      .updateTable('totp_enrolments')
      .set({ consumed_at: at })
      .where('id', '=', id)
      .where('consumed_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** Plaintext secrets of databases written before secrets were sealed, consumed ones included. */
  async listUnsealed(db: Executor): Promise<UnsealedTotpSecret[]> {
    const rows = await db
      .selectFrom('totp_enrolments')
      .select(['id', 'secret'])
      .where('secret', 'not like', `${sealedTotpPrefix}%`)
      .orderBy('id')
      .execute();
    return rows.map((row) => ({ id: row.id, secret: row.secret }));
  },

  async replaceSecret(db: Executor, id: string, from: string, to: string): Promise<boolean> {
    const result = await db
      .updateTable('totp_enrolments')
      .set({ secret: to })
      .where('id', '=', id)
      .where('secret', '=', from)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  async consumeAllForUser(db: Executor, userId: string, at: string): Promise<void> {
    await db
      .updateTable('totp_enrolments')
      .set({ consumed_at: at })
      .where('user_id', '=', userId)
      .where('consumed_at', 'is', null)
      .execute();
  },
};
