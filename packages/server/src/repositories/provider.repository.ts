import type { ProviderInput, ProviderType } from '@hanoi247/core';
import type { Executor, ProvidersTable } from '../db/database-schema.js';

export type ProviderProfile = Omit<ProviderInput, 'legalName' | 'country' | 'type'>;

export interface ProviderRecord {
  readonly id: string;
  readonly legalName: string;
  readonly country: string;
  readonly type: ProviderType;
  readonly profile: ProviderProfile;
  readonly active: boolean;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

const toRecord = (row: ProvidersTable): ProviderRecord => ({
  id: row.id,
  legalName: row.legal_name,
  country: row.country,
  type: row.type as ProviderType,
  profile: JSON.parse(row.profile) as ProviderProfile,
  active: Number(row.active) === 1,
  createdBy: row.created_by,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const toRow = (record: ProviderRecord): ProvidersTable => ({
  id: record.id,
  legal_name: record.legalName,
  country: record.country,
  type: record.type,
  profile: JSON.stringify(record.profile),
  active: record.active ? 1 : 0,
  created_by: record.createdBy,
  created_at: record.createdAt,
  updated_at: record.updatedAt,
});

export const providerRepository = {
  async insert(db: Executor, record: ProviderRecord): Promise<void> {
    await db.insertInto('providers').values(toRow(record)).execute();
  },

  async update(db: Executor, record: ProviderRecord): Promise<void> {
    const { id: _id, created_by: _by, created_at: _at, ...changes } = toRow(record);
    await db.updateTable('providers').set(changes).where('id', '=', record.id).execute();
  },

  async findById(db: Executor, id: string): Promise<ProviderRecord | undefined> {
    const row = await db.selectFrom('providers').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : toRecord(row);
  },

  async findByName(db: Executor, country: string, legalName: string): Promise<ProviderRecord | undefined> {
    const row = await db
      .selectFrom('providers')
      .selectAll()
      .where('country', '=', country)
      .where('legal_name', '=', legalName)
      .executeTakeFirst();
    return row === undefined ? undefined : toRecord(row);
  },

  async list(
    db: Executor,
    filter: { type?: string | undefined; limit: number; offset: number },
  ): Promise<ProviderRecord[]> {
    let query = db.selectFrom('providers').selectAll();
    if (filter.type !== undefined) query = query.where('type', '=', filter.type);
    const rows = await query.orderBy('legal_name').orderBy('id').limit(filter.limit).offset(filter.offset).execute();
    return rows.map(toRecord);
  },

  async addMember(
    db: Executor,
    membership: { userId: string; providerId: string; createdBy: string; createdAt: string },
  ): Promise<boolean> {
    const existing = await db
      .selectFrom('provider_memberships')
      .select('user_id')
      .where('user_id', '=', membership.userId)
      .where('provider_id', '=', membership.providerId)
      .executeTakeFirst();
    if (existing !== undefined) return false;
    await db
      .insertInto('provider_memberships')
      .values({
        user_id: membership.userId,
        provider_id: membership.providerId,
        created_by: membership.createdBy,
        created_at: membership.createdAt,
      })
      .execute();
    return true;
  },

  async removeMember(db: Executor, userId: string, providerId: string): Promise<boolean> {
    const result = await db
      .deleteFrom('provider_memberships')
      .where('user_id', '=', userId)
      .where('provider_id', '=', providerId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  },

  /** The providers a user acts for: the whole of what a provider user may ever see. */
  async providerIdsOf(db: Executor, userId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('provider_memberships')
      .select('provider_id')
      .where('user_id', '=', userId)
      .execute();
    return rows.map((r) => r.provider_id);
  },

  async membersOf(
    db: Executor,
    providerId: string,
  ): Promise<{ userId: string; username: string; createdAt: string }[]> {
    const rows = await db
      .selectFrom('provider_memberships')
      .innerJoin('users', 'users.id', 'provider_memberships.user_id')
      .select([
        'provider_memberships.user_id as userId',
        'users.username as username',
        'provider_memberships.created_at as createdAt',
      ])
      .where('provider_memberships.provider_id', '=', providerId)
      .orderBy('users.username')
      .execute();
    return rows;
  },
};
