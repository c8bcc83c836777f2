import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../test/render.js';
import { AppLayout } from './AppLayout.js';
import type { SessionView } from '../api/types.js';

const session: SessionView = {
  user: { id: 'u1', username: 'vn.duty', roles: ['duty_officer'] },
  permissions: ['requests:read', 'requests:draft'],
  via: 'session',
  csrfToken: 'csrf',
};
const vietNam = {
  country: 'VN',
  stateName: { en: 'Viet Nam', vi: 'Việt Nam' },
  name: 'Viet Nam 24/7 (demo)',
  defaultLanguage: 'vi' as const,
};

describe('the header every page shares', () => {
  it(
    'names the node\u2019s State and name, and folds its controls behind a menu ' +
      'button that says whether it is open',
    async () => {
      const signOut = vi.fn();
      const user = userEvent.setup({ delay: null });
      renderWithApp(
        <AppLayout session={session} route={{ page: 'inbox' }} place={vietNam} onSignOut={signOut}>
          <p>page</p>
        </AppLayout>,
      );
      expect(screen.getByTestId('node-place').textContent).toBe('Việt Nam · Viet Nam 24/7 (demo)');

      const menu = screen.getByRole('button', { name: 'Mở trình đơn' });
      const controls = document.getElementById(menu.getAttribute('aria-controls') ?? '');
      expect(menu.getAttribute('aria-expanded')).toBe('false');
      expect(controls?.getAttribute('data-open')).toBe('false');

      await user.click(menu);
      expect(menu.getAttribute('aria-expanded')).toBe('true');
      expect(menu.getAttribute('aria-label')).toBe('Đóng trình đơn');
      expect(controls?.getAttribute('data-open')).toBe('true');
      // Every control of the header is inside what the button opens.
      for (const control of [
        screen.getByRole('navigation', { name: 'Chính' }),
        screen.getByRole('radio', { name: 'English' }),
        screen.getByRole('button', { name: 'Đăng xuất' }),
      ]) {
        expect(controls?.contains(control)).toBe(true);
      }
      await user.click(screen.getByRole('button', { name: 'Đăng xuất' }));
      expect(signOut).toHaveBeenCalledTimes(1);
    },
  );
});
