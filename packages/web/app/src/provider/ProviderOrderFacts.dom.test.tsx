import { screen } from '@testing-library/react';
import i18next from 'i18next';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ProviderOrder } from '../api/provider-types.js';
import { expectReadable } from '../test/readable-scan.js';
import { renderWithApp } from '../test/render.js';
import { ProviderOrderFacts } from './ProviderOrderFacts.js';

/** A preservation order as a Vietnamese provider receives it (ProviderOrder in the OpenAPI document). */
const order: ProviderOrder = {
  id: '0193f0c2-6a4b-7c1d-9e2f-3a4b5c6d7e8f',
  reference: 'VN-ORD-2026-000007',
  type: 'PRESERVE_25',
  typeTitle: { en: 'Preservation order', vi: 'Lệnh bảo toàn' },
  legalSource: { instrument: 'DOMESTIC', article: '12', paragraph: '2' },
  state: 'SERVED',
  stateLabel: { en: 'Served', vi: 'Đã tống đạt' },
  emergency: null,
  emergencyJustification: null,
  version: 1,
  terms: {
    authorisation: {
      body: 'Viện kiểm sát nhân dân tối cao',
      reviewType: 'PROSECUTORIAL',
      decisionReference: 'QĐ 17/2026',
    },
    grounds: 'Lừa đảo đầu tư qua mạng',
    scope: {
      identifiers: [
        { kind: 'account', service: 'Zalo', handle: 'nguyenvan.a' },
        { kind: 'ip', address: '203.0.113.7', port: 443, observedAt: '2026-10-30T14:03:11+07:00' },
      ],
      dataCategories: ['subscriber', 'traffic'],
      dateRange: { from: '2026-09-30T17:00:00Z', to: '2026-10-31T16:59:00Z', timeZone: 'Asia/Ho_Chi_Minh' },
    },
    durationDays: 90,
    authorisedPeriod: null,
    nonDisclosure: { required: true, until: '2027-03-15' },
  },
  periods: [{ n: 0, start: '2026-11-02T01:00:00Z', end: '2027-01-31T01:00:00Z', renewedBy: null }],
  preservedUntil: null,
  preservedWhat: null,
  objection: null,
  servedAt: '2026-11-02T01:00:00Z',
  revision: 1,
  deadlines: [],
  availableActions: [],
  updatedAt: '2026-11-02T01:00:00Z',
  maxProductionBytes: 1_000_000,
};

beforeAll(() => {
  vi.stubEnv('TZ', 'Asia/Ho_Chi_Minh');
});
afterAll(() => {
  vi.unstubAllEnvs();
});
afterEach(async () => {
  await i18next.changeLanguage('vi');
});

describe('the signed order as its provider reads it', () => {
  it(
    'in Vietnamese: the law and review by name, identifiers as a table, the ' + 'period in the order\u2019s zone',
    async () => {
      await i18next.changeLanguage('vi');
      const { container } = renderWithApp(<ProviderOrderFacts order={order} />);
      expectReadable(container);
      expect(screen.getByText('Pháp luật trong nước Điều 12(2)')).toBeDefined();
      expect(screen.getByText('Viện kiểm sát nhân dân tối cao (Viện kiểm sát phê chuẩn), QĐ 17/2026')).toBeDefined();
      expect(screen.getByText('203.0.113.7:443')).toBeDefined();
      expect(
        screen.getByText('Từ 00:00 1 thg 10, 2026 (Asia/Ho_Chi_Minh) đến 23:59 31 thg 10, 2026 (Asia/Ho_Chi_Minh)'),
      ).toBeDefined();
      expect(screen.getByText('có, đến 15 thg 3, 2027')).toBeDefined();
    },
  );

  it('in English the same way', async () => {
    await i18next.changeLanguage('en');
    const { container } = renderWithApp(<ProviderOrderFacts order={order} />);
    expectReadable(container);
    expect(screen.getByText('Domestic law art. 12(2)')).toBeDefined();
    expect(screen.getByText('Account')).toBeDefined();
    expect(screen.getByText('30 Oct 2026, 14:03 (Asia/Ho_Chi_Minh)')).toBeDefined();
    expect(screen.getByText('yes, until 15 Mar 2027')).toBeDefined();
  });
});
