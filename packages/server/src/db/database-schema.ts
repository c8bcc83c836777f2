import type { Generated, Kysely, Transaction } from 'kysely';
import type { FraudTables } from './database-schema-fraud.js';
import type { OrderTables } from './database-schema-orders.js';
import type { LeaseColumns } from './lease-columns.js';

/**
 * Table shapes as Kysely sees them. Timestamps are ISO-8601 UTC text on both engines
 * (see docs/adr/0002-portable-storage-types.md): exact round trips, and the same
 * string that goes into canonical JSON and signatures.
 */
export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  roles: string;
  password_hash: string;
  totp_secret: string | null;
  totp_last_step: number | null;
  status: 'active' | 'disabled';
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  id: string;
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  idle_expires_at: string;
  absolute_expires_at: string;
  revoked_at: string | null;
}

export interface ApiTokensTable {
  id: string;
  token_hash: string;
  user_id: string;
  name: string;
  scopes: string;
  created_at: string;
  expires_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface TotpEnrolmentsTable {
  id: string;
  token_hash: string;
  user_id: string;
  secret: string;
  created_at: string;
  expires_at: string;
  consumed_at: string | null;
}

export interface BootstrapTokensTable {
  id: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
  consumed_at: string | null;
}

export interface AuditEntriesTable {
  seq: number;
  id: string;
  occurred_at: string;
  actor_type: string;
  actor_id: string | null;
  actor_name: string;
  action: string;
  object_type: string;
  object_id: string | null;
  purpose: string | null;
  outcome: string;
  request_id: string | null;
  details: string;
  canonical: string;
  digest: string;
}

export interface CountersTable {
  name: string;
  value: number;
}

export interface CasesTable {
  id: string;
  domestic_reference: string;
  title: string;
  data: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface RequestsTable {
  id: string;
  reference: string;
  case_id: string | null;
  type: string;
  direction: 'outgoing' | 'incoming';
  state: string;
  legal_basis: string;
  requesting_state: string;
  requested_state: string;
  language: string;
  translations: string;
  priority: 'emergency' | 'urgent' | 'normal';
  priority_rank: number;
  emergency_justification: string | null;
  details: string;
  drafted_by: string;
  consultation_recorded_at: string | null;
  parent_request_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
  /** 0008: the officer handling the request, if any. */
  assigned_to: string | null;
  /** 0009: the latest date a provider confirmed the data preserved until (this node's orders, or mirrored). */
  preserved_until: string | null;
  /** 0009: the end of the domestic order's current period, renewals included. */
  preservation_ordered_until: string | null;
  /** 0009: the version of the legal rule set the request was made under (the partner's, for an incoming one). */
  rule_set_version: string | null;
}

export interface RequestEventsTable {
  seq: Generated<number>;
  id: string;
  request_id: string;
  kind: string;
  action: string;
  from_state: string | null;
  to_state: string | null;
  response_kind: string | null;
  actor_id: string | null;
  actor_name: string;
  occurred_at: string;
  payload: string;
}

export interface RequestConditionsTable {
  id: string;
  request_id: string;
  event_id: string;
  kind: string;
  text: string;
  status: 'proposed' | 'accepted' | 'declined';
  created_at: string;
  decided_at: string | null;
}

export interface RequestLinksTable {
  from_request_id: string;
  to_reference: string;
  kind: string;
  created_at: string;
}

export interface DeadlinesTable {
  id: string;
  request_id: string;
  rule_id: string;
  status: string;
  started_at: string;
  due_at: string;
  warn_at: string;
  closed_at: string | null;
  escalated_at: string | null;
}

export interface PeersTable {
  country: string;
  name: string;
  base_url: string;
  signed_descriptor: string;
  pinned_fingerprint: string;
  status: 'active' | 'removed';
  added_at: string;
  updated_at: string;
}

export interface PeerKeysTable {
  country: string;
  key_id: string;
  signing_public_key: string;
  encryption_public_key: string;
  created_at: string;
  retired_at: string | null;
}

/** 0011: leased by a dispatch run while it sends the message; no other run sends it meanwhile. */
export interface OutboxTable extends LeaseColumns {
  message_id: string;
  to_country: string;
  type: string;
  request_id: string | null;
  envelope: string | null;
  envelope_digest: string | null;
  status: 'pending' | 'delivered' | 'failed' | 'undeliverable';
  priority_rank: number;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  receipt: string | null;
  created_at: string;
  delivered_at: string | null;
}

export interface JobsTable extends LeaseColumns {
  id: string;
  kind: string;
  payload: string;
  state: 'pending' | 'done' | 'failed';
  attempts: number;
  run_at: string;
  error_code: string | null;
  error_detail: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

export interface InboxTable {
  message_id: string;
  from_country: string;
  type: string;
  envelope: string;
  envelope_digest: string;
  payload: string;
  receipt: string;
  status: 'processed' | 'deferred' | 'rejected';
  error: string | null;
  request_id: string | null;
  received_at: string;
  processed_at: string | null;
}

export interface LedgerPendingTable {
  seq: Generated<number>;
  kind: string;
  ref_id: string;
  leaf_data: string;
  queued_at: string;
}

export interface LedgerLeavesTable {
  leaf_index: number;
  kind: string;
  ref_id: string;
  leaf_data: string;
  leaf_hash: string;
  queued_at: string;
  sequenced_at: string;
}

export interface LedgerNodesTable {
  level: number;
  node_index: number;
  hash: string;
}

export interface LedgerCheckpointsTable {
  tree_size: number;
  root_hash: string;
  note: string;
  created_at: string;
}

export interface PartnerCheckpointsTable {
  country: string;
  tree_size: number;
  root_hash: string;
  note: string;
  received_at: string;
  consistency_verified: number;
}

export interface LedgerAlertsTable {
  id: string;
  country: string;
  kind: string;
  tree_size: number;
  first_note: string;
  second_note: string;
  raised_at: string;
}

export interface EvidenceItemsTable {
  id: string;
  request_id: string | null;
  /** The domestic order whose production this is (0007); the item's owner when request_id is null. */
  order_id: string | null;
  sha256: string;
  size: number;
  media_type: string;
  filename: string;
  metadata: string;
  origin_country: string;
  onward_transfer: string;
  personal_data: number;
  retention_until: string | null;
  wrapped_key: string | null;
  created_by: string;
  created_at: string;
  erased_at: string | null;
}

export interface EvidenceUploadsTable {
  id: string;
  /** Null for a production upload under a purely domestic order (0007). */
  request_id: string | null;
  order_id: string | null;
  declared_size: number;
  declared_sha256: string | null;
  received_bytes: number;
  metadata: string;
  status: string;
  evidence_id: string | null;
  created_by: string;
  created_at: string;
  expires_at: string;
}

export interface CustodyEventsTable {
  id: string;
  evidence_id: string;
  request_id: string | null;
  type: string;
  occurred_at: string;
  leaf_data: string;
  event_hash: string;
  personal: string | null;
  salt: string | null;
  created_at: string;
}

export interface EvidenceTransfersTable {
  id: string;
  direction: string;
  country: string;
  request_id: string;
  message_id: string | null;
  offer: string;
  content_key: string | null;
  status: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface ForeignCustodyEventsTable {
  evidence_id: string;
  position: number;
  country: string;
  leaf_data: string;
  leaf_index: number;
  proof: string;
  checkpoint_size: number;
}

export interface OnwardTransferAuthorisationsTable {
  id: string;
  evidence_id: string;
  origin_country: string;
  to_country: string;
  reference: string;
  recorded_by: string;
  recorded_at: string;
}

export interface ProvidersTable {
  id: string;
  legal_name: string;
  country: string;
  type: string;
  profile: string;
  active: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface ProviderMembershipsTable {
  user_id: string;
  provider_id: string;
  created_by: string;
  created_at: string;
}

export interface DatabaseSchema extends OrderTables, FraudTables {
  providers: ProvidersTable;
  provider_memberships: ProviderMembershipsTable;
  ledger_pending: LedgerPendingTable;
  ledger_leaves: LedgerLeavesTable;
  ledger_nodes: LedgerNodesTable;
  ledger_checkpoints: LedgerCheckpointsTable;
  partner_checkpoints: PartnerCheckpointsTable;
  ledger_alerts: LedgerAlertsTable;
  evidence_items: EvidenceItemsTable;
  evidence_uploads: EvidenceUploadsTable;
  custody_events: CustodyEventsTable;
  onward_transfer_authorisations: OnwardTransferAuthorisationsTable;
  evidence_transfers: EvidenceTransfersTable;
  foreign_custody_events: ForeignCustodyEventsTable;
  peers: PeersTable;
  peer_keys: PeerKeysTable;
  outbox: OutboxTable;
  jobs: JobsTable;
  inbox: InboxTable;
  counters: CountersTable;
  cases: CasesTable;
  requests: RequestsTable;
  request_events: RequestEventsTable;
  request_conditions: RequestConditionsTable;
  request_links: RequestLinksTable;
  deadlines: DeadlinesTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  totp_enrolments: TotpEnrolmentsTable;
  bootstrap_tokens: BootstrapTokensTable;
  audit_entries: Omit<AuditEntriesTable, 'seq'> & { seq: Generated<number> };
}

export type Db = Kysely<DatabaseSchema>;
export type Tx = Transaction<DatabaseSchema>;
/** Repositories accept either, so a service decides the transaction boundary. */
export type Executor = Db | Tx;
export type Dialect = 'sqlite' | 'postgres';
