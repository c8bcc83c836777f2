import type { Condition } from '@hanoi247/core';
import type { Executor } from '../db/database-schema.js';

export interface RequestEvent {
  readonly id: string;
  readonly requestId: string;
  readonly kind: 'created' | 'updated' | 'transition' | 'deadline' | 'proposal' | 'delivery' | 'note';
  readonly action: string;
  readonly fromState: string | null;
  readonly toState: string | null;
  readonly responseKind: string | null;
  readonly actorId: string | null;
  readonly actorName: string;
  readonly occurredAt: string;
  readonly payload: Readonly<Record<string, unknown>>;
}

export interface StoredCondition extends Condition {
  readonly id: string;
  readonly eventId: string;
  readonly status: 'proposed' | 'accepted' | 'declined';
  readonly createdAt: string;
  readonly decidedAt: string | null;
}

/** A request's timeline, its conditions and its links: append-mostly records beside the request. */
export const requestEventRepository = {
  async append(db: Executor, event: RequestEvent): Promise<void> {
    await db
      .insertInto('request_events')
      .values({
        id: event.id,
        request_id: event.requestId,
        kind: event.kind,
        action: event.action,
        from_state: event.fromState,
        to_state: event.toState,
        response_kind: event.responseKind,
        actor_id: event.actorId,
        actor_name: event.actorName,
        occurred_at: event.occurredAt,
        payload: JSON.stringify(event.payload),
      })
      .execute();
  },

  async listForRequest(db: Executor, requestId: string): Promise<RequestEvent[]> {
    const rows = await db
      .selectFrom('request_events')
      .selectAll()
      .where('request_id', '=', requestId)
      .orderBy('seq')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      requestId: row.request_id,
      kind: row.kind as RequestEvent['kind'],
      action: row.action,
      fromState: row.from_state,
      toState: row.to_state,
      responseKind: row.response_kind,
      actorId: row.actor_id,
      actorName: row.actor_name,
      occurredAt: row.occurred_at,
      payload: JSON.parse(row.payload) as Record<string, unknown>,
    }));
  },

  async addConditions(
    db: Executor,
    requestId: string,
    eventId: string,
    conditions: readonly Condition[],
    ids: () => string,
    at: string,
  ): Promise<void> {
    if (conditions.length === 0) return;
    await db
      .insertInto('request_conditions')
      .values(
        conditions.map((c) => ({
          id: ids(),
          request_id: requestId,
          event_id: eventId,
          kind: c.kind,
          text: c.text,
          status: 'proposed' as const,
          created_at: at,
          decided_at: null,
        })),
      )
      .execute();
  },

  async decideConditions(db: Executor, requestId: string, status: 'accepted' | 'declined', at: string): Promise<void> {
    await db
      .updateTable('request_conditions')
      .set({ status, decided_at: at })
      .where('request_id', '=', requestId)
      .where('status', '=', 'proposed')
      .execute();
  },

  async conditionsFor(db: Executor, requestId: string): Promise<StoredCondition[]> {
    const rows = await db
      .selectFrom('request_conditions')
      .selectAll()
      .where('request_id', '=', requestId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      eventId: row.event_id,
      kind: row.kind as Condition['kind'],
      text: row.text,
      status: row.status,
      createdAt: row.created_at,
      decidedAt: row.decided_at,
    }));
  },

  async link(db: Executor, fromRequestId: string, toReference: string, kind: string, at: string): Promise<void> {
    await db
      .insertInto('request_links')
      .values({ from_request_id: fromRequestId, to_reference: toReference, kind, created_at: at })
      .onConflict((oc) => oc.columns(['from_request_id', 'to_reference', 'kind']).doNothing())
      .execute();
  },

  async linksFor(db: Executor, requestId: string): Promise<{ toReference: string; kind: string; createdAt: string }[]> {
    const rows = await db
      .selectFrom('request_links')
      .selectAll()
      .where('from_request_id', '=', requestId)
      .orderBy('created_at')
      .execute();
    return rows.map((r) => ({ toReference: r.to_reference, kind: r.kind, createdAt: r.created_at }));
  },
};
