import { TestNode } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizenReport, solvedProof } from './citizen-reports.fixtures.js';

/** Issue 14 item 1: a citizen reports fraud on the public page, without an account, and follows it later. */
describe('citizens\u2019 fraud reports', () => {
  let node: TestNode;
  const submit = async (body: Record<string, unknown>) =>
    node.call('POST', '/api/v1/fraud/citizen-reports', { body: { ...body, proofOfWork: await solvedProof(node) } });
  const statusOf = (ack: string, token: string) =>
    node.call('GET', `/api/v1/fraud/citizen-reports/${ack}`, { headers: { 'x-report-token': token } });
  const indicator = async (type: string, valueNorm: string) =>
    node.app.node.database.db
      .selectFrom('indicators')
      .selectAll()
      .where('type', '=', type)
      .where('value_norm', '=', valueNorm)
      .executeTakeFirst();
  let receipt: { acknowledgementNumber: string; statusToken: string };

  beforeAll(async () => {
    node = await TestNode.start({
      configure: (c) => ({ ...c, fraud: { proofOfWorkBits: 6, citizenReportsPerHour: 1000 } }),
    });
    const first = await submit(citizenReport());
    expect(first.statusCode).toBe(201);
    receipt = first.json();
  });
  afterAll(async () => node.stop());

  it('answers an acknowledgement number and a status token, and the report counts on its indicators', async () => {
    expect(receipt.acknowledgementNumber).toMatch(/^[A-Z]{2}-FR-2026-\d{6}$/);
    expect(receipt.statusToken.length).toBeGreaterThanOrEqual(40);
    const account = await indicator('vn-account', 'VN:970436:0451000999888');
    expect(account).toMatchObject({ report_count: 1, tlp: 'amber' });
    expect(Number(account?.loss_vnd)).toBe(5_000_000);
    const report = await node.app.node.database.db.selectFrom('fraud_reports').selectAll().executeTakeFirstOrThrow();
    expect(report).toMatchObject({ channel: 'citizen', tlp: 'amber', institution_id: null });
    const clustered = await node.app.node.database.db.selectFrom('cluster_reports').selectAll().execute();
    expect(clustered.map((c) => c.report_id)).toEqual([report.id]);
  });

  it('shows the status and its timeline with the token, and the same 404 for a wrong token or number', async () => {
    const reply = await statusOf(receipt.acknowledgementNumber, receipt.statusToken);
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toMatchObject({
      acknowledgementNumber: receipt.acknowledgementNumber,
      status: 'received',
      scamType: 'JOB_TASK',
      timeline: [{ kind: 'status', status: 'received' }],
    });
    const wrongToken = await statusOf(receipt.acknowledgementNumber, 'x'.repeat(43));
    const unknown = await statusOf('VN-FR-2026-999999', receipt.statusToken);
    expect([wrongToken.statusCode, unknown.statusCode]).toEqual([404, 404]);
    expect(wrongToken.json<{ code: string; detail: string }>().detail).toBe(unknown.json<{ detail: string }>().detail);
    expect(unknown.json()).toMatchObject({ code: 'fraud/citizen-report-not-found' });
  });

  it('adds information with the token: new identifiers and transfers update the indicators', async () => {
    const addition = {
      narrative: 'Họ gửi thêm một số tài khoản khác.',
      transfers: [{ at: '2026-11-03T09:00:00+07:00', amount: 2_000_000, currency: 'VND' }],
      identifiers: [{ type: 'phone', value: '+84 90 111 2233', role: 'contact' }],
    };
    const path = `/api/v1/fraud/citizen-reports/${receipt.acknowledgementNumber}/additions`;
    const refused = await node.call('POST', path, { body: addition, headers: { 'x-report-token': 'y'.repeat(43) } });
    expect(refused.statusCode).toBe(404);
    const reply = await node.call('POST', path, { body: addition, headers: { 'x-report-token': receipt.statusToken } });
    expect(reply.statusCode).toBe(200);
    expect(reply.json<{ timeline: { kind: string }[] }>().timeline.map((e) => e.kind)).toEqual(['status', 'addition']);
    expect(await indicator('phone', '+84901112233')).toMatchObject({ report_count: 1 });
    const account = await indicator('vn-account', 'VN:970436:0451000999888');
    expect(Number(account?.loss_vnd)).toBe(7_000_000);
    expect(account?.report_count).toBe(1);
  });

  it('keeps the narrative and contact sealed, apart from the indicators, and audits ids only', async () => {
    const db = node.app.node.database.db;
    const narratives = await db.selectFrom('fraud_report_narratives').selectAll().execute();
    const parties = await db.selectFrom('fraud_report_parties').selectAll().execute();
    expect(narratives.length).toBeGreaterThanOrEqual(2);
    expect(parties).toHaveLength(1);
    const audit = await db
      .selectFrom('audit_entries')
      .select(['details', 'canonical'])
      .where('action', 'in', ['fraud-report.citizen-submitted', 'fraud-report.citizen-added'])
      .execute();
    expect(audit).toHaveLength(2);
    const stored = [...narratives, ...parties].map((r) => r.sealed).join('\n');
    const logged = audit.map((r) => `${r.details}\n${r.canonical}`).join('\n');
    for (const value of ['Zalo', 'Nguyễn Văn An', '0911 222 333', 'an@example.vn', 'tài khoản khác']) {
      expect(stored).not.toContain(value);
    }
    for (const value of [
      '0987 654 321',
      '987654321',
      '0451000999888',
      'FT26306999888',
      'Nguyễn',
      receipt.statusToken,
    ]) {
      expect(logged).not.toContain(value);
    }
  });

  it('opens the sealed narrative and contact for the fraud desk only with a purpose, and audits the read', async () => {
    const admin = await node.administrator();
    const analyst = await node.user(admin, 'cr.analyst', ['fraud_analyst']);
    const { report_id: reportId } = await node.app.node.database.db
      .selectFrom('citizen_reports')
      .select('report_id')
      .where('ack_number', '=', receipt.acknowledgementNumber)
      .executeTakeFirstOrThrow();
    const path = `/api/v1/fraud/reports/${reportId}/private`;
    const anonymous = await node.call('GET', path, { headers: { 'x-audit-purpose': 'triage' } });
    expect(anonymous.statusCode).toBe(401);
    const noPurpose = await node.call('GET', path, { as: analyst });
    expect(noPurpose.json()).toMatchObject({ code: 'fraud/purpose-required' });
    const reply = await node.call('GET', path, { as: analyst, headers: { 'x-audit-purpose': 'triage of case 7' } });
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toMatchObject({
      narratives: [{ seq: 1, text: expect.stringContaining('Zalo') as unknown }, { seq: 2 }],
      reporter: { name: 'Nguyễn Văn An', phone: '0911 222 333', email: 'an@example.vn' },
    });
    const audit = await node.app.node.database.db
      .selectFrom('audit_entries')
      .select(['purpose', 'details'])
      .where('action', '=', 'fraud-report.private-read')
      .execute();
    expect(audit.map((a) => a.purpose)).toEqual(['triage of case 7']);
    expect(audit[0]?.details).not.toContain('Nguyễn');
  });

  it('refuses a missing, wrong or replayed proof-of-work with a stable code', async () => {
    const missing = await node.call('POST', '/api/v1/fraud/citizen-reports', { body: citizenReport() });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'request/validation-failed' });
    const proof = await solvedProof(node);
    const forged = { ...proof, challenge: proof.challenge.replace(/\.[^.]+$/, '.AAAA') };
    const wrong = await node.call('POST', '/api/v1/fraud/citizen-reports', {
      body: citizenReport({ proofOfWork: forged }),
    });
    expect(wrong.json()).toMatchObject({ code: 'fraud/proof-of-work-invalid' });
    const body = citizenReport({ proofOfWork: proof });
    expect((await node.call('POST', '/api/v1/fraud/citizen-reports', { body })).statusCode).toBe(201);
    // The same mule account: the second report joins the first one's cluster.
    const clusters = await node.app.node.database.db.selectFrom('cluster_reports').select('cluster_id').execute();
    expect(new Set(clusters.map((c) => c.cluster_id)).size).toBe(1);
    const replay = await node.call('POST', '/api/v1/fraud/citizen-reports', { body });
    expect(replay.statusCode).toBe(409);
    expect(replay.json()).toMatchObject({ code: 'fraud/proof-of-work-replayed' });
  });

  it('refuses an oversized body with 413 and too many identifiers with 400', async () => {
    const big = await submit(citizenReport({ narrative: 'a'.repeat(70 * 1024) }));
    expect(big.statusCode).toBe(413);
    const identifiers = Array.from({ length: 21 }, (_, i) => ({ type: 'phone', value: `09876543${10 + i}` }));
    const many = await submit(citizenReport({ identifiers }));
    expect(many.statusCode).toBe(400);
    expect(many.json()).toMatchObject({ code: 'request/validation-failed' });
  });

  it('limits reports per address with 429, Retry-After and a problem', async () => {
    const limited = await TestNode.start({
      configure: (c) => ({ ...c, fraud: { proofOfWorkBits: 4, citizenReportsPerHour: 2 } }),
    });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i += 1) {
        const body = citizenReport({ proofOfWork: await solvedProof(limited) });
        statuses.push(await limited.call('POST', '/api/v1/fraud/citizen-reports', { body }));
      }
      expect(statuses.map((r) => r.statusCode)).toEqual([201, 201, 429]);
      const blocked = statuses[2];
      expect(Number(blocked?.headers['retry-after'])).toBeGreaterThan(0);
      expect(blocked?.json()).toMatchObject({ code: 'request/rate-limited' });
    } finally {
      await limited.stop();
    }
  });
});
