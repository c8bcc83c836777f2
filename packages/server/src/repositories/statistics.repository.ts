import type { Executor } from '../db/database-schema.js';

/** The events that mark when a request reached us or the partner, and when it was answered. */
export const startActions = { created: ['receive'], transition: ['send', 'disclose'] } as const;
export const milestoneResponses = [
  'ACK',
  'PRESERVED',
  'ACCEPT',
  'ACCEPT_WITH_CONDITIONS',
  'PARTIAL',
  'REFUSE',
  'EXECUTED',
] as const;

export interface MilestoneRow {
  readonly requestId: string;
  readonly type: string;
  readonly direction: 'outgoing' | 'incoming';
  readonly partner: string;
  readonly kind: string;
  readonly action: string;
  readonly responseKind: string | null;
  readonly occurredAt: string;
}

export interface CreatedRow {
  readonly direction: 'outgoing' | 'incoming';
  readonly createdAt: string;
}

export interface DeadlineAtRiskRow {
  readonly id: string;
  readonly requestId: string;
  readonly reference: string;
  readonly type: string;
  readonly ruleId: string;
  readonly status: string;
  readonly dueAt: string;
}

/** Read-only aggregates for the dashboard; every query leaves out the types the caller may not see. */
export const statisticsRepository = {
  async requestsCreatedSince(db: Executor, since: string, excludeTypes: readonly string[]): Promise<CreatedRow[]> {
    let query = db.selectFrom('requests').select(['direction', 'created_at']).where('created_at', '>=', since);
    if (excludeTypes.length > 0) query = query.where('type', 'not in', [...excludeTypes]);
    const rows = await query.orderBy('created_at').execute();
    return rows.map((r) => ({ direction: r.direction, createdAt: r.created_at }));
  },

  /** Start and answer events of every visible request, oldest first. */
  async milestones(db: Executor, excludeTypes: readonly string[]): Promise<MilestoneRow[]> {
    let query = db
      .selectFrom('request_events as e')
      .innerJoin('requests as r', 'r.id', 'e.request_id')
      .select([
        'e.request_id',
        'r.type',
        'r.direction',
        'r.requesting_state',
        'r.requested_state',
        'e.kind',
        'e.action',
        'e.response_kind',
        'e.occurred_at',
      ])
      .where((eb) =>
        eb.or([
          eb.and([eb('e.kind', '=', 'created'), eb('e.action', 'in', [...startActions.created])]),
          eb.and([eb('e.kind', '=', 'transition'), eb('e.action', 'in', [...startActions.transition])]),
          eb.and([eb('e.kind', '=', 'transition'), eb('e.response_kind', 'in', [...milestoneResponses])]),
        ]),
      );
    if (excludeTypes.length > 0) query = query.where('r.type', 'not in', [...excludeTypes]);
    const rows = await query.orderBy('e.seq').execute();
    return rows.map((r) => ({
      requestId: r.request_id,
      type: r.type,
      direction: r.direction,
      partner: r.direction === 'outgoing' ? r.requested_state : r.requesting_state,
      kind: r.kind,
      action: r.action,
      responseKind: r.response_kind,
      occurredAt: r.occurred_at,
    }));
  },

  /** Running clocks due before `dueBefore` (overdue ones included), nearest first. */
  async deadlinesDueBefore(
    db: Executor,
    dueBefore: string,
    excludeTypes: readonly string[],
    limit: number,
  ): Promise<DeadlineAtRiskRow[]> {
    let query = db
      .selectFrom('deadlines as d')
      .innerJoin('requests as r', 'r.id', 'd.request_id')
      .select(['d.id', 'd.request_id', 'r.reference', 'r.type', 'd.rule_id', 'd.status', 'd.due_at'])
      .where('d.status', 'in', ['open', 'warned'])
      .where('d.due_at', '<=', dueBefore);
    if (excludeTypes.length > 0) query = query.where('r.type', 'not in', [...excludeTypes]);
    const rows = await query.orderBy('d.due_at').orderBy('d.id').limit(limit).execute();
    return rows.map((r) => ({
      id: r.id,
      requestId: r.request_id,
      reference: r.reference,
      type: r.type,
      ruleId: r.rule_id,
      status: r.status,
      dueAt: r.due_at,
    }));
  },
};
