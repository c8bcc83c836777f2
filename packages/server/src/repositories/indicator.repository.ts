import type { Indicator } from '@hanoi247/core';
import { sql } from 'kysely';
import type { Executor } from '../db/database-schema.js';
import type { IndicatorsTable } from '../db/database-schema-fraud.js';

export interface IndicatorRecord {
  readonly id: string;
  readonly type: string;
  readonly valueNorm: string;
  readonly valueDisplay: string;
  readonly hashKey: string;
  readonly facts: Readonly<Record<string, unknown>>;
  readonly firstSeen: string;
  readonly lastSeen: string;
  readonly reportCount: number;
  readonly lossVnd: number;
  readonly status: string;
  readonly confidence: number | null;
  readonly tlp: string;
}

/** One sighting of an indicator in a report: added to its counts, or the indicator is created. */
export interface IndicatorSighting {
  /** The id the indicator takes if it is new. */
  readonly newId: string;
  readonly indicator: Indicator;
  readonly seenAt: string;
  readonly lossVnd: number;
  readonly tlp: string;
}

const toRecord = (row: IndicatorsTable): IndicatorRecord => ({
  id: row.id,
  type: row.type,
  valueNorm: row.value_norm,
  valueDisplay: row.value_display,
  hashKey: row.hash_key,
  facts: JSON.parse(row.facts) as Record<string, unknown>,
  firstSeen: row.first_seen,
  lastSeen: row.last_seen,
  reportCount: Number(row.report_count),
  lossVnd: Number(row.loss_vnd),
  status: row.status,
  confidence: row.confidence === null ? null : Number(row.confidence),
  tlp: row.tlp,
});

export const indicatorRepository = {
  /**
   * Creates the indicator or adds the sighting to it, in one statement (INSERT … ON CONFLICT on
   * `hash_key`, the same on SQLite and PostgreSQL): two reports naming one value at once both count.
   */
  async recordSighting(db: Executor, sighting: IndicatorSighting): Promise<string> {
    const { indicator } = sighting;
    const row = await db
      .insertInto('indicators')
      .values({
        id: sighting.newId,
        type: indicator.type,
        value_norm: indicator.valueNorm,
        value_display: indicator.valueDisplay,
        hash_key: indicator.hashKey,
        facts: JSON.stringify(indicator.facts),
        first_seen: sighting.seenAt,
        last_seen: sighting.seenAt,
        report_count: 1,
        loss_vnd: sighting.lossVnd,
        status: 'reported',
        confidence: null,
        tlp: sighting.tlp,
        created_at: sighting.seenAt,
        updated_at: sighting.seenAt,
      })
      .onConflict((conflict) =>
        conflict.column('hash_key').doUpdateSet({
          report_count: sql`indicators.report_count + 1`,
          loss_vnd: sql`indicators.loss_vnd + excluded.loss_vnd`,
          first_seen: sql`case when excluded.first_seen < indicators.first_seen
            then excluded.first_seen else indicators.first_seen end`,
          last_seen: sql`case when excluded.last_seen > indicators.last_seen
            then excluded.last_seen else indicators.last_seen end`,
          updated_at: sql`excluded.updated_at`,
        }),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async findByHashKey(db: Executor, hashKey: string): Promise<IndicatorRecord | undefined> {
    const row = await db.selectFrom('indicators').selectAll().where('hash_key', '=', hashKey).executeTakeFirst();
    return row === undefined ? undefined : toRecord(row);
  },

  /** The indicators a report links to, with the role each played. */
  async linksOf(db: Executor, reportId: string): Promise<{ role: string; indicator: IndicatorRecord }[]> {
    const rows = await db
      .selectFrom('report_indicators')
      .innerJoin('indicators', 'indicators.id', 'report_indicators.indicator_id')
      .selectAll('indicators')
      .select('report_indicators.role as role')
      .where('report_indicators.report_id', '=', reportId)
      .orderBy('report_indicators.role')
      .orderBy('indicators.hash_key')
      .execute();
    return rows.map(({ role, ...row }) => ({ role, indicator: toRecord(row) }));
  },

  async link(db: Executor, links: readonly { reportId: string; indicatorId: string; role: string }[]): Promise<void> {
    if (links.length === 0) return;
    await db
      .insertInto('report_indicators')
      .values(links.map((l) => ({ report_id: l.reportId, indicator_id: l.indicatorId, role: l.role })))
      .execute();
  },
};
