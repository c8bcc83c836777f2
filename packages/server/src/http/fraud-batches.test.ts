import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fraudBatchLimits } from './routes/fraud.routes.js';
import { fraudReport, fraudWorld, lookup, type FraudWorld } from './fraud.fixtures.js';

interface BatchJson {
  rows: { line: number; status: string; reportId?: string; problems: { code: string; path?: string }[] }[];
  created: number;
  duplicates: number;
  rejected: number;
}

/** Issue 14, bad input: a bulk file with broken rows; good rows stored, each bad row named, nothing half-written. */
describe('fraud reports in bulk', () => {
  let world: FraudWorld;
  const send = (contentType: string, text: string) =>
    world.node.call('POST', '/api/v1/fraud/report-batches', {
      headers: { ...world.bank, 'content-type': contentType },
      body: text,
    });
  const storedReports = async () =>
    Number(
      (
        await world.node.app.node.database.db
          .selectFrom('fraud_reports')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    world = await fraudWorld('fb');
  });
  afterAll(async () => world.node.stop());

  it('takes JSON Lines: good rows stored, broken ones answered with their line and reason', async () => {
    const before = await storedReports();
    const lines = [
      JSON.stringify(fraudReport('JL-1')),
      '{"institutionReference": "JL-2", ',
      JSON.stringify(fraudReport('JL-3', { scamType: 'LOTTERY' })),
      '',
      JSON.stringify(fraudReport('JL-4', { identifiers: [{ type: 'phone', value: '0987 654 321' }] })),
      JSON.stringify(fraudReport('JL-1')),
      JSON.stringify(fraudReport('JL-1', { scamType: 'LOAN' })),
    ];
    const reply = await send('application/x-ndjson', lines.join('\n'));
    expect(reply.statusCode).toBe(200);
    const batch = reply.json<BatchJson>();
    expect(batch.rows.map((r) => `${r.line} ${r.status} ${r.problems.map((p) => p.path ?? p.code).join(',')}`)).toEqual(
      [
        '1 created ',
        '2 rejected fraud/batch-unreadable',
        '3 rejected /scamType',
        '5 created ',
        '6 duplicate ',
        '7 rejected /institutionReference',
      ],
    );
    expect(batch.rows[4]?.reportId).toBe(batch.rows[0]?.reportId);
    expect(batch).toMatchObject({ created: 2, duplicates: 1, rejected: 3 });
    expect(await storedReports()).toBe(before + 2);
    const [phone] = await lookup(world, 'phone', '0987654321');
    expect(phone?.reportCount).toBe(1);
  });

  it('takes CSV: one report a row, bad rows answered with their line', async () => {
    const before = await storedReports();
    const csv = [
      'institution_reference,scam_type,occurred_at,first_contact,' +
        'transfer_at,amount,currency,payee_type,payee_value,payee_bank,identifiers',
      'CSV-1,INVESTMENT,2026-11-04T09:00:00+07:00,telegram,2026-11-04T10:00:00+07:00,50000000,VND,' +
        'vn-account,0451000999999,VCB,"phone=0933 111 222; url=https://dau-tu-ai.top/vn"',
      'CSV-2,INVESTMENT,2026-11-04T09:00:00+07:00,telegram',
      'CSV-3,INVESTMENT,2026-11-04T09:00:00+07:00,telegram,2026-11-04T10:00:00+07:00,"50.000.000",VND,,,,',
      'CSV-4,LOAN,2026-11-05T09:00:00+07:00,sms,,,,,,,phone=0933111222',
    ].join('\r\n');
    const reply = await send('text/csv; charset=utf-8', csv);
    expect(reply.statusCode).toBe(200);
    const batch = reply.json<BatchJson>();
    expect(batch.rows.map((r) => `${r.line} ${r.status}`)).toEqual([
      '2 created',
      '3 rejected',
      '4 rejected',
      '5 created',
    ]);
    expect(batch.rows[2]?.problems).toContainEqual(expect.objectContaining({ path: '/transfers/0/amount' }));
    expect(await storedReports()).toBe(before + 2);
    const [phone] = await lookup(world, 'phone', '+84933111222');
    expect(phone).toMatchObject({ reportCount: 2, lossVnd: 50_000_000 });
    expect(await lookup(world, 'domain', 'dau-tu-ai.top')).toHaveLength(1);
  });

  it('refuses a CSV file it cannot split into rows, or with unknown columns, and stores nothing', async () => {
    const before = await storedReports();
    const unclosed = await send(
      'text/csv',
      'institution_reference,scam_type,occurred_at,first_contact\n"CSV-9,OTHER\n',
    );
    expect(unclosed.statusCode).toBe(400);
    const problem = unclosed.json<{ code: string; detail: string }>();
    expect(problem.code).toBe('fraud/batch-unreadable');
    expect(problem.detail).toContain('line 2');
    const header = await send('text/csv', 'institution_reference,victim_name\nCSV-10,Nguyễn Văn A\n');
    expect(header.statusCode).toBe(400);
    expect(await storedReports()).toBe(before);
  });

  it('refuses other media types with 415, too many rows or bytes with 413, and a flood with 429', async () => {
    expect((await send('text/plain', 'x')).statusCode).toBe(415);
    const single = await world.node.call('POST', '/api/v1/fraud/reports', {
      headers: { ...world.bank, 'content-type': 'text/csv' },
      body: 'institution_reference\nX',
    });
    expect(single.statusCode).toBe(415);
    const tooMany = await send('application/x-ndjson', '{}\n'.repeat(fraudBatchLimits.maxRows + 1));
    expect(tooMany.statusCode).toBe(413);
    expect(tooMany.json()).toMatchObject({ code: 'fraud/batch-too-large' });
    const tooBig = await send('application/x-ndjson', ' '.repeat(fraudBatchLimits.maxBytes + 1));
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json()).toMatchObject({ code: 'request/body-too-large' });
    const statuses: number[] = [];
    for (let i = 0; i <= fraudBatchLimits.perMinute; i += 1) {
      statuses.push((await send('application/x-ndjson', '')).statusCode);
    }
    expect(statuses).toContain(429);
  });
});
