import type { Executor } from '../db/database-schema.js';
import { toCluster, type ClusterRecord } from './fraud-cluster.repository.js';

export interface ClusterListFilter {
  readonly sort: 'last-seen' | 'loss';
  readonly minReports: number;
  readonly limit: number;
  readonly offset: number;
}

/** One link of a cluster's report to an indicator, with the indicator as the cluster page shows it. */
export interface ClusterEdgeRecord {
  readonly reportId: string;
  readonly role: string;
  readonly indicator: {
    readonly id: string;
    readonly type: string;
    readonly valueDisplay: string;
    readonly status: string;
    readonly reportCount: number;
    readonly clusterId: string | null;
  };
}

/** Reads of the cluster pages. */
export const fraudClusterReadRepository = {
  async list(db: Executor, filter: ClusterListFilter): Promise<{ clusters: ClusterRecord[]; total: number }> {
    const base = db.selectFrom('fraud_clusters').where('report_count', '>=', filter.minReports);
    const sorted =
      filter.sort === 'loss'
        ? base.orderBy('loss_vnd', 'desc').orderBy('id')
        : base.orderBy('last_seen', 'desc').orderBy('id');
    const rows = await sorted.selectAll().limit(filter.limit).offset(filter.offset).execute();
    const counted = await base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
    return { clusters: rows.map(toCluster), total: Number(counted.n) };
  },

  /** Every link of the cluster's reports (those to warninglisted or retracted indicators included). */
  async edgesOf(db: Executor, clusterId: string): Promise<ClusterEdgeRecord[]> {
    const rows = await db
      .selectFrom('cluster_reports')
      .innerJoin('report_indicators', 'report_indicators.report_id', 'cluster_reports.report_id')
      .innerJoin('indicators', 'indicators.id', 'report_indicators.indicator_id')
      .select([
        'report_indicators.report_id as reportId',
        'report_indicators.role as role',
        'indicators.id as id',
        'indicators.type as type',
        'indicators.value_display as valueDisplay',
        'indicators.status as status',
        'indicators.report_count as reportCount',
        'indicators.cluster_id as clusterId',
      ])
      .where('cluster_reports.cluster_id', '=', clusterId)
      .orderBy('report_indicators.report_id')
      .orderBy('indicators.id')
      .orderBy('report_indicators.role')
      .execute();
    return rows.map(({ reportId, role, ...indicator }) => ({
      reportId,
      role,
      indicator: { ...indicator, reportCount: Number(indicator.reportCount) },
    }));
  },
};
