import type { CaseData } from '@hanoi247/core';
import type { CasesTable, Executor } from '../db/database-schema.js';

export interface CaseRecord {
  readonly id: string;
  readonly data: CaseData;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

const toRecord = (row: CasesTable): CaseRecord => ({
  id: row.id,
  data: JSON.parse(row.data) as CaseData,
  createdBy: row.created_by,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export const caseRepository = {
  async insert(db: Executor, record: CaseRecord): Promise<void> {
    await db
      .insertInto('cases')
      .values({
        id: record.id,
        domestic_reference: record.data.domesticReference,
        title: record.data.title,
        data: JSON.stringify(record.data),
        created_by: record.createdBy,
        created_at: record.createdAt,
        updated_at: record.updatedAt,
      })
      .execute();
  },

  async findById(db: Executor, id: string): Promise<CaseRecord | undefined> {
    const row = await db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  },

  /** Newest first; cases opened in the same millisecond keep their creation order through the time-ordered id. */
  async list(db: Executor, limit: number): Promise<CaseRecord[]> {
    const rows = await db
      .selectFrom('cases')
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toRecord);
  },
};
