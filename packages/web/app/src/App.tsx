import { Center, Loader } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api, rememberCsrfToken } from './api/client.js';
import { useSession } from './api/queries.js';
import { rememberSessionExpiry, rememberSignedIn } from './auth/session-expiry.js';
import { SignInPage } from './auth/SignInPage.js';
import { DashboardPage } from './dashboard/DashboardPage.js';
import { DirectoryPage } from './directory/DirectoryPage.js';
import { DraftPage } from './drafting/DraftPage.js';
import { EvidencePage } from './evidence/EvidencePage.js';
import { InboxPage } from './inbox/InboxPage.js';
import { AppLayout, isProviderPortal } from './layout/AppLayout.js';
import { ProviderOrderPage } from './provider/ProviderOrderPage.js';
import { ProviderOrdersPage } from './provider/ProviderOrdersPage.js';
import { RequestPage } from './requests/RequestPage.js';
import { useRoute } from './routing/route.js';

/** Signed out: the sign-in page. Signed in: the page the URL names. */
export function App() {
  const session = useSession();
  const route = useRoute();
  const client = useQueryClient();
  useEffect(() => {
    if (session.data) rememberCsrfToken(session.data.csrfToken);
  }, [session.data]);

  if (session.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label="…" />
      </Center>
    );
  }
  if (!session.data) return <SignInPage />;

  const signOut = () => {
    void api('POST', '/api/v1/auth/logout')
      .catch(() => undefined)
      .finally(() => {
        rememberCsrfToken(null);
        rememberSessionExpiry(null);
        rememberSignedIn(false);
        client.removeQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
        client.setQueryData(['session'], null);
      });
  };
  // A provider's staff see only their orders: the desk's pages would all answer 403 to them.
  if (isProviderPortal(session.data)) {
    return (
      <AppLayout session={session.data} route={route} onSignOut={signOut}>
        {route.page === 'provider-order' ? <ProviderOrderPage key={route.id} id={route.id} /> : <ProviderOrdersPage />}
      </AppLayout>
    );
  }
  return (
    <AppLayout session={session.data} route={route} onSignOut={signOut}>
      {(route.page === 'provider-orders' || route.page === 'provider-order') && <InboxPage />}
      {route.page === 'inbox' && <InboxPage />}
      {route.page === 'request' && <RequestPage key={route.id} id={route.id} />}
      {route.page === 'evidence' && <EvidencePage key={route.id} id={route.id} />}
      {route.page === 'draft' && <DraftPage key={route.id ?? 'new'} id={route.id} />}
      {route.page === 'directory' && <DirectoryPage />}
      {route.page === 'dashboard' && <DashboardPage />}
    </AppLayout>
  );
}
