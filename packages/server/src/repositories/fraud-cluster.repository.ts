import type { ClusterReportFacts, ClusterTotals } from '@hanoi247/core';
import { PostgresAdapter } from 'kysely';
import type { Executor } from '../db/database-schema.js';
import type { FraudClustersTable } from '../db/database-schema-fraud.js';

export interface ClusterRecord {
  readonly id: string;
  readonly totals: ClusterTotals;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A report's facts as a cluster needs them, with its id. */
export interface ClusterReportRecord extends ClusterReportFacts {
  readonly id: string;
}

export const toCluster = (row: FraudClustersTable): ClusterRecord => ({
  id: row.id,
  totals: {
    reportCount: Number(row.report_count),
    victimCount: Number(row.victim_count),
    lossVnd: Number(row.loss_vnd),
    firstSeen: row.first_seen,
    lastSeen: row.last_seen,
    provinces: JSON.parse(row.provinces) as Record<string, number>,
    scamTypes: JSON.parse(row.scam_types) as Record<string, number>,
  },
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const totalsColumns = (totals: ClusterTotals) => ({
  report_count: totals.reportCount,
  victim_count: totals.victimCount,
  loss_vnd: totals.lossVnd,
  first_seen: totals.firstSeen,
  last_seen: totals.lastSeen,
  provinces: JSON.stringify(totals.provinces),
  scam_types: JSON.stringify(totals.scamTypes),
});

/**
 * Row locks are taken on PostgreSQL only (`SELECT … FOR UPDATE`): on SQLite the write transaction already holds
 * the database's single write lock, so two transactions never interleave their writes.
 */
const locks = (db: Executor) => db.getExecutor().adapter instanceof PostgresAdapter;

/** Writes of the incremental clustering: every statement goes through an index on a cluster or indicator id. */
export const fraudClusterRepository = {
  /** The indicators, locked in id order (one order for every transaction), with their status and cluster. */
  async lockIndicators(
    db: Executor,
    ids: readonly string[],
  ): Promise<{ id: string; status: string; clusterId: string | null }[]> {
    if (ids.length === 0) return [];
    const query = db
      .selectFrom('indicators')
      .select(['id', 'status', 'cluster_id'])
      .where('id', 'in', [...ids])
      .orderBy('id');
    const rows = await (locks(db) ? query.forUpdate() : query).execute();
    return rows.map((r) => ({ id: r.id, status: r.status, clusterId: r.cluster_id }));
  },

  /** The clusters, locked in id order, so no other transaction merges, splits or counts them meanwhile. */
  async lockClusters(db: Executor, ids: readonly string[]): Promise<ClusterRecord[]> {
    if (ids.length === 0) return [];
    const query = db
      .selectFrom('fraud_clusters')
      .selectAll()
      .where('id', 'in', [...ids])
      .orderBy('id');
    return (await (locks(db) ? query.forUpdate() : query).execute()).map(toCluster);
  },

  async insert(db: Executor, id: string, totals: ClusterTotals, now: string): Promise<void> {
    await db
      .insertInto('fraud_clusters')
      .values({ id, ...totalsColumns(totals), created_at: now, updated_at: now })
      .execute();
  },

  async setTotals(db: Executor, id: string, totals: ClusterTotals, now: string): Promise<void> {
    await db
      .updateTable('fraud_clusters')
      .set({ ...totalsColumns(totals), updated_at: now })
      .where('id', '=', id)
      .execute();
  },

  /** Moves every member of cluster `from` into `into` and deletes `from`: the cost of `from`'s size. */
  async mergeInto(db: Executor, from: string, into: string): Promise<void> {
    await db.updateTable('indicators').set({ cluster_id: into }).where('cluster_id', '=', from).execute();
    await db.updateTable('cluster_reports').set({ cluster_id: into }).where('cluster_id', '=', from).execute();
    await db.deleteFrom('fraud_clusters').where('id', '=', from).execute();
  },

  /** The indicator stops linking: retracted, and out of its cluster. */
  async retractIndicator(db: Executor, id: string, now: string): Promise<void> {
    await db
      .updateTable('indicators')
      .set({ status: 'retracted', cluster_id: null, updated_at: now })
      .where('id', '=', id)
      .execute();
  },

  async delete(db: Executor, id: string): Promise<void> {
    await db.deleteFrom('fraud_clusters').where('id', '=', id).execute();
  },

  async assignIndicators(db: Executor, ids: readonly string[], clusterId: string | null): Promise<void> {
    if (ids.length === 0) return;
    await db
      .updateTable('indicators')
      .set({ cluster_id: clusterId })
      .where('id', 'in', [...ids])
      .execute();
  },

  async addReport(db: Executor, clusterId: string, reportId: string): Promise<void> {
    await db.insertInto('cluster_reports').values({ cluster_id: clusterId, report_id: reportId }).execute();
  },

  async moveReports(db: Executor, reportIds: readonly string[], clusterId: string): Promise<void> {
    if (reportIds.length === 0) return;
    await db
      .updateTable('cluster_reports')
      .set({ cluster_id: clusterId })
      .where('report_id', 'in', [...reportIds])
      .execute();
  },

  async removeReports(db: Executor, reportIds: readonly string[]): Promise<void> {
    if (reportIds.length === 0) return;
    await db
      .deleteFrom('cluster_reports')
      .where('report_id', 'in', [...reportIds])
      .execute();
  },

  async findById(db: Executor, id: string): Promise<ClusterRecord | undefined> {
    const row = await db.selectFrom('fraud_clusters').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : toCluster(row);
  },

  /** The cluster a report is in, if any. */
  async clusterOfReport(db: Executor, reportId: string): Promise<string | undefined> {
    const row = await db
      .selectFrom('cluster_reports')
      .select('cluster_id')
      .where('report_id', '=', reportId)
      .executeTakeFirst();
    return row?.cluster_id;
  },

  /** The cluster's reports, oldest first. */
  async reportsOf(db: Executor, clusterId: string): Promise<ClusterReportRecord[]> {
    const rows = await db
      .selectFrom('cluster_reports')
      .innerJoin('fraud_reports', 'fraud_reports.id', 'cluster_reports.report_id')
      .select(['fraud_reports.id', 'loss_vnd', 'occurred_at', 'province', 'scam_type'])
      .where('cluster_reports.cluster_id', '=', clusterId)
      .orderBy('fraud_reports.id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      lossVnd: Number(r.loss_vnd),
      occurredAt: r.occurred_at,
      province: r.province,
      scamType: r.scam_type,
    }));
  },

  /** The links of the cluster's reports to the indicators still joining them into it. */
  async linksOf(db: Executor, clusterId: string): Promise<{ reportId: string; indicatorId: string }[]> {
    return db
      .selectFrom('report_indicators')
      .innerJoin('indicators', 'indicators.id', 'report_indicators.indicator_id')
      .select(['report_indicators.report_id as reportId', 'report_indicators.indicator_id as indicatorId'])
      .where('indicators.cluster_id', '=', clusterId)
      .distinct()
      .execute();
  },
};
