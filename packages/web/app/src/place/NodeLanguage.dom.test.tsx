import { screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import i18next from 'i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SignInPage } from '../auth/SignInPage.js';
import { followNodeLanguage } from '../i18n/i18n.js';
import { json, stubFetch } from '../test/fetch-stub.js';
import { renderWithApp } from '../test/render.js';
import { useNodeProfile, type NodeProfile } from './node-profile.js';

const singapore: NodeProfile = {
  country: 'SG',
  stateName: { en: 'Singapore', vi: 'Singapore' },
  name: 'Singapore 24/7 (demo)',
  defaultLanguage: 'en',
};

/** The signed-out app as App.tsx mounts it: the node's profile first, then the sign-in page. */
function SignedOut() {
  const place = useNodeProfile();
  return place.isPending ? null : <SignInPage place={place.data} />;
}

const browserPrefers = (...languages: string[]) =>
  vi.spyOn(window.navigator, 'languages', 'get').mockReturnValue(languages);

describe('the language a node\u2019s sign-in page opens in', () => {
  afterEach(async () => {
    await i18next.changeLanguage('vi');
  });

  it('is the node\u2019s default even for a Vietnamese browser, and the page names the State', async () => {
    browserPrefers('vi-VN', 'vi');
    stubFetch({ 'GET /api/v1/node/profile': () => json(200, singapore) });
    renderWithApp(<SignedOut />);
    await screen.findByRole('heading', { name: 'Sign in to the 24/7 desk' });
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByTestId('node-place').textContent).toBe('Node of Singapore: Singapore 24/7 (demo)');
  });

  it('is the user\u2019s saved choice over the node\u2019s default', async () => {
    localStorage.setItem('h247.language', 'vi');
    stubFetch({ 'GET /api/v1/node/profile': () => json(200, singapore) });
    renderWithApp(<SignedOut />);
    await screen.findByRole('heading', { name: 'Đăng nhập bàn trực 24/7' });
    expect(screen.getByTestId('node-place').textContent).toBe('Nút của Singapore: Singapore 24/7 (demo)');
  });

  it('is the browser\u2019s when the operator set none, else Vietnamese', async () => {
    browserPrefers('fr-FR', 'en-GB');
    await followNodeLanguage(null);
    expect(i18next.language).toBe('en');
    browserPrefers('fr-FR', 'de');
    await followNodeLanguage(null);
    expect(i18next.language).toBe('vi');
  });

  it('switches on the sign-in page, and the choice then outranks the node\u2019s default', async () => {
    browserPrefers('en-GB');
    stubFetch({ 'GET /api/v1/node/profile': () => json(200, { ...singapore, defaultLanguage: 'vi' }) });
    const user = userEvent.setup({ delay: null });
    renderWithApp(<SignedOut />);
    await screen.findByRole('heading', { name: 'Đăng nhập bàn trực 24/7' });

    await user.click(screen.getByRole('radio', { name: 'English' }));
    await screen.findByRole('heading', { name: 'Sign in to the 24/7 desk' });
    expect(localStorage.getItem('h247.language')).toBe('en');

    await followNodeLanguage('vi');
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Sign in to the 24/7 desk');
  });
});
