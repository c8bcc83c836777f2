import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import i18next from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { rememberSignedIn } from '../auth/session-expiry.js';
import type { SessionView } from '../api/types.js';
import { AppLayout } from '../layout/AppLayout.js';
import { json, stubFetch } from '../test/fetch-stub.js';
import { adminSession, providerView } from '../test/provider-view.js';
import { expectReadable } from '../test/readable-scan.js';
import { renderWithApp } from '../test/render.js';
import { ProvidersPage } from './ProvidersPage.js';

const platform = providerView();
const bank = providerView({
  id: '0193f0c2-9000-7000-8000-00000000c002',
  legalName: 'Ngân hàng Ví dụ',
  type: 'BANK_OR_PAYMENT',
  dataCategories: ['subscriber'],
  channel: 'api',
  active: false,
});
const registry = () => ({
  'GET /api/v1/auth/session': () => json(200, adminSession),
  'GET /api/v1/providers?limit=500': () => json(200, { providers: [platform, bank] }),
  [`GET /api/v1/providers/${platform.id}/members`]: () =>
    json(200, { members: [{ userId: 'u-p', username: 'vn.provider', createdAt: '2026-11-21T01:00:00Z' }] }),
  [`GET /api/v1/providers/${bank.id}/members`]: () => json(200, { members: [] }),
});
const rowOf = (name: string) => screen.getByText(name).closest('tr') as HTMLElement;

afterEach(async () => {
  await i18next.changeLanguage('vi');
});

describe('the provider registry', () => {
  for (const [language, type, categories, channel, inactive] of [
    [
      'vi',
      'Nền tảng số',
      'Dữ liệu thuê bao, Dữ liệu lưu lượng',
      'Người dùng của doanh nghiệp, trên cổng của nút này',
      'Ngừng hoạt động (không nhận lệnh mới)',
    ],
    [
      'en',
      'Online platform',
      'Subscriber information, Traffic data',
      'Its users, in this node\u2019s portal',
      'Inactive (no new orders)',
    ],
  ] as const) {
    it(`in ${language}: type, data held, channel and linked users in words, all readable`, async () => {
      rememberSignedIn(true);
      await i18next.changeLanguage(language);
      stubFetch(registry());
      const { container } = renderWithApp(<ProvidersPage />);
      await screen.findByText(platform.legalName);
      const row = rowOf(platform.legalName);
      expect(within(row).getByText(type)).toBeDefined();
      expect(within(row).getByText(categories)).toBeDefined();
      expect(within(row).getByText(channel)).toBeDefined();
      expect(await within(row).findByText('1')).toBeDefined();
      expect(await within(rowOf(bank.legalName)).findByText('0')).toBeDefined();
      expect(within(rowOf(bank.legalName)).getByText(inactive)).toBeDefined();
      expectReadable(container);
    });
  }

  it('finds providers by the words of their type and channel, and says when none matches', async () => {
    rememberSignedIn(true);
    await i18next.changeLanguage('en');
    stubFetch(registry());
    const user = userEvent.setup({ delay: null });
    renderWithApp(<ProvidersPage />);
    await screen.findByText(platform.legalName);
    await user.type(screen.getByRole('textbox', { name: /Search/ }), 'bank or payment');
    expect(screen.queryByText(platform.legalName)).toBeNull();
    expect(screen.getByText(bank.legalName)).toBeDefined();
    await user.clear(screen.getByRole('textbox', { name: /Search/ }));
    await user.type(screen.getByRole('textbox', { name: /Search/ }), 'through the API');
    expect(screen.getByText(bank.legalName)).toBeDefined();
    await user.type(screen.getByRole('textbox', { name: /Search/ }), ' telecommunications');
    expect(screen.getByText('No provider matches the search.')).toBeDefined();
  });

  it('tells an officer without the permission that the registry is not theirs to keep', async () => {
    rememberSignedIn(true);
    const network = stubFetch({
      'GET /api/v1/auth/session': () =>
        json(200, {
          ...adminSession,
          user: { id: 'u1', username: 'vn.duty', roles: ['duty_officer'] },
          permissions: ['requests:read', 'providers:read'],
        }),
    });
    renderWithApp(<ProvidersPage />);
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Bạn không có quyền quản lý sổ đăng ký doanh nghiệp',
    );
    expect(network.sent.map((r) => r.path)).toEqual(['/api/v1/auth/session']);
  });

  it('is in the header only for those who keep it', () => {
    stubFetch({});
    const duty: SessionView = { ...adminSession, permissions: ['requests:read', 'providers:read'] };
    const { unmount } = renderWithApp(
      <AppLayout session={duty} route={{ page: 'inbox' }} place={undefined} onSignOut={() => undefined}>
        <p>page</p>
      </AppLayout>,
    );
    expect(screen.queryByRole('link', { name: 'Doanh nghiệp' })).toBeNull();
    unmount();
    renderWithApp(
      <AppLayout
        session={adminSession}
        route={{ page: 'provider', id: platform.id }}
        place={undefined}
        onSignOut={() => undefined}
      >
        <p>page</p>
      </AppLayout>,
    );
    const link = screen.getByRole('link', { name: 'Doanh nghiệp' });
    expect(link.getAttribute('href')).toBe('#/providers');
    expect(link.getAttribute('aria-current')).toBe('page');
  });
});
