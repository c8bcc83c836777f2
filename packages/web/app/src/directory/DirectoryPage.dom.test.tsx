import { screen } from '@testing-library/react';
import i18next from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { Peer } from '../api/types.js';
import { json, stubFetch } from '../test/fetch-stub.js';
import { expectReadable } from '../test/readable-scan.js';
import { countryProfilesBody } from '../test/reference.fixtures.js';
import { renderWithApp } from '../test/render.js';
import { DirectoryPage } from './DirectoryPage.js';

const singapore: Peer = {
  country: 'SG',
  name: 'Singapore 24/7 point of contact',
  baseUrl: 'https://sg.example',
  status: 'active',
  pinnedFingerprint: 'SHA256:Zm9vYmFy',
  languages: ['en', 'zh'],
  keys: [],
  roster: [{ role: 'duty officer', name: 'Tan Wei Ming' }],
  reservations: [{ code: 'ART42_DUAL_CRIMINALITY', description: 'Dual criminality for preservation' }],
  updatedAt: '2026-11-01T08:00:00.000Z',
};

afterEach(async () => {
  await i18next.changeLanguage('vi');
});

describe('the partner directory', () => {
  for (const [language, words] of [
    ['vi', ['Đang hoạt động', 'Tiếng Anh']],
    ['en', ['Active', 'English, Chinese']],
  ] as const) {
    it(`puts a partner's status, languages and reservations in words (${language})`, async () => {
      await i18next.changeLanguage(language);
      stubFetch({
        'GET /api/v1/peers': () => json(200, { peers: [singapore] }),
        'GET /api/v1/federation/status': () =>
          json(200, { queueDepth: 0, oldestPendingAt: null, lastDeliveredAt: null, failures: [] }),
        'GET /api/v1/federation/ledger-alerts': () => json(200, { alerts: [] }),
        'GET /api/v1/country-profiles': () => json(200, countryProfilesBody),
      });
      const { container } = renderWithApp(<DirectoryPage />);
      for (const word of words) expect(await screen.findByText(new RegExp(word))).toBeDefined();
      // The reservation's words arrive with the country profiles.
      await screen.findByText(language === 'vi' ? /có thể từ chối bảo toàn/ : /may refuse preservation/);
      expectReadable(container);
    });
  }
});
