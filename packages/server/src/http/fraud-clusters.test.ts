import type { SignedInUser } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fraudWorld, type FraudWorld } from './fraud.fixtures.js';

interface ClusterJson {
  cluster: {
    id: string;
    reportCount: number;
    victimCount: number;
    lossVnd: number;
    firstSeen: string | null;
    lastSeen: string | null;
    provinces: { value: string; reportCount: number }[];
    scamTypes: { value: string; reportCount: number }[];
  };
  reports: { id: string }[];
  indicators: { id: string; type: string; valueDisplay: string; linking: boolean }[];
  edges: { reportId: string; indicatorId: string; role: string }[];
}

/** Issue 14 item 4: reports sharing a linking indicator form one cluster, kept as each report arrives. */
describe('clusters of fraud reports', () => {
  let world: FraudWorld;
  let supervisor: SignedInUser;
  let sequence = 0;

  /** A report naming these identifiers (type=value), with one VND transfer of `loss` and no payee. */
  async function report(identifiers: string[], loss = 1_000_000, province = 'Hà Nội'): Promise<string> {
    sequence += 1;
    const reply = await world.node.call('POST', '/api/v1/fraud/reports', {
      headers: world.bank,
      body: {
        institutionReference: `CL-${sequence}`,
        scamType: sequence % 2 === 0 ? 'LOAN' : 'JOB_TASK',
        occurredAt: `2026-11-${String(sequence).padStart(2, '0')}T09:00:00+07:00`,
        firstContact: 'zalo',
        province,
        transfers: [{ at: '2026-11-02T14:20:00+07:00', amount: loss, currency: 'VND' }],
        identifiers: identifiers.map((entry) => {
          const [type = '', value = ''] = entry.split('=');
          return { type, value, role: 'contact' };
        }),
      },
    });
    expect(reply.statusCode).toBe(201);
    return reply.json<{ reportId: string }>().reportId;
  }

  async function view(clusterId: string): Promise<ClusterJson> {
    const reply = await world.node.call('GET', `/api/v1/fraud/clusters/${clusterId}`, {
      as: world.analyst,
      headers: { 'x-audit-purpose': 'cluster review' },
    });
    expect(reply.statusCode).toBe(200);
    return reply.json<ClusterJson>();
  }

  /** The cluster holding the report, if any (the node holds few clusters: each is read). */
  async function clusterOf(reportId: string): Promise<ClusterJson | undefined> {
    const list = await world.node.call('GET', '/api/v1/fraud/clusters?minReports=1&limit=200', { as: world.analyst });
    expect(list.statusCode).toBe(200);
    for (const { id } of list.json<{ clusters: { id: string }[] }>().clusters) {
      const found = await view(id);
      if (found.reports.some((r) => r.id === reportId)) return found;
    }
    return undefined;
  }

  const retract = (indicatorId: string, as: SignedInUser) =>
    world.node.call('POST', `/api/v1/fraud/indicators/${indicatorId}/retraction`, {
      as,
      body: { reason: 'a shared switchboard number, not the scammers\u2019' },
    });

  beforeAll(async () => {
    world = await fraudWorld('cl');
    supervisor = await world.node.user(world.admin, 'cl.supervisor', ['fraud_supervisor']);
  });
  afterAll(async () => world.node.stop());

  it('never joins reports by a warninglisted host, but joins them by one full URL on a shortener', async () => {
    const first = await report(['phone=0912 000 001', 'domain=facebook.com', 'url=https://bit.ly/3aaaAAA']);
    const second = await report(['phone=0912 000 002', 'domain=m.facebook.com', 'url=https://bit.ly/3bbbBBB']);
    const a = await clusterOf(first);
    const b = await clusterOf(second);
    expect(a?.cluster.id).toBeDefined();
    expect(b?.cluster.id).toBeDefined();
    expect(a?.cluster.id).not.toBe(b?.cluster.id);
    const facebook = a?.indicators.find((i) => i.type === 'domain' && i.valueDisplay.includes('facebook'));
    expect(facebook?.linking).toBe(false);
    expect(a?.indicators.find((i) => i.type === 'domain' && i.valueDisplay === 'bit.ly')?.linking).toBe(false);
    const third = await report(['url=https://bit.ly/3aaaAAA']);
    expect((await clusterOf(third))?.cluster.id).toBe(a?.cluster.id);
  });

  it('merges two clusters when a new report bridges them, the oldest surviving with the totals of both', async () => {
    const a = await report(['phone=0912 000 011'], 2_000_000, 'Hà Nội');
    const b = await report(['phone=0912 000 012'], 3_000_000, 'Đà Nẵng');
    const clusterA = (await clusterOf(a))?.cluster.id ?? '';
    const clusterB = (await clusterOf(b))?.cluster.id ?? '';
    expect(clusterA).not.toBe(clusterB);
    const bridge = await report(['phone=0912 000 011', 'phone=0912 000 012'], 5_000_000, 'Hà Nội');
    const merged = await clusterOf(bridge);
    expect(merged?.cluster.id).toBe([clusterA, clusterB].sort()[0]);
    expect(merged?.reports.map((r) => r.id).sort()).toEqual([a, b, bridge].sort());
    expect(merged?.cluster).toMatchObject({
      reportCount: 3,
      victimCount: 3,
      lossVnd: 10_000_000,
      provinces: [
        { value: 'Hà Nội', reportCount: 2 },
        { value: 'Đà Nẵng', reportCount: 1 },
      ],
    });
    expect(merged?.edges).toHaveLength(4);
    const gone = await world.node.call('GET', `/api/v1/fraud/clusters/${[clusterA, clusterB].sort()[1]}`, {
      as: world.analyst,
    });
    expect(gone.json()).toMatchObject({ code: 'fraud/cluster-not-found' });
  });

  it('splits a cluster when the indicator holding it together is retracted, each part with its totals', async () => {
    const a1 = await report(['phone=0912 000 021', 'phone=0912 000 023'], 1_000_000);
    const a2 = await report(['phone=0912 000 023'], 2_000_000);
    const b1 = await report(['phone=0912 000 022'], 4_000_000);
    const bridge = await report(['phone=0912 000 021', 'phone=0912 000 022'], 8_000_000);
    const whole = await clusterOf(bridge);
    expect(whole?.cluster.reportCount).toBe(4);
    const hub = whole?.indicators.find((i) => i.valueDisplay.replace(/\D/g, '').endsWith('912000021'));
    expect((await retract(hub?.id ?? '', world.analyst)).statusCode).toBe(403);
    const retracted = await retract(hub?.id ?? '', supervisor);
    expect(retracted.statusCode).toBe(200);
    expect(retracted.json<{ clusters: string[] }>().clusters).toHaveLength(2);
    const left = await clusterOf(a1);
    const right = await clusterOf(b1);
    expect(left?.cluster.id).not.toBe(right?.cluster.id);
    expect(left?.reports.map((r) => r.id).sort()).toEqual([a1, a2].sort());
    expect(right?.reports.map((r) => r.id).sort()).toEqual([b1, bridge].sort());
    expect([left?.cluster.lossVnd, right?.cluster.lossVnd]).toEqual([3_000_000, 12_000_000]);
    expect(left?.indicators.find((i) => i.id === hub?.id)?.linking).toBe(false);
    expect((await retract(hub?.id ?? '', supervisor)).json()).toMatchObject({
      code: 'fraud/indicator-already-retracted',
    });
    // A retracted indicator joins no later report either.
    const later = await report(['phone=0912 000 021']);
    expect(await clusterOf(later)).toBeUndefined();
  });

  it('puts reports naming one new indicator at the same time into one cluster', async () => {
    const ids = await Promise.all([1, 2, 3, 4, 5].map(() => report(['phone=0912 000 031'])));
    const cluster = await clusterOf(ids[0] ?? '');
    expect(cluster?.reports.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(cluster?.cluster.reportCount).toBe(5);
  });

  it('audits cluster reads and retractions, naming clusters and indicators by id, never by value', async () => {
    const rows = await world.node.app.node.database.db
      .selectFrom('audit_entries')
      .select(['action', 'object_id', 'details', 'canonical'])
      .where('action', 'in', ['fraud-cluster.listed', 'fraud-cluster.viewed', 'indicator.retracted'])
      .execute();
    expect(new Set(rows.map((r) => r.action))).toEqual(
      new Set(['fraud-cluster.listed', 'fraud-cluster.viewed', 'indicator.retracted']),
    );
    const retraction = rows.find((r) => r.action === 'indicator.retracted');
    expect(retraction?.details).toContain('shared switchboard');
    const text = rows.map((r) => `${r.details}\n${r.canonical}`).join('\n');
    for (const value of ['0912 000 021', '912000021', '3aaaAAA']) expect(text).not.toContain(value);
  });

  it('lists clusters by largest losses, leaving single reports out by default', async () => {
    const reply = await world.node.call('GET', '/api/v1/fraud/clusters?sort=loss', { as: world.analyst });
    expect(reply.statusCode).toBe(200);
    const { clusters, total } = reply.json<{ clusters: { lossVnd: number; reportCount: number }[]; total: number }>();
    expect(clusters.length).toBe(total);
    expect(clusters.every((c) => c.reportCount >= 2)).toBe(true);
    expect(clusters.map((c) => c.lossVnd)).toEqual(clusters.map((c) => c.lossVnd).sort((x, y) => y - x));
    const duty = await world.node.call('GET', '/api/v1/fraud/clusters', { as: world.duty });
    expect(duty.statusCode).toBe(403);
  });
});
