import type { DeadlineInstance, DeadlineStatus } from '@hanoi247/core';
import type { DeadlinesTable, Executor } from '../db/database-schema.js';

export interface DeadlineRecord extends DeadlineInstance {
  readonly startedAt: string;
  readonly closedAt: string | null;
  readonly escalatedAt: string | null;
}

const toRecord = (row: DeadlinesTable): DeadlineRecord => ({
  id: row.id,
  requestId: row.request_id,
  ruleId: row.rule_id,
  status: row.status as DeadlineStatus,
  startedAt: row.started_at,
  dueAt: row.due_at,
  warnAt: row.warn_at,
  closedAt: row.closed_at,
  escalatedAt: row.escalated_at,
});

const running: DeadlineStatus[] = ['open', 'warned'];

export const deadlineRepository = {
  async insert(db: Executor, record: DeadlineRecord): Promise<void> {
    await db
      .insertInto('deadlines')
      .values({
        id: record.id,
        request_id: record.requestId,
        rule_id: record.ruleId,
        status: record.status,
        started_at: record.startedAt,
        due_at: record.dueAt,
        warn_at: record.warnAt,
        closed_at: record.closedAt,
        escalated_at: record.escalatedAt,
      })
      .execute();
  },

  /** Ends the running instance of a rule on a request (met, cancelled or suspended). */
  async settle(db: Executor, requestId: string, ruleId: string, status: DeadlineStatus, at: string): Promise<number> {
    const result = await db
      .updateTable('deadlines')
      .set({ status, closed_at: status === 'suspended' ? null : at })
      .where('request_id', '=', requestId)
      .where('rule_id', '=', ruleId)
      .where('status', 'in', running)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  },

  async setStatus(db: Executor, id: string, status: DeadlineStatus, at: string, escalated: boolean): Promise<void> {
    await db
      .updateTable('deadlines')
      .set({
        status,
        ...(status === 'breached' || status === 'expired' ? { closed_at: at } : {}),
        ...(escalated ? { escalated_at: at } : {}),
      })
      .where('id', '=', id)
      .execute();
  },

  async forRequest(db: Executor, requestId: string): Promise<DeadlineRecord[]> {
    const rows = await db
      .selectFrom('deadlines')
      .selectAll()
      .where('request_id', '=', requestId)
      .orderBy('started_at')
      .orderBy('id')
      .execute();
    return rows.map(toRecord);
  },

  async running(db: Executor, limit: number): Promise<DeadlineRecord[]> {
    const rows = await db
      .selectFrom('deadlines')
      .selectAll()
      .where('status', 'in', running)
      .orderBy('due_at')
      .limit(limit)
      .execute();
    return rows.map(toRecord);
  },
};
