import type { LegalBasis, RequestTypeCode } from '@hanoi247/core';
import { sql } from 'kysely';
import type { Executor, RequestsTable } from '../db/database-schema.js';

export type Priority = 'emergency' | 'urgent' | 'normal';
export const priorityRank: Record<Priority, number> = { emergency: 0, urgent: 1, normal: 2 };

export interface Translation {
  readonly language: string;
  readonly status: 'pending' | 'machine' | 'certified';
}

export interface RequestRecord {
  readonly id: string;
  readonly reference: string;
  readonly caseId: string | null;
  readonly type: RequestTypeCode;
  readonly direction: 'outgoing' | 'incoming';
  readonly state: string;
  readonly legalBasis: LegalBasis;
  readonly requestingState: string;
  readonly requestedState: string;
  readonly language: string;
  readonly translations: readonly Translation[];
  readonly priority: Priority;
  readonly emergencyJustification: string | null;
  readonly details: Readonly<Record<string, unknown>>;
  readonly draftedBy: readonly string[];
  readonly consultationRecordedAt: string | null;
  readonly parentRequestId: string | null;
  readonly createdBy: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
  /** The officer handling the request (a user id), not part of the signed record. */
  readonly assignedTo: string | null;
  /**
   * The latest date a provider confirmed the data preserved until: set only from a domestic order's event, or mirrored.
   */
  readonly preservedUntil: string | null;
  /** The end of the domestic order's current period (renewals included), as the order made it. */
  readonly preservationOrderedUntil: string | null;
  /** The legal rule set the request was made under: this node's at drafting, the partner's for one it sent. */
  readonly ruleSetVersion: string | null;
}

export interface RequestFilter {
  readonly direction?: 'outgoing' | 'incoming' | undefined;
  readonly type?: string | undefined;
  readonly state?: string | undefined;
  readonly country?: string | undefined;
  readonly caseId?: string | undefined;
  readonly excludeTypes?: readonly string[];
  /** A user id, or null for the unassigned ones. */
  readonly assignee?: string | null | undefined;
  readonly limit: number;
  readonly offset: number;
}

export type QueuedRequest = RequestRecord & {
  readonly nextDueAt: string | null;
  readonly assigneeName: string | null;
  /** Some clock of the request was escalated and is not closed yet. */
  readonly escalated: boolean;
};

const never = '9999-12-31T23:59:59.999Z';

function toRecord(row: RequestsTable): RequestRecord {
  return {
    id: row.id,
    reference: row.reference,
    caseId: row.case_id,
    type: row.type as RequestTypeCode,
    direction: row.direction,
    state: row.state,
    legalBasis: row.legal_basis as LegalBasis,
    requestingState: row.requesting_state,
    requestedState: row.requested_state,
    language: row.language,
    translations: JSON.parse(row.translations) as Translation[],
    priority: row.priority,
    emergencyJustification: row.emergency_justification,
    details: JSON.parse(row.details) as Record<string, unknown>,
    draftedBy: JSON.parse(row.drafted_by) as string[],
    consultationRecordedAt: row.consultation_recorded_at,
    parentRequestId: row.parent_request_id,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: Number(row.version),
    assignedTo: row.assigned_to ?? null,
    preservedUntil: row.preserved_until ?? null,
    preservationOrderedUntil: row.preservation_ordered_until ?? null,
    ruleSetVersion: row.rule_set_version ?? null,
  };
}

function toRow(record: RequestRecord): RequestsTable {
  return {
    id: record.id,
    reference: record.reference,
    case_id: record.caseId,
    type: record.type,
    direction: record.direction,
    state: record.state,
    legal_basis: record.legalBasis,
    requesting_state: record.requestingState,
    requested_state: record.requestedState,
    language: record.language,
    translations: JSON.stringify(record.translations),
    priority: record.priority,
    priority_rank: priorityRank[record.priority],
    emergency_justification: record.emergencyJustification,
    details: JSON.stringify(record.details),
    drafted_by: JSON.stringify(record.draftedBy),
    consultation_recorded_at: record.consultationRecordedAt,
    parent_request_id: record.parentRequestId,
    created_by: record.createdBy,
    created_at: record.createdAt,
    updated_at: record.updatedAt,
    version: record.version,
    assigned_to: record.assignedTo,
    preserved_until: record.preservedUntil,
    preservation_ordered_until: record.preservationOrderedUntil,
    rule_set_version: record.ruleSetVersion,
  };
}

export const requestRepository = {
  async insert(db: Executor, record: RequestRecord): Promise<void> {
    await db.insertInto('requests').values(toRow(record)).execute();
  },

  async findById(db: Executor, id: string): Promise<RequestRecord | undefined> {
    const row = await db.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  },

  async findByReference(db: Executor, reference: string): Promise<RequestRecord | undefined> {
    const row = await db.selectFrom('requests').selectAll().where('reference', '=', reference).executeTakeFirst();
    return row && toRecord(row);
  },

  /** Optimistic concurrency: false when someone else changed the request first. */
  async update(db: Executor, record: RequestRecord, expectedVersion: number): Promise<boolean> {
    const { id: _id, ...values } = toRow({ ...record, version: expectedVersion + 1 });
    const result = await db
      .updateTable('requests')
      .set(values)
      .where('id', '=', record.id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** The 24/7 queue order: emergencies first, then the nearest open deadline, then age. */
  async list(db: Executor, filter: RequestFilter): Promise<QueuedRequest[]> {
    const next = db
      .selectFrom('deadlines')
      .select(['request_id', (eb) => eb.fn.min('due_at').as('next_due')])
      .where('status', 'in', ['open', 'warned'])
      .groupBy('request_id')
      .as('next');
    const escalated = db
      .selectFrom('deadlines')
      .select(['request_id', (eb) => eb.fn.count<number | string>('id').as('escalations')])
      .where('escalated_at', 'is not', null)
      .where('status', 'in', ['open', 'warned', 'breached'])
      .groupBy('request_id')
      .as('escalated');
    let query = db
      .selectFrom('requests')
      .leftJoin(next, 'next.request_id', 'requests.id')
      .leftJoin(escalated, 'escalated.request_id', 'requests.id')
      .leftJoin('users', 'users.id', 'requests.assigned_to')
      .selectAll('requests')
      .select(['next.next_due', 'escalated.escalations', 'users.display_name as assignee_name']);
    if (filter.direction !== undefined) query = query.where('direction', '=', filter.direction);
    if (filter.type !== undefined) query = query.where('type', '=', filter.type);
    if (filter.state !== undefined) query = query.where('state', '=', filter.state);
    if (filter.caseId !== undefined) query = query.where('case_id', '=', filter.caseId);
    if (filter.country !== undefined) {
      const country = filter.country;
      query = query.where((eb) => eb.or([eb('requesting_state', '=', country), eb('requested_state', '=', country)]));
    }
    if (filter.excludeTypes !== undefined && filter.excludeTypes.length > 0) {
      query = query.where('type', 'not in', [...filter.excludeTypes]);
    }
    if (filter.assignee === null) query = query.where('assigned_to', 'is', null);
    else if (filter.assignee !== undefined) query = query.where('assigned_to', '=', filter.assignee);
    const rows = await query
      .orderBy('priority_rank')
      .orderBy(sql`coalesce(next.next_due, ${never})`)
      .orderBy('requests.created_at')
      .orderBy('requests.id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute();
    return rows.map((row) => ({
      ...toRecord(row),
      nextDueAt: row.next_due ?? null,
      assigneeName: row.assignee_name ?? null,
      escalated: Number(row.escalations ?? 0) > 0,
    }));
  },
};
