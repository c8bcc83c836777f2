import type { Indicator } from './indicator-result.js';
import { warninglisted, type Warninglist } from './warninglists.js';

/** Statuses of an indicator that no longer joins reports: withdrawn by an analyst, or expired and erased. */
const inertStatuses: ReadonlySet<string> = new Set(['retracted', 'expired']);

/**
 * Whether an indicator joins the reports naming it into one cluster: not when a warninglist holds it (a large
 * platform, a shortener, a public resolver, the node's own banks) and not once retracted or expired. A URL on a
 * shortener still links by its full URL (a path on bit.ly is one scam's): only its derived domain is listed.
 */
export function linksIntoClusters(
  indicator: Indicator,
  status: string,
  extraLists: readonly Warninglist[] = [],
): boolean {
  return !inertStatuses.has(status) && warninglisted(indicator, extraLists).length === 0;
}

/** Where a new report goes, and which clusters it bridges. */
export interface ClusterJoinPlan {
  /** The id of the cluster to join (the oldest the report touches), or `new` (never a UUID) to start one. */
  readonly join: string;
  /** The other clusters the report bridges, merged into `join` (never `join` itself), oldest first. */
  readonly merge: readonly string[];
}

/**
 * Plans a report's join from the clusters its linking indicators are already in (`clusterOf`, null for an
 * indicator in none). Cluster ids are UUIDv7, so the lowest id is the oldest cluster and survives a merge.
 */
export function planClusterJoin(
  reportIndicators: readonly string[],
  clusterOf: ReadonlyMap<string, string | null>,
): ClusterJoinPlan {
  const clusters = [
    ...new Set(reportIndicators.map((id) => clusterOf.get(id) ?? null).filter((c): c is string => c !== null)),
  ].sort();
  const [oldest, ...rest] = clusters;
  return oldest === undefined ? { join: 'new', merge: [] } : { join: oldest, merge: rest };
}

/** What a cluster's totals are made of: one report. */
export interface ClusterReportFacts {
  readonly lossVnd: number;
  /** When it happened, as an instant in UTC (ISO 8601). */
  readonly occurredAt: string;
  readonly province: string | null;
  readonly scamType: string;
}

/** A cluster's totals; provinces and scam types counted per value so a merge or a split can add or recount them. */
export interface ClusterTotals {
  readonly reportCount: number;
  /** One victim per report: neither institutions' nor citizens' reports yet say whether two victims are one. */
  readonly victimCount: number;
  readonly lossVnd: number;
  readonly firstSeen: string | null;
  readonly lastSeen: string | null;
  readonly provinces: Readonly<Record<string, number>>;
  readonly scamTypes: Readonly<Record<string, number>>;
}

export const emptyClusterTotals: ClusterTotals = {
  reportCount: 0,
  victimCount: 0,
  lossVnd: 0,
  firstSeen: null,
  lastSeen: null,
  provinces: {},
  scamTypes: {},
};

const earlier = (a: string | null, b: string | null) => (a === null ? b : b === null || a <= b ? a : b);
const later = (a: string | null, b: string | null) => (a === null ? b : b === null || a >= b ? a : b);

function addCounts(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): Record<string, number> {
  const sum: Record<string, number> = { ...a };
  for (const [key, count] of Object.entries(b)) sum[key] = (sum[key] ?? 0) + count;
  return sum;
}

/** Two clusters' totals as one: what a merge writes, without reading either cluster's reports. */
export function mergeClusterTotals(a: ClusterTotals, b: ClusterTotals): ClusterTotals {
  return {
    reportCount: a.reportCount + b.reportCount,
    victimCount: a.victimCount + b.victimCount,
    lossVnd: a.lossVnd + b.lossVnd,
    firstSeen: earlier(a.firstSeen, b.firstSeen),
    lastSeen: later(a.lastSeen, b.lastSeen),
    provinces: addCounts(a.provinces, b.provinces),
    scamTypes: addCounts(a.scamTypes, b.scamTypes),
  };
}

/** The totals of one report alone. */
export function reportTotals(report: ClusterReportFacts): ClusterTotals {
  const at = new Date(report.occurredAt).toISOString();
  return {
    reportCount: 1,
    victimCount: 1,
    lossVnd: report.lossVnd,
    firstSeen: at,
    lastSeen: at,
    provinces: report.province === null ? {} : { [report.province]: 1 },
    scamTypes: { [report.scamType]: 1 },
  };
}

/** A cluster's totals as a fold over its reports: adding reports one by one gives the same as folding them all. */
export function clusterTotals(reports: readonly ClusterReportFacts[]): ClusterTotals {
  return reports.reduce((totals, report) => mergeClusterTotals(totals, reportTotals(report)), emptyClusterTotals);
}

/**
 * The connected components of a report–indicator graph (after a retraction): each component's report ids, sorted,
 * components ordered by their first report id. Reports without a link left form a component of their own.
 */
export function clusterComponents(
  reports: readonly string[],
  links: readonly { readonly reportId: string; readonly indicatorId: string }[],
): string[][] {
  const parent = new Map<string, string>(reports.map((r) => [r, r]));
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    for (let node = x; node !== root;) {
      const next = parent.get(node) ?? root;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  const firstReportOf = new Map<string, string>();
  for (const { reportId, indicatorId } of links) {
    if (!parent.has(reportId)) continue;
    const other = firstReportOf.get(indicatorId);
    if (other === undefined) firstReportOf.set(indicatorId, reportId);
    else {
      const [a, b] = [find(reportId), find(other)].sort();
      if (a !== undefined && b !== undefined && a !== b) parent.set(b, a);
    }
  }
  const groups = new Map<string, string[]>();
  for (const report of [...reports].sort()) {
    const root = find(report);
    groups.set(root, [...(groups.get(root) ?? []), report]);
  }
  return [...groups.values()].sort((a, b) => ((a[0] ?? '') < (b[0] ?? '') ? -1 : 1));
}
