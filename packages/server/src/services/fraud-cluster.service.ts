import { DomainError, type ClusterTotals } from '@hanoi247/core';
import { auditRepository } from '../repositories/audit.repository.js';
import { fraudClusterReadRepository, type ClusterListFilter } from '../repositories/fraud-cluster-read.repository.js';
import { fraudClusterRepository, type ClusterRecord } from '../repositories/fraud-cluster.repository.js';
import { splitCluster } from './fraud-cluster-split.js';
import { auditEntryFor, type CallContext, type ServiceRuntime } from './service-runtime.js';
import { requirePermission } from './user.service.js';

const byCount = (counts: Readonly<Record<string, number>>) =>
  Object.entries(counts)
    .map(([value, reportCount]) => ({ value, reportCount }))
    .sort((a, b) => b.reportCount - a.reportCount || (a.value < b.value ? -1 : 1));

const summary = ({ id, totals, updatedAt }: { id: string; totals: ClusterTotals; updatedAt: string }) => ({
  id,
  reportCount: totals.reportCount,
  victimCount: totals.victimCount,
  lossVnd: totals.lossVnd,
  firstSeen: totals.firstSeen,
  lastSeen: totals.lastSeen,
  provinces: byCount(totals.provinces),
  scamTypes: byCount(totals.scamTypes),
  updatedAt,
});

async function clusterView(tx: Parameters<typeof fraudClusterRepository.reportsOf>[0], cluster: ClusterRecord) {
  const reports = await fraudClusterRepository.reportsOf(tx, cluster.id);
  const edges = await fraudClusterReadRepository.edgesOf(tx, cluster.id);
  const indicators = new Map(
    edges.map(({ indicator: { clusterId, ...rest } }) => [rest.id, { ...rest, linking: clusterId === cluster.id }]),
  );
  return {
    cluster: summary(cluster),
    reports: reports.map(({ id, scamType, occurredAt, province, lossVnd }) => ({
      id,
      scamType,
      occurredAt,
      province,
      lossVnd,
    })),
    indicators: [...indicators.values()],
    edges: edges.map((e) => ({ reportId: e.reportId, indicatorId: e.indicator.id, role: e.role })),
  };
}

/** The fraud desk's clusters: the list, one cluster's graph (audited reads) and retracting an indicator. */
export function createFraudClusterService(runtime: ServiceRuntime) {
  const { db } = runtime;
  return {
    async list(context: CallContext, filter: ClusterListFilter) {
      requirePermission(context.principal, 'fraud-reports:read');
      return db.transaction().execute(async (tx) => {
        const page = await fraudClusterReadRepository.list(tx, filter);
        await auditRepository.append(
          tx,
          auditEntryFor(runtime, context, {
            action: 'fraud-cluster.listed',
            objectType: 'fraud-cluster',
            objectId: null,
            details: { sort: filter.sort, offset: filter.offset, returned: page.clusters.length },
          }),
        );
        return { clusters: page.clusters.map(summary), total: page.total };
      });
    },

    async get(context: CallContext, id: string, purpose: string | null) {
      requirePermission(context.principal, 'fraud-reports:read');
      requirePermission(context.principal, 'indicators:read');
      return db.transaction().execute(async (tx) => {
        const cluster = await fraudClusterRepository.findById(tx, id);
        if (cluster === undefined) throw new DomainError('fraud/cluster-not-found', 'no such fraud cluster');
        const view = await clusterView(tx, cluster);
        await auditRepository.append(
          tx,
          auditEntryFor(runtime, context, {
            action: 'fraud-cluster.viewed',
            objectType: 'fraud-cluster',
            objectId: id,
            purpose,
          }),
        );
        return view;
      });
    },

    /** The indicator stops joining reports; the cluster it was in is recomputed and may split. */
    async retract(context: CallContext, indicatorId: string, reason: string) {
      requirePermission(context.principal, 'indicators:retract');
      return db.transaction().execute(async (tx) => {
        const [indicator] = await fraudClusterRepository.lockIndicators(tx, [indicatorId]);
        if (indicator === undefined) throw new DomainError('fraud/indicator-not-found', 'no such indicator');
        if (indicator.status === 'retracted') {
          throw new DomainError('fraud/indicator-already-retracted', 'the indicator is already retracted');
        }
        await fraudClusterRepository.retractIndicator(tx, indicatorId, runtime.clock.now().toISOString());
        const clusters = indicator.clusterId === null ? [] : await splitCluster(tx, runtime, indicator.clusterId);
        await auditRepository.append(
          tx,
          auditEntryFor(runtime, context, {
            action: 'indicator.retracted',
            objectType: 'indicator',
            objectId: indicatorId,
            details: { reason, previousStatus: indicator.status, clusterId: indicator.clusterId, clusters },
          }),
        );
        return { indicatorId, status: 'retracted' as const, clusters };
      });
    },
  };
}

export type FraudClusterService = ReturnType<typeof createFraudClusterService>;
