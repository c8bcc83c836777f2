import type { CitizenReportTables } from './database-schema-citizen.js';

/**
 * Online fraud (issue 14): reports, their transfers, and the scam indicators they name, stored once
 * per `hash_key` (= `type|value_norm`) and linked to each report with the role they played.
 */
export interface FraudReportsTable {
  id: string;
  channel: string;
  /** The reporting institution (a provider of the registry); null for a citizen's report. */
  institution_id: string | null;
  institution_reference: string | null;
  /** SHA-256 of the canonical JSON of the report as submitted: a replay must match it exactly. */
  body_digest: string;
  scam_type: string;
  scam_types_version: string;
  occurred_at: string;
  reported_at: string;
  first_contact: string;
  province: string | null;
  loss_vnd: number;
  /** JSON: every identifier as given, with its indicator's hash key or the reason it was refused. */
  identifiers: string;
  tlp: string;
  submitted_by: string;
}

export interface FraudTransfersTable {
  report_id: string;
  seq: number;
  at: string;
  /** As given, in the currency's main unit (decimal text): never converted. */
  amount: string;
  currency: string;
  payer_institution: string | null;
  payee_type: string | null;
  payee_value: string | null;
  payee_indicator_id: string | null;
  payee_refusal: string | null;
  transaction_reference: string | null;
}

export interface IndicatorsTable {
  id: string;
  type: string;
  value_norm: string;
  value_display: string;
  hash_key: string;
  facts: string;
  first_seen: string;
  last_seen: string;
  report_count: number;
  loss_vnd: number;
  status: string;
  confidence: number | null;
  tlp: string;
  created_at: string;
  updated_at: string;
  /** The cluster the indicator joins its reports into; null while it links none (warninglisted, retracted). */
  cluster_id: string | null;
}

/** A cluster of reports sharing linking indicators, with its totals kept incrementally. */
export interface FraudClustersTable {
  id: string;
  report_count: number;
  /** One per report for now: no report yet says whether two victims are one person. */
  victim_count: number;
  loss_vnd: number;
  /** The earliest and latest `occurred_at` of its reports, in UTC. */
  first_seen: string | null;
  last_seen: string | null;
  /** JSON: each province with its number of reports. */
  provinces: string;
  /** JSON: each scam type with its number of reports. */
  scam_types: string;
  created_at: string;
  updated_at: string;
}

export interface ClusterReportsTable {
  report_id: string;
  cluster_id: string;
}

export interface ReportIndicatorsTable {
  report_id: string;
  indicator_id: string;
  role: string;
}

/** With citizens' reports (migration 0014, database-schema-citizen.ts). */
export interface FraudTables extends CitizenReportTables {
  fraud_reports: FraudReportsTable;
  fraud_transfers: FraudTransfersTable;
  indicators: IndicatorsTable;
  report_indicators: ReportIndicatorsTable;
  fraud_clusters: FraudClustersTable;
  cluster_reports: ClusterReportsTable;
}
