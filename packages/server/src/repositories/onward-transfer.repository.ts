import type { Executor } from '../db/database-schema.js';

export interface OnwardTransferAuthorisation {
  readonly id: string;
  readonly evidenceId: string;
  readonly originCountry: string;
  /** A State (ISO 3166 alpha-2) or an international organisation. */
  readonly destination: string;
  readonly reference: string;
  readonly recordedBy: string;
  readonly recordedAt: string;
}

export const onwardTransferRepository = {
  async insert(db: Executor, authorisation: OnwardTransferAuthorisation): Promise<void> {
    await db
      .insertInto('onward_transfer_authorisations')
      .values({
        id: authorisation.id,
        evidence_id: authorisation.evidenceId,
        origin_country: authorisation.originCountry,
        to_country: authorisation.destination,
        reference: authorisation.reference,
        recorded_by: authorisation.recordedBy,
        recorded_at: authorisation.recordedAt,
      })
      .execute();
  },

  async forEvidence(db: Executor, evidenceId: string): Promise<OnwardTransferAuthorisation[]> {
    const rows = await db
      .selectFrom('onward_transfer_authorisations')
      .selectAll()
      .where('evidence_id', '=', evidenceId)
      .orderBy('recorded_at')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      evidenceId: r.evidence_id,
      originCountry: r.origin_country,
      destination: r.to_country,
      reference: r.reference,
      recordedBy: r.recorded_by,
      recordedAt: r.recorded_at,
    }));
  },
};
