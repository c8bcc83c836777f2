import type { DeadlineStatus, OrderDeadlineInstance, OrderSide } from '@hanoi247/core';
import type { Executor } from '../db/database-schema.js';
import type { OrderDeadlinesTable } from '../db/database-schema-orders.js';

export interface OrderEvent {
  readonly id: string;
  readonly orderId: string;
  readonly kind: 'created' | 'transition' | 'deadline' | 'production' | 'signed';
  readonly action: string;
  readonly fromState: string | null;
  readonly toState: string | null;
  readonly side: OrderSide;
  readonly actorId: string | null;
  readonly actorName: string;
  readonly occurredAt: string;
  readonly payload: Readonly<Record<string, unknown>>;
}

export interface OrderDeadlineRecord extends OrderDeadlineInstance {
  readonly startedAt: string;
  readonly closedAt: string | null;
  readonly escalatedAt: string | null;
}

const toDeadline = (row: OrderDeadlinesTable): OrderDeadlineRecord => ({
  id: row.id,
  orderId: row.order_id,
  ruleId: row.rule_id,
  status: row.status as DeadlineStatus,
  startedAt: row.started_at,
  dueAt: row.due_at,
  warnAt: row.warn_at,
  closedAt: row.closed_at,
  escalatedAt: row.escalated_at,
});

const running: DeadlineStatus[] = ['open', 'warned'];

/** An order's timeline: append-only, and seen by both sides (the provider without officers' names). */
export const orderEventRepository = {
  async append(db: Executor, event: OrderEvent): Promise<void> {
    await db
      .insertInto('order_events')
      .values({
        id: event.id,
        order_id: event.orderId,
        kind: event.kind,
        action: event.action,
        from_state: event.fromState,
        to_state: event.toState,
        side: event.side,
        actor_id: event.actorId,
        actor_name: event.actorName,
        occurred_at: event.occurredAt,
        payload: JSON.stringify(event.payload),
      })
      .execute();
  },

  async listForOrder(db: Executor, orderId: string): Promise<OrderEvent[]> {
    const rows = await db
      .selectFrom('order_events')
      .selectAll()
      .where('order_id', '=', orderId)
      .orderBy('seq')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      orderId: row.order_id,
      kind: row.kind as OrderEvent['kind'],
      action: row.action,
      fromState: row.from_state,
      toState: row.to_state,
      side: row.side as OrderSide,
      actorId: row.actor_id,
      actorName: row.actor_name,
      occurredAt: row.occurred_at,
      payload: JSON.parse(row.payload) as Record<string, unknown>,
    }));
  },

  /** The first time each action happened on each of these orders: the milestones statistics measure. */
  async firstOccurrences(
    db: Executor,
    orderIds: readonly string[],
    actions: readonly string[],
  ): Promise<{ orderId: string; action: string; at: string }[]> {
    if (orderIds.length === 0) return [];
    const rows = await db
      .selectFrom('order_events')
      .select(['order_id', 'action', (eb) => eb.fn.min<string>('occurred_at').as('first')])
      .where('order_id', 'in', orderIds)
      .where('action', 'in', actions)
      .where('kind', '=', 'transition')
      .groupBy(['order_id', 'action'])
      .execute();
    return rows.map((r) => ({ orderId: r.order_id, action: r.action, at: r.first }));
  },
};

export const orderDeadlineRepository = {
  async insert(db: Executor, record: OrderDeadlineRecord): Promise<void> {
    await db
      .insertInto('order_deadlines')
      .values({
        id: record.id,
        order_id: record.orderId,
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

  async settle(db: Executor, orderId: string, ruleId: string, status: DeadlineStatus, at: string): Promise<void> {
    await db
      .updateTable('order_deadlines')
      .set({ status, closed_at: at })
      .where('order_id', '=', orderId)
      .where('rule_id', '=', ruleId)
      .where('status', 'in', running)
      .execute();
  },

  async setStatus(db: Executor, id: string, status: DeadlineStatus, at: string, escalated: boolean): Promise<void> {
    await db
      .updateTable('order_deadlines')
      .set({
        status,
        ...(status === 'breached' || status === 'expired' ? { closed_at: at } : {}),
        ...(escalated ? { escalated_at: at } : {}),
      })
      .where('id', '=', id)
      .execute();
  },

  async forOrder(db: Executor, orderId: string): Promise<OrderDeadlineRecord[]> {
    const rows = await db
      .selectFrom('order_deadlines')
      .selectAll()
      .where('order_id', '=', orderId)
      .orderBy('started_at')
      .orderBy('id')
      .execute();
    return rows.map(toDeadline);
  },

  async running(db: Executor, limit: number): Promise<OrderDeadlineRecord[]> {
    const rows = await db
      .selectFrom('order_deadlines')
      .selectAll()
      .where('status', 'in', running)
      .orderBy('due_at')
      .limit(limit)
      .execute();
    return rows.map(toDeadline);
  },
};
