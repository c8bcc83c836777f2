import { sql } from 'kysely';
import type { Executor } from '../db/database-schema.js';
import type { StoredIdentifier } from './fraud-report.repository.js';

export interface CitizenReportRecord {
  readonly reportId: string;
  readonly ackNumber: string;
  readonly tokenHash: string;
  readonly status: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface CitizenReportEvent {
  readonly kind: 'status' | 'addition';
  readonly status: string;
  readonly at: string;
}

const nextSeq = async (db: Executor, table: 'citizen_report_events' | 'fraud_report_narratives', reportId: string) => {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.max('seq').as('last'))
    .where('report_id', '=', reportId)
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
};

/** Citizens' reports: their numbers and hashed tokens, public timelines, sealed fields, spent challenges. */
export const citizenReportRepository = {
  /** The next number of the year's sequence; the unique index refuses a number taken at the same moment. */
  async nextAckSeq(db: Executor, year: number): Promise<number> {
    const row = await db
      .selectFrom('citizen_reports')
      .select((eb) => eb.fn.max('ack_seq').as('last'))
      .where('ack_year', '=', year)
      .executeTakeFirst();
    return Number(row?.last ?? 0) + 1;
  },

  async insert(
    db: Executor,
    record: CitizenReportRecord & { readonly ackYear: number; readonly ackSeq: number },
  ): Promise<void> {
    await db
      .insertInto('citizen_reports')
      .values({
        report_id: record.reportId,
        ack_number: record.ackNumber,
        ack_year: record.ackYear,
        ack_seq: record.ackSeq,
        token_hash: record.tokenHash,
        status: record.status,
        created_at: record.createdAt,
        updated_at: record.updatedAt,
      })
      .execute();
  },

  async findByAck(db: Executor, ackNumber: string): Promise<CitizenReportRecord | undefined> {
    const row = await db
      .selectFrom('citizen_reports')
      .selectAll()
      .where('ack_number', '=', ackNumber)
      .executeTakeFirst();
    return row === undefined
      ? undefined
      : {
          reportId: row.report_id,
          ackNumber: row.ack_number,
          tokenHash: row.token_hash,
          status: row.status,
          createdAt: row.created_at,
          updatedAt: row.updated_at,
        };
  },

  async touch(db: Executor, reportId: string, at: string): Promise<void> {
    await db.updateTable('citizen_reports').set({ updated_at: at }).where('report_id', '=', reportId).execute();
  },

  async appendEvent(db: Executor, reportId: string, event: CitizenReportEvent): Promise<void> {
    const seq = await nextSeq(db, 'citizen_report_events', reportId);
    await db
      .insertInto('citizen_report_events')
      .values({ report_id: reportId, seq, kind: event.kind, status: event.status, at: event.at })
      .execute();
  },

  async eventsOf(db: Executor, reportId: string): Promise<CitizenReportEvent[]> {
    const rows = await db
      .selectFrom('citizen_report_events')
      .select(['kind', 'status', 'at'])
      .where('report_id', '=', reportId)
      .orderBy('seq')
      .execute();
    return rows.map((r) => ({ kind: r.kind as CitizenReportEvent['kind'], status: r.status, at: r.at }));
  },

  /** Stores a sealed narrative; returns its sequence number, which the seal is bound to. */
  async nextNarrativeSeq(db: Executor, reportId: string): Promise<number> {
    return nextSeq(db, 'fraud_report_narratives', reportId);
  },

  async insertNarrative(db: Executor, row: { reportId: string; seq: number; sealed: string; at: string }) {
    await db
      .insertInto('fraud_report_narratives')
      .values({ report_id: row.reportId, seq: row.seq, sealed: row.sealed, created_at: row.at })
      .execute();
  },

  async narrativesOf(db: Executor, reportId: string): Promise<{ seq: number; sealed: string; createdAt: string }[]> {
    const rows = await db
      .selectFrom('fraud_report_narratives')
      .selectAll()
      .where('report_id', '=', reportId)
      .orderBy('seq')
      .execute();
    return rows.map((r) => ({ seq: Number(r.seq), sealed: r.sealed, createdAt: r.created_at }));
  },

  async insertParty(db: Executor, row: { reportId: string; role: string; sealed: string; at: string }) {
    await db
      .insertInto('fraud_report_parties')
      .values({ report_id: row.reportId, role: row.role, sealed: row.sealed, created_at: row.at })
      .execute();
  },

  async partiesOf(db: Executor, reportId: string): Promise<{ role: string; sealed: string }[]> {
    return db.selectFrom('fraud_report_parties').select(['role', 'sealed']).where('report_id', '=', reportId).execute();
  },

  /** True when any narrative or party was sealed: then a missing storage key was lost, not never made. */
  async anySealed(db: Executor): Promise<boolean> {
    const narrative = await db.selectFrom('fraud_report_narratives').select('report_id').limit(1).executeTakeFirst();
    const party = await db.selectFrom('fraud_report_parties').select('report_id').limit(1).executeTakeFirst();
    return narrative !== undefined || party !== undefined;
  },

  /** Records a challenge as spent; false when it already was (a replay). Expired ones are dropped first. */
  async spendChallenge(db: Executor, id: string, expiresAt: string, now: string): Promise<boolean> {
    await db.deleteFrom('fraud_pow_challenges').where('expires_at', '<', now).execute();
    const result = await db
      .insertInto('fraud_pow_challenges')
      .values({ id, expires_at: expiresAt, used_at: now })
      .onConflict((c) => c.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();
    return result !== undefined;
  },

  /** The (indicator, role) pairs a report links to already. */
  async linkedPairs(db: Executor, reportId: string): Promise<{ indicatorId: string; role: string }[]> {
    const rows = await db
      .selectFrom('report_indicators')
      .select(['indicator_id', 'role'])
      .where('report_id', '=', reportId)
      .execute();
    return rows.map((r) => ({ indicatorId: r.indicator_id, role: r.role }));
  },

  /** An addition joins the report: its identifiers as given, its VND loss on the report and its indicators. */
  async addToReport(
    db: Executor,
    change: { reportId: string; identifiers: readonly StoredIdentifier[]; lossVnd: number; indicatorIds: string[] },
  ): Promise<void> {
    const report = await db
      .selectFrom('fraud_reports')
      .select('identifiers')
      .where('id', '=', change.reportId)
      .executeTakeFirstOrThrow();
    const identifiers = [...(JSON.parse(report.identifiers) as StoredIdentifier[]), ...change.identifiers];
    await db
      .updateTable('fraud_reports')
      .set({ identifiers: JSON.stringify(identifiers), loss_vnd: sql`loss_vnd + ${change.lossVnd}` })
      .where('id', '=', change.reportId)
      .execute();
    if (change.lossVnd === 0 || change.indicatorIds.length === 0) return;
    await db
      .updateTable('indicators')
      .set({ loss_vnd: sql`loss_vnd + ${change.lossVnd}` })
      .where('id', 'in', change.indicatorIds)
      .execute();
  },

  async lastTransferSeq(db: Executor, reportId: string): Promise<number> {
    const row = await db
      .selectFrom('fraud_transfers')
      .select((eb) => eb.fn.max('seq').as('last'))
      .where('report_id', '=', reportId)
      .executeTakeFirst();
    return Number(row?.last ?? 0);
  },
};
