import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clusterComponents,
  clusterTotals,
  linksIntoClusters,
  mergeClusterTotals,
  planClusterJoin,
  type ClusterReportFacts,
} from './clusters.js';
import { normaliseIndicator } from './normalise-indicator.js';
import type { Indicator } from './indicator-result.js';

function indicatorOf(type: string, raw: string): Indicator {
  const result = normaliseIndicator(type, raw);
  if (!result.ok) throw new Error(result.reason);
  return result.indicator;
}

describe('which indicators link reports into clusters', () => {
  it('a warninglisted host never links; a URL on a shortener links by its full URL, not by the shortener', () => {
    const url = indicatorOf('url', 'https://bit.ly/3xYzAbC');
    expect(linksIntoClusters(url, 'reported')).toBe(true);
    const [domain] = url.derived.filter((d) => d.type === 'domain');
    expect(domain?.valueNorm).toBe('bit.ly');
    expect(linksIntoClusters(domain ?? url, 'reported')).toBe(false);
    expect(linksIntoClusters(indicatorOf('domain', 'm.facebook.com'), 'reported')).toBe(false);
    expect(linksIntoClusters(indicatorOf('domain', 'vietcombank-xacthuc.com'), 'reported')).toBe(true);
  });

  it('a retracted or expired indicator no longer links; reported and confirmed ones do', () => {
    const phone = indicatorOf('phone', '0912 345 678');
    expect(
      ['reported', 'confirmed', 'actioned', 'retracted', 'expired'].map((s) => linksIntoClusters(phone, s)),
    ).toEqual([true, true, true, false, false]);
  });
});

describe('planning a report\u2019s join', () => {
  it('starts a new cluster when none of its indicators is in one', () => {
    expect(planClusterJoin(['i1', 'i2'], new Map([['i1', null]]))).toEqual({ join: 'new', merge: [] });
  });

  it('joins the one cluster it touches, and merges the others into the oldest (lowest id)', () => {
    const clusterOf = new Map([
      ['i1', 'c3'],
      ['i2', 'c1'],
      ['i3', 'c3'],
      ['i4', 'c2'],
    ]);
    expect(planClusterJoin(['i1', 'i3'], clusterOf)).toEqual({ join: 'c3', merge: [] });
    expect(planClusterJoin(['i1', 'i2', 'i3', 'i4', 'i5'], clusterOf)).toEqual({ join: 'c1', merge: ['c2', 'c3'] });
  });

  it('never merges the surviving cluster into itself, whatever the order (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), fc.option(fc.constantFrom('a', 'b', 'c')))), (pairs) => {
        const plan = planClusterJoin(
          pairs.map(([i]) => i),
          new Map(pairs),
        );
        expect(plan.merge).not.toContain(plan.join);
        if (plan.join !== 'new') expect(plan.merge.every((c) => c > plan.join)).toBe(true);
      }),
    );
  });
});

const report = fc.record({
  lossVnd: fc.integer({ min: 0, max: 1e12 }),
  occurredAt: fc
    .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) })
    .map((t) => new Date(t).toISOString()),
  province: fc.option(fc.constantFrom('Hà Nội', 'Đà Nẵng', 'Thành phố Hồ Chí Minh')),
  scamType: fc.constantFrom('JOB_TASK', 'LOAN', 'IMPERSONATION_POLICE'),
}) satisfies fc.Arbitrary<ClusterReportFacts>;

describe('cluster totals', () => {
  it('counts reports, losses in VND, provinces, scam types, first and last seen (in UTC)', () => {
    expect(
      clusterTotals([
        { lossVnd: 15_000_000, occurredAt: '2026-11-02T14:03:11+07:00', province: 'Hà Nội', scamType: 'JOB_TASK' },
        { lossVnd: 2_000_000, occurredAt: '2026-10-30T09:00:00+07:00', province: 'Hà Nội', scamType: 'LOAN' },
        { lossVnd: 0, occurredAt: '2026-11-05T00:00:00Z', province: null, scamType: 'JOB_TASK' },
      ]),
    ).toEqual({
      reportCount: 3,
      victimCount: 3,
      lossVnd: 17_000_000,
      firstSeen: '2026-10-30T02:00:00.000Z',
      lastSeen: '2026-11-05T00:00:00.000Z',
      provinces: { 'Hà Nội': 2 },
      scamTypes: { JOB_TASK: 2, LOAN: 1 },
    });
  });

  it('merging the totals of two halves gives the totals of the whole (property)', () => {
    fc.assert(
      fc.property(fc.array(report), fc.array(report), (a, b) => {
        expect(mergeClusterTotals(clusterTotals(a), clusterTotals(b))).toEqual(clusterTotals([...a, ...b]));
      }),
    );
  });
});

/** The storage's incremental steps replayed in memory: join or create, merge into the oldest, re-point members. */
function incrementally(reports: readonly (readonly string[])[]): string[][] {
  const clusterOf = new Map<string, string | null>();
  const membersOf = new Map<string, string[]>();
  reports.forEach((indicators, n) => {
    const reportId = `r${String(n).padStart(3, '0')}`;
    if (indicators.length === 0) return;
    const plan = planClusterJoin(indicators, clusterOf);
    const target = plan.join === 'new' ? `c${String(n).padStart(3, '0')}` : plan.join;
    const members = membersOf.get(target) ?? [];
    for (const from of plan.merge) {
      members.push(...(membersOf.get(from) ?? []));
      membersOf.delete(from);
      for (const [indicator, cluster] of clusterOf) if (cluster === from) clusterOf.set(indicator, target);
    }
    for (const indicator of indicators) clusterOf.set(indicator, target);
    membersOf.set(target, [...members, reportId]);
  });
  return [...membersOf.values()].map((m) => [...m].sort()).sort((a, b) => ((a[0] ?? '') < (b[0] ?? '') ? -1 : 1));
}

describe('incremental clustering', () => {
  it('gives the connected components of the whole graph, whatever the arrival order (property)', () => {
    const indicator = fc.constantFrom('p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8');
    fc.assert(
      fc.property(fc.array(fc.uniqueArray(indicator, { maxLength: 3 }), { maxLength: 25 }), (reports) => {
        const ids = reports.map((_, n) => `r${String(n).padStart(3, '0')}`);
        const linked = ids.filter((_, n) => (reports[n] ?? []).length > 0);
        const links = reports.flatMap((indicators, n) =>
          indicators.map((i) => ({ reportId: ids[n] ?? '', indicatorId: i })),
        );
        expect(incrementally(reports)).toEqual(clusterComponents(linked, links));
      }),
    );
  });
});

describe('connected components after a retraction', () => {
  it('splits reports that only shared the removed indicator, keeps the rest together', () => {
    const links = [
      { reportId: 'r1', indicatorId: 'phone' },
      { reportId: 'r2', indicatorId: 'phone' },
      { reportId: 'r3', indicatorId: 'account' },
      { reportId: 'r4', indicatorId: 'account' },
    ];
    expect(clusterComponents(['r4', 'r3', 'r2', 'r1', 'r5'], links)).toEqual([['r1', 'r2'], ['r3', 'r4'], ['r5']]);
    expect(clusterComponents(['r1', 'r2', 'r3'], [...links, { reportId: 'r2', indicatorId: 'account' }])).toEqual([
      ['r1', 'r2', 'r3'],
    ]);
  });

  it('puts every report in exactly one component (property)', () => {
    const ids = fc.constantFrom('r1', 'r2', 'r3', 'r4', 'r5', 'r6');
    fc.assert(
      fc.property(fc.uniqueArray(ids), fc.array(fc.record({ reportId: ids, indicatorId: ids })), (reports, links) => {
        const components = clusterComponents(reports, links);
        expect(components.flat().sort()).toEqual([...reports].sort());
      }),
    );
  });
});
