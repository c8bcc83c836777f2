import type { Generated } from 'kysely';

/** Domestic orders to service providers (Arts. 24-30), their timeline and their clocks. */
export interface DomesticOrdersTable {
  id: string;
  reference: string;
  type: string;
  state: string;
  provider_id: string;
  request_id: string | null;
  emergency_justification: string | null;
  terms: string;
  periods: string;
  preserved_until: string | null;
  preserved_what: string | null;
  objection: string | null;
  drafted_by: string;
  authorised_by: string | null;
  authorised_at: string | null;
  served_at: string | null;
  served_document: string | null;
  served_jws: string | null;
  revision: number;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface OrderEventsTable {
  seq: Generated<number>;
  id: string;
  order_id: string;
  kind: string;
  action: string;
  from_state: string | null;
  to_state: string | null;
  side: string;
  actor_id: string | null;
  actor_name: string;
  occurred_at: string;
  payload: string;
}

export interface OrderDeadlinesTable {
  id: string;
  order_id: string;
  rule_id: string;
  status: string;
  started_at: string;
  due_at: string;
  warn_at: string;
  closed_at: string | null;
  escalated_at: string | null;
}

export interface OrderTables {
  domestic_orders: DomesticOrdersTable;
  order_events: OrderEventsTable;
  order_deadlines: OrderDeadlinesTable;
}
