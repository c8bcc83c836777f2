import { screen } from '@testing-library/react';
import i18next from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionView } from '../api/types.js';
import { adminSession } from '../test/provider-view.js';
import { expectReadable } from '../test/readable-scan.js';
import { renderWithApp } from '../test/render.js';
import { DeskOnly } from './DeskOnly.js';

const auditor: SessionView = {
  user: { id: 'u-audit', username: 'vn.auditor', roles: ['auditor'] },
  permissions: ['audit:read', 'node:read'],
  via: 'session',
  csrfToken: 'csrf',
};
const duty: SessionView = {
  user: { id: 'u-duty', username: 'vn.duty', roles: ['duty_officer'] },
  permissions: ['requests:read', 'requests:draft', 'node:read'],
  via: 'session',
  csrfToken: 'csrf',
};

afterEach(async () => {
  await i18next.changeLanguage('vi');
});

describe('the desk for roles that do not work requests', () => {
  it('shows a duty officer the desk page itself', () => {
    renderWithApp(
      <DeskOnly session={duty}>
        <p>the inbox</p>
      </DeskOnly>,
    );
    expect(screen.getByText('the inbox')).toBeDefined();
  });

  for (const language of ['vi', 'en'] as const) {
    it(`tells an administrator why, and links the registry and the directory (${language})`, async () => {
      await i18next.changeLanguage(language);
      const { container } = renderWithApp(
        <DeskOnly session={adminSession}>
          <p>the inbox</p>
        </DeskOnly>,
      );
      expect(screen.queryByText('the inbox')).toBeNull();
      expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(i18next.t('access.notDeskTitle'));
      expect(screen.getByRole('link', { name: i18next.t('registry.title') }).getAttribute('href')).toBe('#/providers');
      expect(screen.getByRole('link', { name: i18next.t('nav.directory') }).getAttribute('href')).toBe('#/directory');
      expectReadable(container);
    });
  }

  it('sends a fraud analyst to the fraud clusters and the directory', () => {
    const analyst: SessionView = {
      user: { id: 'u-fraud', username: 'vn.analyst', roles: ['fraud_analyst'] },
      permissions: ['fraud-reports:read', 'indicators:read', 'node:read'],
      via: 'session',
      csrfToken: 'csrf',
    };
    renderWithApp(
      <DeskOnly session={analyst}>
        <p>the inbox</p>
      </DeskOnly>,
    );
    expect(screen.getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual(['#/fraud/clusters', '#/directory']);
  });

  it('offers an auditor the directory only: the registry is kept by others', () => {
    renderWithApp(
      <DeskOnly session={auditor}>
        <p>the inbox</p>
      </DeskOnly>,
    );
    expect(screen.getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual(['#/directory']);
  });
});
