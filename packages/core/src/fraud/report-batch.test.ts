import { describe, expect, it } from 'vitest';
import { readCsv } from './csv.js';
import { readCsvReports, readJsonLines } from './report-batch.js';

describe('readCsv (RFC 4180)', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and numbers records by their first line', () => {
    const read = readCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\n"two\nlines",z\n\nlast,');
    expect(read).toEqual({
      ok: true,
      records: [
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['x, y', 'say "hi"'] },
        { line: 3, fields: ['two\nlines', 'z'] },
        { line: 6, fields: ['last', ''] },
      ],
    });
  });

  it('names the line of a quote never closed and of text after a closing quote', () => {
    expect(readCsv('a,b\n"open,b\n')).toEqual({ ok: false, line: 2, reason: 'a quoted field is not closed' });
    expect(readCsv('a,b\n"x"y,b\n')).toEqual({ ok: false, line: 2, reason: 'text follows a closing quote' });
  });
});

describe('readJsonLines', () => {
  it('gives each non-blank line its number, and marks lines that are not JSON objects', () => {
    const reading = readJsonLines('{"a":1}\n\n[1]\n{broken\n', JSON.parse);
    expect(reading).toEqual({
      ok: true,
      rows: [
        { line: 1, ok: true, input: { a: 1 } },
        { line: 3, ok: false, reason: 'the line is not a JSON object' },
        { line: 4, ok: false, reason: 'the line is not valid JSON' },
      ],
    });
  });
});

describe('readCsvReports', () => {
  const header =
    'institution_reference,scam_type,occurred_at,first_contact,' +
    'transfer_at,amount,currency,payee_type,payee_value,payee_bank,identifiers';

  it('makes one report per row with its transfer and identifiers, blank cells left out', () => {
    const reading = readCsvReports(
      `${header}\nR1,LOAN,2026-11-02T14:03:11+07:00,sms,2026-11-02T15:00:00+07:00,5000000,VND,` +
        `vn-account,0451000123456,VCB,"phone=0912 345 678; url=https://x.example/a=b"\n` +
        `R2,OTHER,2026-11-02T14:03:11+07:00,other,,,,,,,\n`,
    );
    expect(reading).toEqual({
      ok: true,
      rows: [
        {
          line: 2,
          ok: true,
          input: {
            institutionReference: 'R1',
            scamType: 'LOAN',
            occurredAt: '2026-11-02T14:03:11+07:00',
            firstContact: 'sms',
            transfers: [
              {
                at: '2026-11-02T15:00:00+07:00',
                amount: 5000000,
                currency: 'VND',
                payee: { type: 'vn-account', value: '0451000123456', bank: 'VCB' },
              },
            ],
            identifiers: [
              { type: 'phone', value: '0912 345 678' },
              { type: 'url', value: 'https://x.example/a=b' },
            ],
          },
        },
        {
          line: 3,
          ok: true,
          input: {
            institutionReference: 'R2',
            scamType: 'OTHER',
            occurredAt: '2026-11-02T14:03:11+07:00',
            firstContact: 'other',
            transfers: [],
            identifiers: [],
          },
        },
      ],
    });
  });

  it('marks a row with the wrong number of fields, and keeps an amount that is not a number as text', () => {
    const reading = readCsvReports(
      `${header}\nR1,LOAN\nR2,LOAN,2026-11-02T14:03:11Z,sms,2026-11-02T15:00:00Z,5.000.000,VND,,,,\n`,
    );
    expect(reading.ok && reading.rows[0]).toEqual({
      line: 2,
      ok: false,
      reason: 'the row has 2 fields, the header 11',
    });
    expect(reading.ok && reading.rows[1]?.ok && reading.rows[1].input).toMatchObject({
      transfers: [{ amount: '5.000.000' }],
    });
  });

  it('refuses a file whose header has unknown or missing columns', () => {
    expect(readCsvReports('institution_reference,victim_name\nR1,A\n')).toEqual({
      ok: false,
      line: 1,
      reason: 'unknown columns: victim_name; missing columns: scam_type, occurred_at, first_contact',
    });
  });
});
