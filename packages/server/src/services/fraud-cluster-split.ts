import { clusterComponents, clusterTotals } from '@hanoi247/core';
import type { Tx } from '../db/database-schema.js';
import { fraudClusterRepository } from '../repositories/fraud-cluster.repository.js';
import type { ServiceRuntime } from './service-runtime.js';

/**
 * Recomputes one cluster after one of its indicators stopped linking: the connected components of its reports
 * over the links left. The component holding the oldest report keeps the cluster's id, each other one becomes a
 * new cluster, and a report with no link left leaves clusters altogether. Reads and writes only this cluster's
 * reports and links: the cost of the cluster, not of the database. Returns the clusters left, oldest first.
 */
export async function splitCluster(tx: Tx, runtime: ServiceRuntime, clusterId: string): Promise<string[]> {
  await fraudClusterRepository.lockClusters(tx, [clusterId]);
  const reports = await fraudClusterRepository.reportsOf(tx, clusterId);
  const links = await fraudClusterRepository.linksOf(tx, clusterId);
  const linked = new Set(links.map((l) => l.reportId));
  const components = clusterComponents(
    reports.map((r) => r.id),
    links,
  );
  const kept = components.filter((c) => c.some((r) => linked.has(r)));
  await fraudClusterRepository.removeReports(
    tx,
    reports.map((r) => r.id).filter((r) => !linked.has(r)),
  );
  const [first, ...others] = kept;
  if (first === undefined) {
    await fraudClusterRepository.delete(tx, clusterId);
    return [];
  }
  const now = runtime.clock.now().toISOString();
  const factsOf = new Map(reports.map((r) => [r.id, r]));
  const totalsOf = (component: readonly string[]) => clusterTotals(component.flatMap((r) => factsOf.get(r) ?? []));
  await fraudClusterRepository.setTotals(tx, clusterId, totalsOf(first), now);
  const left = [clusterId];
  for (const component of others) {
    const id = runtime.ids();
    const members = new Set(component);
    await fraudClusterRepository.insert(tx, id, totalsOf(component), now);
    await fraudClusterRepository.moveReports(tx, component, id);
    const indicators = new Set(links.filter((l) => members.has(l.reportId)).map((l) => l.indicatorId));
    await fraudClusterRepository.assignIndicators(tx, [...indicators], id);
    left.push(id);
  }
  return left;
}
