import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import i18next from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { rememberSignedIn } from '../auth/session-expiry.js';
import { json, stubFetch } from '../test/fetch-stub.js';
import { adminSession, providerView } from '../test/provider-view.js';
import { expectReadable } from '../test/readable-scan.js';
import { renderWithApp } from '../test/render.js';
import { ProviderPage } from './ProviderPage.js';

const provider = providerView();
const base = `/api/v1/providers/${provider.id}`;
const account = (id: string, username: string, roles: string[]) => ({
  id,
  username,
  displayName: `${username} (demo)`,
  roles,
  status: 'active',
  totpEnrolled: true,
  createdAt: '2026-11-01T01:00:00Z',
});
const users = {
  users: [
    account('u-p1', 'vn.provider', ['provider_user']),
    account('u-p2', 'vn.provider2', ['provider_user']),
    account('u-duty', 'vn.duty', ['duty_officer']),
  ],
};
const membership = (userId: string, username: string) => ({ userId, username, createdAt: '2026-11-21T01:00:00Z' });

afterEach(async () => {
  await i18next.changeLanguage('vi');
});

describe('one provider of the registry', () => {
  for (const [language, type, none] of [
    ['vi', 'Nền tảng số', 'Chưa có người dùng nào thay mặt doanh nghiệp'],
    ['en', 'Online platform', 'No user acts for it'],
  ] as const) {
    it(`in ${language}: its details in words and that no user acts for it, all readable`, async () => {
      rememberSignedIn(true);
      await i18next.changeLanguage(language);
      stubFetch({
        'GET /api/v1/auth/session': () => json(200, adminSession),
        [`GET ${base}`]: () => json(200, provider),
        [`GET ${base}/members`]: () => json(200, { members: [] }),
        'GET /api/v1/users': () => json(200, users),
      });
      const { container } = renderWithApp(<ProviderPage id={provider.id} />);
      await screen.findByRole('heading', { name: provider.legalName });
      expect(screen.getByText(type)).toBeDefined();
      expect((await screen.findByText(new RegExp(none))).textContent).toContain(none);
      expectReadable(container);
    });
  }

  it('links one of the provider users (officers are not offered), then unlinks after a confirmation', async () => {
    rememberSignedIn(true);
    await i18next.changeLanguage('en');
    let members = [membership('u-p2', 'vn.provider2')];
    const network = stubFetch({
      'GET /api/v1/auth/session': () => json(200, adminSession),
      [`GET ${base}`]: () => json(200, provider),
      [`GET ${base}/members`]: () => json(200, { members }),
      'GET /api/v1/users': () => json(200, users),
      [`POST ${base}/members`]: () => {
        members = [...members, membership('u-p1', 'vn.provider')];
        return json(200, { members });
      },
      [`DELETE ${base}/members/u-p2`]: () => {
        members = members.filter((m) => m.userId !== 'u-p2');
        return new Response(null, { status: 204 });
      },
    });
    const user = userEvent.setup({ delay: null });
    renderWithApp(<ProviderPage id={provider.id} />);
    const choice = await screen.findByRole('combobox', { name: 'Provider user' });
    await waitFor(() => expect(within(choice).getAllByRole('option')).toHaveLength(2));
    expect(within(choice).queryByText(/vn\.duty/)).toBeNull();
    expect(within(choice).queryByText(/vn\.provider2/)).toBeNull();
    await user.selectOptions(choice, 'vn.provider · vn.provider (demo)');
    await user.click(screen.getByRole('button', { name: 'Link a user' }));
    const listed = await screen.findByTestId('provider-members');
    await within(listed).findByText('vn.provider');
    expect(network.sent.find((r) => r.method === 'POST')?.body).toEqual({ userId: 'u-p1' });

    await user.click(within(listed).getAllByRole('button', { name: 'Unlink' })[0] as HTMLElement);
    expect(network.sent.some((r) => r.method === 'DELETE')).toBe(false);
    expect(
      screen.getByText(`Unlink vn.provider2 from ${provider.legalName}? They will no longer see its orders.`),
    ).toBeDefined();
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    await waitFor(() => expect(within(listed).queryByText('vn.provider2')).toBeNull());
    expect(network.sent.filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual([`${base}/members/u-p2`]);
  });
});
