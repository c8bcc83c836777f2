import { Center, Loader } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect } from 'react';
import { call, rememberCsrfToken } from './api/client.js';
import { useSession } from './api/queries.js';
import { rememberSessionExpiry, rememberSignedIn } from './auth/session-expiry.js';
import { SignInPage } from './auth/SignInPage.js';
import { InboxPage } from './inbox/InboxPage.js';
import { DeskOnly } from './layout/DeskOnly.js';
import { AppLayout, isProviderPortal } from './layout/AppLayout.js';
import { RequestPage } from './requests/RequestPage.js';
import { nodeProfileKey, useNodeProfile } from './place/node-profile.js';
import { publicPages, useRoute, type Route } from './routing/route.js';

/** Pages every officer role may open; the rest are the desk's and need the requests. */
const outsideDesk = new Set<Route['page']>([
  'directory',
  'providers',
  'provider',
  'provider-form',
  'fraud-clusters',
  'fraud-cluster',
]);

// The inbox and the request page are the desk's first screens and load with the app; the rest
// (charts, proof checks, the upload's hashing, the drafting form) load when first opened.
// The fraud cluster pages carry the graph library (Cytoscape.js): loaded only by the fraud desk.
const ClustersPage = lazy(() => import('./fraud/ClustersPage.js').then((m) => ({ default: m.ClustersPage })));
const ClusterPage = lazy(() => import('./fraud/ClusterPage.js').then((m) => ({ default: m.ClusterPage })));
const DashboardPage = lazy(() => import('./dashboard/DashboardPage.js').then((m) => ({ default: m.DashboardPage })));
const DirectoryPage = lazy(() => import('./directory/DirectoryPage.js').then((m) => ({ default: m.DirectoryPage })));
const DraftPage = lazy(() => import('./drafting/DraftPage.js').then((m) => ({ default: m.DraftPage })));
const EvidencePage = lazy(() => import('./evidence/EvidencePage.js').then((m) => ({ default: m.EvidencePage })));
const OrderDraftPage = lazy(() => import('./orders/OrderDraftPage.js').then((m) => ({ default: m.OrderDraftPage })));
const OrderPage = lazy(() => import('./orders/OrderPage.js').then((m) => ({ default: m.OrderPage })));
const OrdersPage = lazy(() => import('./orders/OrdersPage.js').then((m) => ({ default: m.OrdersPage })));
const ProviderFormPage = lazy(() =>
  import('./registry/ProviderFormPage.js').then((m) => ({ default: m.ProviderFormPage })),
);
const ProviderPage = lazy(() => import('./registry/ProviderPage.js').then((m) => ({ default: m.ProviderPage })));
const ProvidersPage = lazy(() => import('./registry/ProvidersPage.js').then((m) => ({ default: m.ProvidersPage })));
const ProviderOrderPage = lazy(() =>
  import('./provider/ProviderOrderPage.js').then((m) => ({ default: m.ProviderOrderPage })),
);
const CitizenPage = lazy(() => import('./citizen/CitizenPage.js').then((m) => ({ default: m.CitizenPage })));
const ProviderOrdersPage = lazy(() =>
  import('./provider/ProviderOrdersPage.js').then((m) => ({ default: m.ProviderOrdersPage })),
);

function PageLoading() {
  return (
    <Center h="50vh">
      <Loader aria-label="…" />
    </Center>
  );
}

/** The provider registry's pages (each tells a reader without the permission so). */
function RegistryPages({ route }: { readonly route: Route }) {
  return (
    <>
      {route.page === 'providers' && <ProvidersPage />}
      {route.page === 'provider' && <ProviderPage key={route.id} id={route.id} />}
      {route.page === 'provider-form' && <ProviderFormPage key={route.id ?? 'new'} id={route.id} />}
    </>
  );
}

/** The fraud desk's pages (each tells a reader without the permissions so). */
function FraudPages({ route }: { readonly route: Route }) {
  return (
    <>
      {route.page === 'fraud-clusters' && <ClustersPage />}
      {route.page === 'fraud-cluster' && <ClusterPage key={route.id} id={route.id} />}
    </>
  );
}

/** Signed out: the sign-in page. Signed in: the page the URL names. */
export function App() {
  const session = useSession();
  const place = useNodeProfile();
  const route = useRoute();
  const client = useQueryClient();
  useEffect(() => {
    if (session.data) rememberCsrfToken(session.data.csrfToken);
  }, [session.data]);

  // The node's profile says which language to open in: waiting for it avoids a page that changes language under the
  // reader.
  if (session.isPending || place.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label="…" />
      </Center>
    );
  }
  // A citizen's fraud report and its status link open without a session, signed in or not.
  if (publicPages.has(route.page)) {
    return (
      <Suspense fallback={<PageLoading />}>
        <CitizenPage route={route} />
      </Suspense>
    );
  }
  if (!session.data) return <SignInPage place={place.data} />;

  const signOut = () => {
    void call('logout')
      .catch(() => undefined)
      .finally(() => {
        rememberCsrfToken(null);
        rememberSessionExpiry(null);
        rememberSignedIn(false);
        client.removeQueries({
          predicate: (query) => query.queryKey[0] !== 'session' && query.queryKey[0] !== nodeProfileKey[0],
        });
        client.setQueryData(['session'], null);
      });
  };
  // A provider's staff see only their orders: the desk's pages would all answer 403 to them.
  if (isProviderPortal(session.data)) {
    return (
      <AppLayout session={session.data} route={route} place={place.data} onSignOut={signOut}>
        <Suspense fallback={<PageLoading />}>
          {route.page === 'provider-order' ? (
            <ProviderOrderPage key={route.id} id={route.id} />
          ) : (
            <ProviderOrdersPage />
          )}
        </Suspense>
      </AppLayout>
    );
  }
  return (
    <AppLayout session={session.data} route={route} place={place.data} onSignOut={signOut}>
      <Suspense fallback={<PageLoading />}>
        {!outsideDesk.has(route.page) && (
          <DeskOnly session={session.data}>
            {(route.page === 'provider-orders' || route.page === 'provider-order') && <InboxPage />}
            {route.page === 'inbox' && <InboxPage />}
            {route.page === 'request' && <RequestPage key={route.id} id={route.id} />}
            {route.page === 'evidence' && <EvidencePage key={route.id} id={route.id} />}
            {route.page === 'draft' && <DraftPage key={route.id ?? 'new'} id={route.id} />}
            {route.page === 'dashboard' && <DashboardPage />}
            {route.page === 'orders' && <OrdersPage />}
            {route.page === 'order' && <OrderPage key={route.id} id={route.id} />}
            {route.page === 'order-draft' && <OrderDraftPage key={route.requestId} requestId={route.requestId} />}
          </DeskOnly>
        )}
        {route.page === 'directory' && <DirectoryPage />}
        <FraudPages route={route} />
        <RegistryPages route={route} />
      </Suspense>
    </AppLayout>
  );
}
