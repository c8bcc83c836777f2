import type { OrderInput, OrderPeriod, OrderTypeCode } from '@hanoi247/core';
import type { Executor } from '../db/database-schema.js';
import type { DomesticOrdersTable } from '../db/database-schema-orders.js';

/** What the order requires, as authorised (Art. 24): everything but its type and addressee. */
export type OrderTerms = Omit<
  OrderInput,
  'type' | 'providerId' | 'emergencyJustification' | 'durationDays' | 'authorisedPeriod'
> & {
  readonly durationDays: number | null;
  readonly authorisedPeriod: { readonly start: string; readonly end: string } | null;
};

export interface OrderObjection {
  readonly reasonCode: string;
  readonly note: string;
  readonly at: string;
}

export interface OrderRecord {
  readonly id: string;
  readonly reference: string;
  readonly type: OrderTypeCode;
  readonly state: string;
  readonly providerId: string;
  readonly requestId: string | null;
  readonly emergencyJustification: string | null;
  readonly terms: OrderTerms;
  readonly periods: readonly OrderPeriod[];
  readonly preservedUntil: string | null;
  readonly preservedWhat: string | null;
  readonly objection: OrderObjection | null;
  readonly draftedBy: readonly string[];
  readonly authorisedBy: string | null;
  readonly authorisedAt: string | null;
  readonly servedAt: string | null;
  readonly servedDocument: string | null;
  readonly servedJws: string | null;
  readonly revision: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
}

const toRecord = (row: DomesticOrdersTable): OrderRecord => ({
  id: row.id,
  reference: row.reference,
  type: row.type as OrderTypeCode,
  state: row.state,
  providerId: row.provider_id,
  requestId: row.request_id,
  emergencyJustification: row.emergency_justification,
  terms: JSON.parse(row.terms) as OrderTerms,
  periods: JSON.parse(row.periods) as OrderPeriod[],
  preservedUntil: row.preserved_until,
  preservedWhat: row.preserved_what,
  objection: row.objection === null ? null : (JSON.parse(row.objection) as OrderObjection),
  draftedBy: JSON.parse(row.drafted_by) as string[],
  authorisedBy: row.authorised_by,
  authorisedAt: row.authorised_at,
  servedAt: row.served_at,
  servedDocument: row.served_document,
  servedJws: row.served_jws,
  revision: Number(row.revision),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  version: Number(row.version),
});

const toRow = (record: OrderRecord): DomesticOrdersTable => ({
  id: record.id,
  reference: record.reference,
  type: record.type,
  state: record.state,
  provider_id: record.providerId,
  request_id: record.requestId,
  emergency_justification: record.emergencyJustification,
  terms: JSON.stringify(record.terms),
  periods: JSON.stringify(record.periods),
  preserved_until: record.preservedUntil,
  preserved_what: record.preservedWhat,
  objection: record.objection === null ? null : JSON.stringify(record.objection),
  drafted_by: JSON.stringify(record.draftedBy),
  authorised_by: record.authorisedBy,
  authorised_at: record.authorisedAt,
  served_at: record.servedAt,
  served_document: record.servedDocument,
  served_jws: record.servedJws,
  revision: record.revision,
  created_at: record.createdAt,
  updated_at: record.updatedAt,
  version: record.version,
});

export interface OrderFilter {
  readonly providerIds?: readonly string[] | undefined;
  readonly providerId?: string | undefined;
  readonly requestId?: string | undefined;
  readonly state?: string | undefined;
  /** Types the caller may not see (interception for most officers). */
  readonly excludeTypes?: readonly string[];
  /** Provider users see served orders only: drafts are the node's business. */
  readonly servedOnly?: boolean;
  readonly limit: number;
  readonly offset: number;
}

export const orderRepository = {
  async insert(db: Executor, record: OrderRecord): Promise<void> {
    await db.insertInto('domestic_orders').values(toRow(record)).execute();
  },

  /** Optimistic: false when someone changed the order since `expectedVersion` was read. */
  async update(db: Executor, record: OrderRecord, expectedVersion: number): Promise<boolean> {
    const { id: _id, created_at: _created, version: _version, ...changes } = toRow(record);
    const result = await db
      .updateTable('domestic_orders')
      .set({ ...changes, version: expectedVersion + 1 })
      .where('id', '=', record.id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  async findById(db: Executor, id: string): Promise<OrderRecord | undefined> {
    const row = await db.selectFrom('domestic_orders').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : toRecord(row);
  },

  async list(db: Executor, filter: OrderFilter): Promise<OrderRecord[]> {
    if (filter.providerIds?.length === 0) return [];
    let query = db.selectFrom('domestic_orders').selectAll();
    if (filter.providerIds !== undefined) query = query.where('provider_id', 'in', filter.providerIds);
    if (filter.providerId !== undefined) query = query.where('provider_id', '=', filter.providerId);
    if (filter.requestId !== undefined) query = query.where('request_id', '=', filter.requestId);
    if (filter.state !== undefined) query = query.where('state', '=', filter.state);
    if (filter.excludeTypes !== undefined && filter.excludeTypes.length > 0) {
      query = query.where('type', 'not in', filter.excludeTypes);
    }
    if (filter.servedOnly === true) query = query.where('served_at', 'is not', null);
    const rows = await query
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute();
    return rows.map(toRecord);
  },

  /** Orders made for a request that are not in one of the given (terminal) states. */
  async countOpenForRequest(db: Executor, requestId: string, terminalStates: readonly string[]): Promise<number> {
    const row = await db
      .selectFrom('domestic_orders')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('request_id', '=', requestId)
      .where('state', 'not in', terminalStates)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  async countProduction(db: Executor, orderId: string): Promise<number> {
    const row = await db
      .selectFrom('order_events')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('order_id', '=', orderId)
      .where('action', '=', 'deliver-production')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
};
