import { clusterTotals, emptyClusterTotals, normaliseIndicator, reportTotals } from '@hanoi247/core';
import { createTestDatabase, testBackends, type TestDatabase } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fraudClusterReadRepository } from '../repositories/fraud-cluster-read.repository.js';
import { fraudClusterRepository } from '../repositories/fraud-cluster.repository.js';
import { fraudReportRepository } from '../repositories/fraud-report.repository.js';
import { indicatorRepository } from '../repositories/indicator.repository.js';
import { migrateToLatest } from './migrate.js';
import { openDatabase, type DatabaseHandle } from './open-database.js';

const id = (n: number) => `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const now = '2026-11-10T00:00:00.000Z';

/** The cluster tables give the same answers on every engine: locks, merges, totals, the links of a cluster. */
describe.each(testBackends())('fraud cluster storage conformance on %s', (backend) => {
  let database: TestDatabase;
  let handle: DatabaseHandle;

  const facts = (n: number) => ({
    lossVnd: n * 1_000_000,
    occurredAt: `2026-11-0${n}T09:00:00+07:00`,
    province: 'Hà Nội',
    scamType: 'LOAN',
  });

  async function reportWithPhone(n: number, phone: string): Promise<string> {
    await fraudReportRepository.insert(handle.db, {
      id: id(n),
      channel: 'citizen',
      institutionId: null,
      institutionReference: null,
      bodyDigest: 'd'.repeat(64),
      scamTypesVersion: '2026-12-08',
      ...facts(n),
      reportedAt: now,
      firstContact: 'sms',
      identifiers: [],
      tlp: 'amber',
      submittedBy: 'citizen',
    });
    const normalised = normaliseIndicator('phone', phone);
    if (!normalised.ok) throw new Error(normalised.reason);
    const indicatorId = await indicatorRepository.recordSighting(handle.db, {
      newId: id(100 + n),
      indicator: normalised.indicator,
      seenAt: now,
      lossVnd: 0,
      tlp: 'amber',
    });
    await indicatorRepository.link(handle.db, [{ reportId: id(n), indicatorId, role: 'contact' }]);
    return indicatorId;
  }

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    handle = openDatabase(database);
    await migrateToLatest(handle);
  });

  afterAll(async () => {
    await handle.close();
    await database.drop();
  });

  it('round-trips a cluster\u2019s totals exactly, Vietnamese provinces and a large VND loss included', async () => {
    const totals = { ...clusterTotals([facts(1), facts(2)]), lossVnd: 9_007_199_254_740 };
    await fraudClusterRepository.insert(handle.db, id(900), totals, now);
    expect(await fraudClusterRepository.findById(handle.db, id(900))).toEqual({
      id: id(900),
      totals,
      createdAt: now,
      updatedAt: now,
    });
    await fraudClusterRepository.delete(handle.db, id(900));
  });

  it('locks indicators and clusters inside a transaction and merges one cluster into another', async () => {
    const one = await reportWithPhone(1, '0912 000 101');
    const two = await reportWithPhone(2, '0912 000 102');
    await handle.db.transaction().execute(async (tx) => {
      for (const [n, indicator] of [
        [1, one],
        [2, two],
      ] as const) {
        await fraudClusterRepository.insert(tx, id(200 + n), reportTotals(facts(n)), now);
        await fraudClusterRepository.assignIndicators(tx, [indicator], id(200 + n));
        await fraudClusterRepository.addReport(tx, id(200 + n), id(n));
      }
    });
    await handle.db.transaction().execute(async (tx) => {
      const locked = await fraudClusterRepository.lockIndicators(tx, [two, one]);
      expect(locked.map((r) => r.clusterId)).toEqual([id(201), id(202)]);
      const clusters = await fraudClusterRepository.lockClusters(tx, [id(202), id(201)]);
      expect(clusters.map((c) => c.id)).toEqual([id(201), id(202)]);
      await fraudClusterRepository.mergeInto(tx, id(202), id(201));
      await fraudClusterRepository.setTotals(tx, id(201), clusterTotals([facts(1), facts(2)]), now);
    });
    expect(await fraudClusterRepository.findById(handle.db, id(202))).toBeUndefined();
    expect((await fraudClusterRepository.reportsOf(handle.db, id(201))).map((r) => r.id)).toEqual([id(1), id(2)]);
    expect(await fraudClusterRepository.linksOf(handle.db, id(201))).toEqual(
      expect.arrayContaining([
        { reportId: id(1), indicatorId: one },
        { reportId: id(2), indicatorId: two },
      ]),
    );
    expect(await fraudClusterRepository.clusterOfReport(handle.db, id(2))).toBe(id(201));
  });

  it('lists clusters by last seen or by losses, with the total, and reads a cluster\u2019s edges', async () => {
    await fraudClusterRepository.insert(handle.db, id(300), { ...emptyClusterTotals, reportCount: 2 }, now);
    const byLoss = await fraudClusterReadRepository.list(handle.db, {
      sort: 'loss',
      minReports: 2,
      limit: 10,
      offset: 0,
    });
    expect(byLoss.total).toBe(2);
    expect(byLoss.clusters.map((c) => c.id)).toEqual([id(201), id(300)]);
    const recent = await fraudClusterReadRepository.list(handle.db, {
      sort: 'last-seen',
      minReports: 1,
      limit: 1,
      offset: 1,
    });
    expect(recent.total).toBe(2);
    expect(recent.clusters).toHaveLength(1);
    const edges = await fraudClusterReadRepository.edgesOf(handle.db, id(201));
    expect(edges.map((e) => `${e.reportId} ${e.role} ${e.indicator.type} ${e.indicator.clusterId}`)).toEqual([
      `${id(1)} contact phone ${id(201)}`,
      `${id(2)} contact phone ${id(201)}`,
    ]);
  });
});
