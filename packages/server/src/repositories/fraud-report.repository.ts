import type { Executor } from '../db/database-schema.js';
import type { FraudReportsTable, FraudTransfersTable } from '../db/database-schema-fraud.js';

/** An identifier of a report as given, with the indicator it became (its hash key) or why it was refused. */
export interface StoredIdentifier {
  readonly type: string;
  readonly value: string;
  readonly role: string;
  readonly hashKey: string | null;
  readonly refusal: string | null;
}

export interface FraudReportRecord {
  readonly id: string;
  readonly channel: 'citizen' | 'institution';
  readonly institutionId: string | null;
  readonly institutionReference: string | null;
  readonly bodyDigest: string;
  readonly scamType: string;
  readonly scamTypesVersion: string;
  readonly occurredAt: string;
  readonly reportedAt: string;
  readonly firstContact: string;
  readonly province: string | null;
  readonly lossVnd: number;
  readonly identifiers: readonly StoredIdentifier[];
  readonly tlp: string;
  readonly submittedBy: string;
}

export interface FraudTransferRecord {
  readonly seq: number;
  readonly at: string;
  readonly amount: string;
  readonly currency: string;
  readonly payerInstitution: string | null;
  readonly payeeType: string | null;
  readonly payeeValue: string | null;
  readonly payeeIndicatorId: string | null;
  readonly payeeRefusal: string | null;
  readonly transactionReference: string | null;
}

const toRecord = (row: FraudReportsTable): FraudReportRecord => ({
  id: row.id,
  channel: row.channel as FraudReportRecord['channel'],
  institutionId: row.institution_id,
  institutionReference: row.institution_reference,
  bodyDigest: row.body_digest,
  scamType: row.scam_type,
  scamTypesVersion: row.scam_types_version,
  occurredAt: row.occurred_at,
  reportedAt: row.reported_at,
  firstContact: row.first_contact,
  province: row.province,
  lossVnd: Number(row.loss_vnd),
  identifiers: JSON.parse(row.identifiers) as StoredIdentifier[],
  tlp: row.tlp,
  submittedBy: row.submitted_by,
});

const toTransfer = (row: FraudTransfersTable): FraudTransferRecord => ({
  seq: Number(row.seq),
  at: row.at,
  amount: row.amount,
  currency: row.currency,
  payerInstitution: row.payer_institution,
  payeeType: row.payee_type,
  payeeValue: row.payee_value,
  payeeIndicatorId: row.payee_indicator_id,
  payeeRefusal: row.payee_refusal,
  transactionReference: row.transaction_reference,
});

export const fraudReportRepository = {
  async insert(db: Executor, record: FraudReportRecord): Promise<void> {
    await db
      .insertInto('fraud_reports')
      .values({
        id: record.id,
        channel: record.channel,
        institution_id: record.institutionId,
        institution_reference: record.institutionReference,
        body_digest: record.bodyDigest,
        scam_type: record.scamType,
        scam_types_version: record.scamTypesVersion,
        occurred_at: record.occurredAt,
        reported_at: record.reportedAt,
        first_contact: record.firstContact,
        province: record.province,
        loss_vnd: record.lossVnd,
        identifiers: JSON.stringify(record.identifiers),
        tlp: record.tlp,
        submitted_by: record.submittedBy,
      })
      .execute();
  },

  async insertTransfers(db: Executor, reportId: string, transfers: readonly FraudTransferRecord[]): Promise<void> {
    if (transfers.length === 0) return;
    await db
      .insertInto('fraud_transfers')
      .values(
        transfers.map((t) => ({
          report_id: reportId,
          seq: t.seq,
          at: t.at,
          amount: t.amount,
          currency: t.currency,
          payer_institution: t.payerInstitution,
          payee_type: t.payeeType,
          payee_value: t.payeeValue,
          payee_indicator_id: t.payeeIndicatorId,
          payee_refusal: t.payeeRefusal,
          transaction_reference: t.transactionReference,
        })),
      )
      .execute();
  },

  async findById(db: Executor, id: string): Promise<FraudReportRecord | undefined> {
    const row = await db.selectFrom('fraud_reports').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : toRecord(row);
  },

  /** The report an institution already sent under this reference, if any. */
  async findByReference(
    db: Executor,
    institutionId: string,
    reference: string,
  ): Promise<FraudReportRecord | undefined> {
    const row = await db
      .selectFrom('fraud_reports')
      .selectAll()
      .where('institution_id', '=', institutionId)
      .where('institution_reference', '=', reference)
      .executeTakeFirst();
    return row === undefined ? undefined : toRecord(row);
  },

  async transfersOf(db: Executor, reportId: string): Promise<FraudTransferRecord[]> {
    const rows = await db
      .selectFrom('fraud_transfers')
      .selectAll()
      .where('report_id', '=', reportId)
      .orderBy('seq')
      .execute();
    return rows.map(toTransfer);
  },
};
