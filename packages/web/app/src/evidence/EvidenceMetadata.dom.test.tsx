import { screen } from '@testing-library/react';
import i18next from 'i18next';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { expectReadable } from '../test/readable-scan.js';
import { renderWithApp } from '../test/render.js';
import { EvidenceMetadata } from './EvidenceMetadata.js';

/** Metadata as core's evidence metadata schema stores it for a provider's production. */
const metadata = {
  source: 'provider-production',
  dataCategory: 'traffic',
  acquisition: { method: 'Export from the provider portal', acquiredAt: '2026-11-03T09:15:00+07:00' },
  covers: { from: '2026-09-30T17:00:00Z', to: '2026-10-31T16:59:00Z' },
  personalData: true,
  originCountry: 'VN',
  useLimitations: ['Only for case 42/2026'],
  retentionUntil: '2031-12-31',
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

describe('the metadata of an evidence item', () => {
  for (const [language, expected] of [
    [
      'vi',
      [
        'Doanh nghiệp cung cấp',
        'Dữ liệu lưu lượng',
        'Có',
        '31 thg 12, 2031',
        '09:15 3 thg 11, 2026 (Asia/Ho_Chi_Minh)',
      ],
    ],
    [
      'en',
      ['Produced by a service provider', 'Traffic data', 'Yes', '31 Dec 2031', '3 Nov 2026, 09:15 (Asia/Ho_Chi_Minh)'],
    ],
  ] as const) {
    it(`reads as labelled rows in ${language}, never as JSON`, async () => {
      await i18next.changeLanguage(language);
      const { container } = renderWithApp(<EvidenceMetadata metadata={metadata} />);
      expectReadable(container);
      for (const text of expected) expect(screen.getByText(text)).toBeDefined();
    });
  }
});
