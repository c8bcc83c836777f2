import { Anchor, AppShell, Badge, Box, Burger, Button, Group, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../api/types.js';
import { SessionExpiryWarning } from '../auth/SessionExpiryWarning.js';
import { useLiveUpdates } from '../live/useLiveUpdates.js';
import type { NodeProfile } from '../place/node-profile.js';
import { NodePlace } from '../place/NodePlace.js';
import { hrefOf, type Route } from '../routing/route.js';
import './header.css';
import { LanguageSwitch } from './LanguageSwitch.js';
import { LiveIndicator } from './LiveIndicator.js';

interface Props {
  readonly session: SessionView;
  readonly route: Route;
  readonly place: NodeProfile | undefined;
  readonly onSignOut: () => void;
  readonly children: ReactNode;
}

/** A provider's user: orders served on their company, never the desk's requests. */
export const isProviderPortal = (session: SessionView): boolean =>
  session.permissions.includes('provider-orders:respond') && !session.permissions.includes('requests:read');

const controlsId = 'h247-header-controls';

/** The frame every page shares: whose node, where am I, who am I, which language, sign out. */
export function AppLayout({ session, route, place, onSignOut, children }: Props) {
  const { t } = useTranslation();
  // The phone menu is open on the page it was opened on: following a link to another page closes it.
  const [menuOpenOn, setMenuOpenOn] = useState<string | null>(null);
  const menuOpen = menuOpenOn === hrefOf(route);
  const canDraft = session.permissions.includes('requests:draft');
  const canIssueOrders = session.permissions.includes('orders:issue');
  const canManageProviders = session.permissions.includes('providers:manage');
  const portal = isProviderPortal(session);
  // Only the desk's requests stream; a provider's user would get an empty stream.
  const worksRequests = session.permissions.includes('requests:read');
  const worksFraud = session.permissions.includes('fraud-reports:read');
  const live = useLiveUpdates(worksRequests);
  const current = (target: Route) =>
    route.page === target.page ||
    (portal && target.page === 'provider-orders') ||
    (route.page === 'order' && target.page === 'orders') ||
    ((route.page === 'provider' || route.page === 'provider-form') && target.page === 'providers');
  const link = (target: Route, label: string) => (
    <Anchor
      href={hrefOf(target)}
      fw={current(target) ? 700 : 400}
      aria-current={current(target) ? 'page' : undefined}
      underline="hover"
      onClick={() => setMenuOpenOn(null)}
    >
      {label}
    </Anchor>
  );
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap" gap="lg">
          <Box miw={0} style={{ flexShrink: 1 }}>
            <Text fw={700} size="sm" truncate="end">
              {t('app.name')}
            </Text>
            <NodePlace profile={place} />
          </Box>
          <Burger
            hiddenFrom="lg"
            size="sm"
            opened={menuOpen}
            onClick={() => setMenuOpenOn(menuOpen ? null : hrefOf(route))}
            aria-label={menuOpen ? t('menu.close') : t('menu.open')}
            aria-expanded={menuOpen}
            aria-controls={controlsId}
          />
          <div id={controlsId} className="h247-header-controls" data-open={menuOpen}>
            <nav aria-label={t('nav.label')}>
              <Group gap="md" wrap="nowrap" className="h247-header-row">
                {portal ? (
                  link({ page: 'provider-orders' }, t('provider.nav'))
                ) : (
                  <>
                    {worksRequests && link({ page: 'inbox' }, t('nav.inbox'))}
                    {canDraft && link({ page: 'draft', id: null }, t('nav.newRequest'))}
                    {canIssueOrders && link({ page: 'orders' }, t('orders.nav'))}
                    {canManageProviders && link({ page: 'providers' }, t('registry.nav'))}
                    {worksRequests && link({ page: 'dashboard' }, t('dashboard.nav'))}
                    {worksFraud && link({ page: 'fraud-clusters' }, t('fraud.nav'))}
                    {link({ page: 'directory' }, t('nav.directory'))}
                  </>
                )}
              </Group>
            </nav>
            <Group gap="sm" wrap="nowrap" className="h247-header-row">
              {!portal && worksRequests && <LiveIndicator status={live} />}
              <LanguageSwitch />
              <Badge variant="light" tt="none" title={session.user.roles.join(', ')}>
                {session.user.username}
              </Badge>
              <Button size="xs" variant="default" onClick={onSignOut}>
                {t('nav.signOut')}
              </Button>
            </Group>
          </div>
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <SessionExpiryWarning onSignOut={onSignOut} />
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
