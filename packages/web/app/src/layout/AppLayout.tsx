import { Anchor, AppShell, Badge, Button, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../api/types.js';
import { SessionExpiryWarning } from '../auth/SessionExpiryWarning.js';
import { hrefOf, type Route } from '../routing/route.js';
import { useLiveUpdates } from '../live/useLiveUpdates.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { LiveIndicator } from './LiveIndicator.js';

interface Props {
  readonly session: SessionView;
  readonly route: Route;
  readonly onSignOut: () => void;
  readonly children: ReactNode;
}

/** A provider's user: orders served on their company, never the desk's requests. */
export const isProviderPortal = (session: SessionView): boolean =>
  session.permissions.includes('provider-orders:respond') && !session.permissions.includes('requests:read');

/** The frame every page shares: where am I, who am I, which language, sign out. */
export function AppLayout({ session, route, onSignOut, children }: Props) {
  const { t } = useTranslation();
  const canDraft = session.permissions.includes('requests:draft');
  const portal = isProviderPortal(session);
  // Only the desk's requests stream; a provider's user would get an empty stream.
  const live = useLiveUpdates(session.permissions.includes('requests:read'));
  const current = (target: Route) => route.page === target.page || (portal && target.page === 'provider-orders');
  const link = (target: Route, label: string) => (
    <Anchor
      href={hrefOf(target)}
      fw={current(target) ? 700 : 400}
      aria-current={current(target) ? 'page' : undefined}
      underline="hover"
    >
      {label}
    </Anchor>
  );
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="lg" wrap="nowrap">
            <Text fw={700}>{t('app.name')}</Text>
            <nav aria-label={t('nav.label')}>
              <Group gap="md" wrap="nowrap">
                {portal ? (
                  link({ page: 'provider-orders' }, t('provider.nav'))
                ) : (
                  <>
                    {link({ page: 'inbox' }, t('nav.inbox'))}
                    {canDraft && link({ page: 'draft', id: null }, t('nav.newRequest'))}
                    {link({ page: 'dashboard' }, t('dashboard.nav'))}
                    {link({ page: 'directory' }, t('nav.directory'))}
                  </>
                )}
              </Group>
            </nav>
          </Group>
          <Group gap="sm" wrap="nowrap">
            {!portal && <LiveIndicator status={live} />}
            <LanguageSwitch />
            <Badge variant="light" tt="none" title={session.user.roles.join(', ')}>
              {session.user.username}
            </Badge>
            <Button size="xs" variant="default" onClick={onSignOut}>
              {t('nav.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <SessionExpiryWarning onSignOut={onSignOut} />
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
