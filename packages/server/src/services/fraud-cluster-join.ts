import {
  mergeClusterTotals,
  planClusterJoin,
  linksIntoClusters,
  reportTotals,
  warninglisted,
  type ClusterReportFacts,
  type Indicator,
  type IndicatorLink,
} from '@hanoi247/core';
import type { Tx } from '../db/database-schema.js';
import { fraudClusterRepository } from '../repositories/fraud-cluster.repository.js';
import type { ServiceRuntime } from './service-runtime.js';

/** A report just written, as the clustering needs it: its links and the id each indicator got. */
export interface ReportToCluster {
  readonly reportId: string;
  readonly links: readonly IndicatorLink[];
  readonly idOf: ReadonlyMap<string, string>;
  readonly facts: ClusterReportFacts;
}

/** The cluster a report joined (null when none of its indicators links) and the clusters merged into it. */
export interface ClusterJoin {
  readonly clusterId: string | null;
  readonly merged: readonly string[];
}

/**
 * Joins a report, in its own transaction, to the cluster of its linking indicators (not warninglisted, not
 * retracted or expired): a new cluster if none has one, the oldest if several, the others merged into it. Reads
 * and writes only the clusters the report touches, through indexes: the cost does not grow with the database.
 *
 * Several node processes: the indicators are locked first (`SELECT … FOR UPDATE` on PostgreSQL, after the
 * report's upserts, in id order), then their clusters (in id order). A second report naming one of these
 * indicators waits at that lock and then sees the cluster the first one created, so two reports never create
 * two clusters for one indicator. On SQLite the write transaction serialises reports.
 */
export async function joinCluster(tx: Tx, runtime: ServiceRuntime, report: ReportToCluster): Promise<ClusterJoin> {
  // Warninglisted indicators (shared, busy rows) are left out before locking; the full rule applies once the
  // status is known.
  const candidates = new Map<string, Indicator>();
  for (const { indicator } of report.links) {
    const id = report.idOf.get(indicator.hashKey);
    if (id !== undefined && warninglisted(indicator).length === 0) candidates.set(id, indicator);
  }
  const locked = await fraudClusterRepository.lockIndicators(tx, [...candidates.keys()]);
  const rows = locked.filter((r) => {
    const indicator = candidates.get(r.id);
    return indicator !== undefined && linksIntoClusters(indicator, r.status);
  });
  if (rows.length === 0) return { clusterId: null, merged: [] };
  const plan = planClusterJoin(
    rows.map((r) => r.id),
    new Map(rows.map((r) => [r.id, r.clusterId])),
  );
  const now = runtime.clock.now().toISOString();
  const own = reportTotals(report.facts);
  let clusterId: string;
  if (plan.join === 'new') {
    clusterId = runtime.ids();
    await fraudClusterRepository.insert(tx, clusterId, own, now);
  } else {
    clusterId = plan.join;
    const clusters = await fraudClusterRepository.lockClusters(tx, [plan.join, ...plan.merge]);
    const totals = clusters.reduce((sum, cluster) => mergeClusterTotals(sum, cluster.totals), own);
    for (const from of plan.merge) await fraudClusterRepository.mergeInto(tx, from, clusterId);
    await fraudClusterRepository.setTotals(tx, clusterId, totals, now);
  }
  await fraudClusterRepository.assignIndicators(
    tx,
    rows.filter((r) => r.clusterId !== clusterId).map((r) => r.id),
    clusterId,
  );
  await fraudClusterRepository.addReport(tx, clusterId, report.reportId);
  return { clusterId, merged: plan.merge };
}
