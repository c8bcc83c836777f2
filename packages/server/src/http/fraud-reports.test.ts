import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, fraudReport, fraudWorld, lookup, tokenOf, type FraudWorld } from './fraud.fixtures.js';
import { orderApi, providerBody } from './orders.fixtures.js';

/** Issue 14 item 2: an institution reports through the API; indicators are stored once with their counts. */
describe('fraud reports from an institution', () => {
  let world: FraudWorld;
  let firstId: string;
  const submit = (body: unknown, headers = world.bank) =>
    world.node.call('POST', '/api/v1/fraud/reports', { headers, body });

  beforeAll(async () => {
    world = await fraudWorld('fr');
    const first = await submit(fraudReport('VCB-0001'));
    expect(first.statusCode).toBe(201);
    firstId = first.json<{ reportId: string }>().reportId;
  });
  afterAll(async () => world.node.stop());

  it('answers with a receipt naming what did not become an indicator', async () => {
    const reply = await submit(fraudReport('VCB-0002', { transfers: [] }));
    expect(reply.statusCode).toBe(201);
    expect(reply.json()).toMatchObject({
      status: 'created',
      lossVnd: 0,
      indicatorCount: 1,
      refused: [{ path: '/identifiers/1/value', type: 'phone', reason: 'fraud/indicator-invalid-number' }],
    });
  });

  it('stores each indicator once, counting its reports and VND losses (other currencies not converted)', async () => {
    const [phone] = await lookup(world, 'phone', '+84912345678');
    expect(phone).toMatchObject({ type: 'phone', valueNorm: '+84912345678', status: 'reported', tlp: 'amber' });
    const [account] = await lookup(world, 'vn-account', 'VCB 0451000123456');
    expect(account).toMatchObject({ valueNorm: 'VN:970436:0451000123456', reportCount: 1, lossVnd: 15_000_000 });
    const before = phone?.reportCount ?? 0;
    expect((await submit(fraudReport('VCB-0003'))).statusCode).toBe(201);
    const [again] = await lookup(world, 'phone', '0912.345.678');
    expect(again?.id).toBe(phone?.id);
    expect(again?.reportCount).toBe(before + 1);
  });

  it('keeps an invalid identifier on the report as text with its reason, never as an indicator', async () => {
    const reply = await world.node.call('GET', `/api/v1/fraud/reports/${firstId}`, {
      as: world.analyst,
      headers: { 'x-audit-purpose': 'triage' },
    });
    expect(reply.statusCode).toBe(200);
    const view = reply.json<{
      identifiers: { value: string; refusal: string | null }[];
      indicators: { role: string; indicator: { valueNorm: string } }[];
      transfers: { amount: string; currency: string }[];
      channel: string;
      institutionId: string;
    }>();
    expect(view.channel).toBe('institution');
    expect(view.institutionId).toBe(world.bankId);
    expect(view.identifiers).toContainEqual({
      type: 'phone',
      value: '+84 12 ext. lạ',
      role: 'contact',
      refusal: 'fraud/indicator-invalid-number',
    });
    expect(view.indicators.map((l) => `${l.role} ${l.indicator.valueNorm}`).sort()).toEqual([
      'contact +84912345678',
      'payee VN:970436:0451000123456',
    ]);
    expect(view.transfers.map((t) => `${t.amount} ${t.currency}`)).toEqual(['15000000 VND', '120 USD']);
    const refused = await world.node.call(
      'GET',
      `/api/v1/fraud/indicators?type=phone&value=${encodeURIComponent('+84 12')}`,
      {
        as: world.analyst,
      },
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'fraud/indicator-invalid-number' });
  });

  it('answers a replay with the same report, 200 and a flag, and counts nothing twice', async () => {
    const [before] = await lookup(world, 'vn-account', 'VCB 0451000123456');
    const replay = await submit(fraudReport('VCB-0001'));
    expect(replay.statusCode).toBe(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toMatchObject({ reportId: firstId, status: 'duplicate' });
    const [after] = await lookup(world, 'vn-account', 'VCB 0451000123456');
    expect(after?.reportCount).toBe(before?.reportCount);
  });

  it('refuses a different report under a used reference with 409 fraud/reference-reused', async () => {
    const reply = await submit(fraudReport('VCB-0001', { scamType: 'LOAN' }));
    expect(reply.statusCode).toBe(409);
    expect(reply.json()).toMatchObject({ code: 'fraud/reference-reused' });
  });

  it('refuses a token scoped to another permission, and callers without the permission', async () => {
    const other = await tokenOf(world.node, world.reporter, ['profile:read']);
    expect((await submit(fraudReport('VCB-0100'), bearer(other))).statusCode).toBe(403);
    const asAnalyst = await world.node.call('POST', '/api/v1/fraud/reports', {
      as: world.analyst,
      body: fraudReport('VCB-0101'),
    });
    expect(asAnalyst.statusCode).toBe(403);
    for (const path of [`/api/v1/fraud/reports/${firstId}`, '/api/v1/fraud/indicators?type=phone&value=0912345678']) {
      const reply = await world.node.call('GET', path, { as: world.duty });
      expect(reply.statusCode).toBe(403);
      expect(reply.json()).toMatchObject({ code: 'auth/forbidden' });
    }
    const bankView = await world.node.call('GET', `/api/v1/fraud/reports/${firstId}`, { headers: world.bank });
    expect(bankView.statusCode).toBe(403);
  });

  it('answers 404 for a report that does not exist', async () => {
    const reply = await world.node.call('GET', '/api/v1/fraud/reports/01900000-0000-7000-8000-000000000000', {
      as: world.analyst,
    });
    expect(reply.statusCode).toBe(404);
    expect(reply.json()).toMatchObject({ code: 'fraud/report-not-found' });
  });

  it('takes reports only from a user linked to one bank, e-wallet or telecom', async () => {
    const { node, admin } = world;
    const unlinked = await node.user(admin, 'fr.unlinked', ['institution_reporter']);
    const reply = await node.call('POST', '/api/v1/fraud/reports', { as: unlinked, body: fraudReport('X-1') });
    expect(reply.statusCode).toBe(403);
    expect(reply.json()).toMatchObject({ code: 'fraud/not-an-institution' });
    const platform = await orderApi(node).createProvider(admin, providerBody('Nền tảng Thử nghiệm'));
    const link = await node.call('POST', `/api/v1/providers/${platform.id}/members`, {
      as: admin,
      body: { userId: unlinked.userId },
    });
    expect(link.statusCode).toBe(400);
    expect(link.json()).toMatchObject({ code: 'provider/member-invalid' });
  });

  it('writes audit entries that name indicators by id, never by value', async () => {
    const rows = await world.node.app.node.database.db
      .selectFrom('audit_entries')
      .select(['action', 'details', 'canonical'])
      .where('action', 'in', ['fraud-report.submitted', 'fraud-report.viewed', 'indicator.looked-up'])
      .execute();
    expect(new Set(rows.map((r) => r.action))).toEqual(
      new Set(['fraud-report.submitted', 'fraud-report.viewed', 'indicator.looked-up']),
    );
    const [phone] = await lookup(world, 'phone', '0912345678');
    const text = rows.map((r) => `${r.details}\n${r.canonical}`).join('\n');
    for (const value of [
      '0912 345 678',
      '912345678',
      '0451000123456',
      '0451 000 123 456',
      'ext. lạ',
      'FT26306123456',
    ]) {
      expect(text).not.toContain(value);
    }
    expect(text).toContain(phone?.id);
  });
});
