import { permissions, type Permission } from '@hanoi247/core';
import type { ApiTokensTable, Executor } from '../db/database-schema.js';

export interface ApiTokenRecord {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  readonly scopes: readonly Permission[];
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
}

function toRecord(row: ApiTokensTable): ApiTokenRecord {
  const parsed: unknown = JSON.parse(row.scopes);
  const known = permissions as readonly string[];
  const scopes = Array.isArray(parsed)
    ? parsed.filter((s): s is Permission => typeof s === 'string' && known.includes(s))
    : [];
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    scopes,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

export const apiTokenRepository = {
  async insert(db: Executor, token: ApiTokenRecord, tokenHash: string): Promise<void> {
    await db
      .insertInto('api_tokens')
      .values({
        id: token.id,
        token_hash: tokenHash,
        user_id: token.userId,
        name: token.name,
        scopes: JSON.stringify(token.scopes),
        created_at: token.createdAt,
        expires_at: token.expiresAt,
        last_used_at: token.lastUsedAt,
        revoked_at: token.revokedAt,
      })
      .execute();
  },

  async findByTokenHash(db: Executor, tokenHash: string): Promise<ApiTokenRecord | undefined> {
    const row = await db.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    return row && toRecord(row);
  },

  async findOwned(db: Executor, userId: string, id: string): Promise<ApiTokenRecord | undefined> {
    const row = await db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row && toRecord(row);
  },

  async listForUser(db: Executor, userId: string): Promise<ApiTokenRecord[]> {
    const rows = await db
      .selectFrom('api_tokens')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .execute();
    return rows.map(toRecord);
  },

  async markUsed(db: Executor, id: string, at: string): Promise<void> {
    await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
  },

  async revoke(db: Executor, id: string, at: string): Promise<void> {
    await db
      .updateTable('api_tokens')
      .set({ revoked_at: at })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
  },

  async revokeAllForUser(db: Executor, userId: string, at: string): Promise<void> {
    await db
      .updateTable('api_tokens')
      .set({ revoked_at: at })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .execute();
  },
};
