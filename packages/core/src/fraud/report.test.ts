import { describe, expect, it } from 'vitest';
import { prepareReport } from './report.js';
import { reportInputSchema, type ReportInput } from './report.schema.js';
import { scamTypeCodes, scamTypeLabels } from './scam-types.js';

/** A report as a bank sends it, written by hand: a task scam paid to a mule account, plus a refused phone. */
const report = (overrides: Record<string, unknown> = {}): ReportInput =>
  reportInputSchema.parse({
    institutionReference: 'VCB-2026-000123',
    scamType: 'JOB_TASK',
    occurredAt: '2026-11-02T14:03:11+07:00',
    firstContact: 'zalo',
    province: 'Hà Nội',
    transfers: [
      {
        at: '2026-11-02T14:20:00+07:00',
        amount: 15_000_000,
        currency: 'VND',
        payerInstitution: 'Vietcombank',
        payee: { type: 'vn-account', value: '0451000123456', bank: 'Vietcombank' },
        transactionReference: 'FT26306123456',
      },
      { at: '2026-11-03T09:00:00+07:00', amount: 2_500_000, currency: 'VND' },
      { at: '2026-11-03T10:00:00+07:00', amount: 120.5, currency: 'USD' },
    ],
    identifiers: [
      { type: 'phone', value: '0912 345 678', role: 'contact' },
      { type: 'phone', value: '12', role: 'contact' },
      { type: 'url', value: 'https://vietcombank-xacthuc.top/login#step2', role: 'site' },
      { type: 'pager', value: '5551234' },
    ],
    ...overrides,
  });

describe('the scam type code list', () => {
  it('labels every code in Vietnamese and English', () => {
    for (const code of scamTypeCodes) {
      expect(scamTypeLabels[code].vi.length).toBeGreaterThan(0);
      expect(scamTypeLabels[code].en.length).toBeGreaterThan(0);
    }
    expect(new Set(scamTypeCodes).size).toBe(scamTypeCodes.length);
  });
});

describe('reportInputSchema', () => {
  it('accepts a report and fills the defaults', () => {
    const parsed = reportInputSchema.parse({
      institutionReference: 'R1',
      scamType: 'OTHER',
      occurredAt: '2026-11-02T00:00:00Z',
      firstContact: 'other',
    });
    expect(parsed.transfers).toEqual([]);
    expect(parsed.identifiers).toEqual([]);
  });

  it.each([
    ['an unknown scam type', { scamType: 'LOTTERY' }, 'scamType'],
    ['a time without its zone', { occurredAt: '2026-11-02T14:03:11' }, 'occurredAt'],
    ['an unknown first contact', { firstContact: 'pigeon' }, 'firstContact'],
    ['an unknown field', { victimName: 'Nguyễn Văn A' }, ''],
    [
      'a VND amount with a fraction',
      { transfers: [{ at: '2026-11-02T14:20:00+07:00', amount: 10.5, currency: 'VND' }] },
      'transfers.0.amount',
    ],
    [
      'a currency that is not ISO 4217',
      { transfers: [{ at: '2026-11-02T14:20:00Z', amount: 1, currency: 'đồng' }] },
      'transfers.0.currency',
    ],
    ['an empty reference', { institutionReference: '  ' }, 'institutionReference'],
  ])('refuses %s', (_name, overrides, path) => {
    const result = reportInputSchema.safeParse({ ...report(), ...overrides });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain(path);
  });
});

describe('prepareReport', () => {
  it('normalises each identifier; a refused one keeps its text and its reason and never becomes an indicator', () => {
    const prepared = prepareReport(report());
    expect(prepared.identifiers.map((i) => (i.ok ? i.indicator.hashKey : i.reason))).toEqual([
      'phone|+84912345678',
      'fraud/indicator-invalid-number',
      'url|https://vietcombank-xacthuc.top/login',
      'fraud/indicator-unknown-type',
    ]);
    const refused = prepared.identifiers.filter((i) => !i.ok).map((i) => i.raw.value);
    expect(refused).toEqual(['12', '5551234']);
    expect(prepared.links.map((l) => l.indicator.valueNorm)).not.toContain('12');
  });

  it('links each indicator once per role, with the payee and the URL\u2019s domain', () => {
    const links = prepareReport(report()).links.map((l) => `${l.role} ${l.indicator.hashKey}`);
    expect(links.sort()).toEqual([
      'contact phone|+84912345678',
      'derived domain|vietcombank-xacthuc.top',
      'payee vn-account|VN:970436:0451000123456',
      'site url|https://vietcombank-xacthuc.top/login',
    ]);
  });

  it('sums the VND transfers only and leaves other currencies unconverted', () => {
    expect(prepareReport(report()).lossVnd).toBe(17_500_000);
    expect(prepareReport(report({ transfers: [] })).lossVnd).toBe(0);
  });

  it('gives one link when the same value is written twice in one role', () => {
    const twice = report({
      transfers: [],
      identifiers: [
        { type: 'phone', value: '0912345678', role: 'contact' },
        { type: 'phone', value: '+84 912 345 678', role: 'contact' },
      ],
    });
    expect(prepareReport(twice).links).toHaveLength(1);
  });
});
