import { screen, within } from '@testing-library/react';
import i18next from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionView } from '../api/types.js';
import { rememberSignedIn } from '../auth/session-expiry.js';
import { json, stubFetch } from '../test/fetch-stub.js';
import { expectReadable } from '../test/readable-scan.js';
import { renderWithApp } from '../test/render.js';
import { ClusterPage } from './ClusterPage.js';
import { ClustersPage } from './ClustersPage.js';

const clusterId = '0193f0c2-9000-7000-8000-00000000f001';
const analystSession: SessionView = {
  user: { id: 'u-analyst', username: 'vn.analyst', roles: ['fraud_analyst'] },
  permissions: ['fraud-reports:read', 'indicators:read'],
  via: 'session',
  csrfToken: 'csrf',
};
const summary = {
  id: clusterId,
  reportCount: 2,
  victimCount: 2,
  lossVnd: 17_000_000,
  firstSeen: '2026-10-30T02:00:00.000Z',
  lastSeen: '2026-11-02T07:03:11.000Z',
  provinces: [{ value: 'Hà Nội', reportCount: 2 }],
  scamTypes: [
    { value: 'JOB_TASK', reportCount: 1 },
    { value: 'LOAN', reportCount: 1 },
  ],
  updatedAt: '2026-11-02T08:00:00.000Z',
};
const view = {
  cluster: summary,
  reports: [
    {
      id: 'r-2',
      scamType: 'JOB_TASK',
      occurredAt: '2026-11-02T14:03:11+07:00',
      province: 'Hà Nội',
      lossVnd: 15_000_000,
    },
    { id: 'r-1', scamType: 'LOAN', occurredAt: '2026-10-30T09:00:00+07:00', province: 'Hà Nội', lossVnd: 2_000_000 },
  ],
  indicators: [
    { id: 'i-1', type: 'phone', valueDisplay: '+84 91 234 56 78', status: 'reported', reportCount: 2, linking: true },
    { id: 'i-2', type: 'domain', valueDisplay: 'facebook.com', status: 'reported', reportCount: 40, linking: false },
  ],
  edges: [
    { reportId: 'r-1', indicatorId: 'i-1', role: 'contact' },
    { reportId: 'r-2', indicatorId: 'i-1', role: 'contact' },
    { reportId: 'r-2', indicatorId: 'i-2', role: 'site' },
  ],
};

afterEach(async () => {
  await i18next.changeLanguage('vi');
});

describe('the fraud cluster pages', () => {
  for (const [language, phone, jobTask, loan, notJoining, contact] of [
    [
      'vi',
      'Số điện thoại',
      'Lừa đảo việc làm, "làm nhiệm vụ"',
      'Lừa đảo cho vay',
      'Không (máy chủ dùng chung, đã rút lại hoặc hết hạn)',
      'liên hệ',
    ],
    ['en', 'Phone number', 'Job or task scam', 'Loan scam', 'No (shared host, retracted or expired)', 'contact'],
  ] as const) {
    it(`in ${language}: totals, the graph's place, a timeline, the indicators with their evidence`, async () => {
      rememberSignedIn(true);
      await i18next.changeLanguage(language);
      const { sent } = stubFetch({
        'GET /api/v1/auth/session': () => json(200, analystSession),
        [`GET /api/v1/fraud/clusters/${clusterId}`]: () => json(200, view),
      });
      const { container } = renderWithApp(<ClusterPage id={clusterId} />);
      const phoneRow = (await screen.findByText('+84 91 234 56 78')).closest('tr') as HTMLElement;
      expect(within(phoneRow).getByText(phone)).toBeDefined();
      expect(within(phoneRow).getByText(new RegExp(`\\(${contact}\\)`))).toBeDefined();
      const hostRow = screen.getByText('facebook.com').closest('tr') as HTMLElement;
      expect(within(hostRow).getByText(notJoining)).toBeDefined();
      expect(screen.getByRole('img', { name: i18next.t('fraud.graphTitle') })).toBeDefined();
      const timeline = screen.getByText(i18next.t('fraud.timelineTitle')).nextElementSibling as HTMLElement;
      const items = within(timeline).getAllByText(/VND/);
      // Oldest first: the loan of 30 October, then the job scam of 2 November.
      expect(items[0]?.textContent).toContain(loan);
      expect(items[1]?.textContent).toContain(jobTask);
      expect(sent.find((r) => r.path.includes('/fraud/clusters/'))?.headers['x-audit-purpose']).toBe(
        'fraud cluster review',
      );
      expectReadable(container);
    });
  }

  it('lists clusters with their totals in words and links each to its page', async () => {
    rememberSignedIn(true);
    await i18next.changeLanguage('en');
    stubFetch({
      'GET /api/v1/auth/session': () => json(200, analystSession),
      'GET /api/v1/fraud/clusters?sort=last-seen&limit=100': () => json(200, { clusters: [summary], total: 1 }),
    });
    const { container } = renderWithApp(<ClustersPage />);
    const link = await screen.findByRole('link', { name: /Cluster/ });
    expect(link.getAttribute('href')).toBe(`#/fraud/clusters/${clusterId}`);
    const row = link.closest('tr') as HTMLElement;
    expect(within(row).getByText('17,000,000')).toBeDefined();
    expect(within(row).getByText('Job or task scam, Loan scam')).toBeDefined();
    expectReadable(container);
  });

  it('tells a desk officer the clusters are not theirs', async () => {
    rememberSignedIn(true);
    stubFetch({
      'GET /api/v1/auth/session': () =>
        json(200, {
          ...analystSession,
          permissions: ['requests:read'],
          user: { ...analystSession.user, roles: ['duty_officer'] },
        }),
    });
    renderWithApp(<ClustersPage />);
    expect((await screen.findByRole('alert')).textContent).toContain(i18next.t('fraud.notAllowed'));
  });
});
