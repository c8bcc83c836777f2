/** Citizens' fraud reports (migration 0014): numbers and tokens, public timeline, sealed fields, spent challenges. */
export interface CitizenReportsTable {
  report_id: string;
  /** `VN-FR-2026-000123`: the reporter's acknowledgement number. */
  ack_number: string;
  ack_year: number;
  ack_seq: number;
  /** SHA-256 of the status token, which is shown once and never stored. */
  token_hash: string;
  status: string;
  created_at: string;
  updated_at: string;
}

export interface CitizenReportEventsTable {
  report_id: string;
  seq: number;
  /** `status` (the report's public status changed) or `addition` (the reporter added information). */
  kind: string;
  status: string;
  at: string;
}

/** A narrative (the first, then each addition), sealed under the narrative key; never beside an indicator. */
export interface FraudReportNarrativesTable {
  report_id: string;
  seq: number;
  sealed: string;
  created_at: string;
}

/** A party's identity or contact (the reporter's name, phone, email), sealed under the contact key. */
export interface FraudReportPartiesTable {
  report_id: string;
  role: string;
  sealed: string;
  created_at: string;
}

/** A proof-of-work challenge already spent: a second use is refused until it expires anyway. */
export interface FraudPowChallengesTable {
  id: string;
  expires_at: string;
  used_at: string;
}

export interface CitizenReportTables {
  citizen_reports: CitizenReportsTable;
  citizen_report_events: CitizenReportEventsTable;
  fraud_report_narratives: FraudReportNarrativesTable;
  fraud_report_parties: FraudReportPartiesTable;
  fraud_pow_challenges: FraudPowChallengesTable;
}
