import { useEffect, useState } from 'react';

/** The app's places, kept in the URL hash so a reload or a shared link opens the same one. */
export type Route =
  | { readonly page: 'inbox' }
  | { readonly page: 'request'; readonly id: string }
  | { readonly page: 'evidence'; readonly id: string }
  | { readonly page: 'draft'; readonly id: string | null }
  | { readonly page: 'directory' }
  | { readonly page: 'dashboard' }
  | { readonly page: 'provider-orders' }
  | { readonly page: 'provider-order'; readonly id: string }
  | { readonly page: 'orders' }
  | { readonly page: 'order'; readonly id: string }
  | { readonly page: 'order-draft'; readonly requestId: string }
  | { readonly page: 'providers' }
  | { readonly page: 'provider'; readonly id: string }
  | { readonly page: 'provider-form'; readonly id: string | null }
  | { readonly page: 'fraud-clusters' }
  | { readonly page: 'fraud-cluster'; readonly id: string }
  | { readonly page: 'report-fraud' }
  | { readonly page: 'report-status'; readonly ack: string; readonly token: string };

/** The public pages, open without a session: a citizen's fraud report and its private status link. */
export const publicPages: ReadonlySet<Route['page']> = new Set(['report-fraud', 'report-status']);

/** The provider registry: the list, one provider, and the form that adds (`new`) or edits one. */
function registryRoute(page: string | undefined, id: string | undefined, sub: string | undefined): Route | null {
  if (page !== 'providers') return null;
  if (id === undefined || id === '') return { page: 'providers' };
  if (id === 'new') return { page: 'provider-form', id: null };
  return sub === 'edit' ? { page: 'provider-form', id } : { page: 'provider', id };
}

/** The officer's order pages: the list, one order, and the form that drafts one from a request. */
function orderRoute(page: string | undefined, id: string | undefined, sub: string | undefined): Route | null {
  const named = id !== undefined && id !== '';
  if (page === 'requests' && named && sub === 'order') return { page: 'order-draft', requestId: id };
  if (page === 'domestic-orders') return named ? { page: 'order', id } : { page: 'orders' };
  return null;
}

/** The fraud desk's pages: the clusters, and one cluster. */
function fraudRoute(page: string | undefined, id: string | undefined, sub: string | undefined): Route | null {
  if (page !== 'fraud' || id !== 'clusters') return null;
  return sub === undefined || sub === '' ? { page: 'fraud-clusters' } : { page: 'fraud-cluster', id: sub };
}

/** The public pages: the report form, and a report's status with the token of its private link. */
function citizenRoute(page: string | undefined, id: string | undefined, sub: string | undefined): Route | null {
  if (page === 'report-fraud') return { page: 'report-fraud' };
  if (page === 'report-status') return { page: 'report-status', ack: id ?? '', token: sub ?? '' };
  return null;
}

export function parseRoute(hash: string): Route {
  const [page, id, sub] = hash.replace(/^#\/?/, '').split('/');
  const order = orderRoute(page, id, sub);
  if (order !== null) return order;
  const registry = registryRoute(page, id, sub);
  if (registry !== null) return registry;
  const fraud = fraudRoute(page, id, sub);
  if (fraud !== null) return fraud;
  const citizen = citizenRoute(page, id, sub);
  if (citizen !== null) return citizen;
  if (page === 'requests' && id !== undefined && id !== '') return { page: 'request', id };
  if (page === 'evidence' && id !== undefined && id !== '') return { page: 'evidence', id };
  if (page === 'draft') return { page: 'draft', id: id !== undefined && id !== '' ? id : null };
  if (page === 'directory') return { page: 'directory' };
  if (page === 'dashboard') return { page: 'dashboard' };
  if (page === 'orders') {
    return id !== undefined && id !== '' ? { page: 'provider-order', id } : { page: 'provider-orders' };
  }
  return { page: 'inbox' };
}

export function hrefOf(route: Route): string {
  if (route.page === 'report-fraud') return '#/report-fraud';
  if (route.page === 'report-status') return `#/report-status/${route.ack}/${route.token}`;
  return deskHrefOf(route);
}

function deskHrefOf(route: Exclude<Route, { page: 'report-fraud' | 'report-status' }>): string {
  switch (route.page) {
    case 'inbox':
      return '#/inbox';
    case 'request':
      return `#/requests/${route.id}`;
    case 'evidence':
      return `#/evidence/${route.id}`;
    case 'draft':
      return route.id === null ? '#/draft' : `#/draft/${route.id}`;
    case 'directory':
      return '#/directory';
    case 'dashboard':
      return '#/dashboard';
    case 'provider-orders':
      return '#/orders';
    case 'provider-order':
      return `#/orders/${route.id}`;
    case 'orders':
      return '#/domestic-orders';
    case 'order':
      return `#/domestic-orders/${route.id}`;
    case 'order-draft':
      return `#/requests/${route.requestId}/order`;
    case 'providers':
      return '#/providers';
    case 'provider':
      return `#/providers/${route.id}`;
    case 'provider-form':
      return route.id === null ? '#/providers/new' : `#/providers/${route.id}/edit`;
    case 'fraud-clusters':
      return '#/fraud/clusters';
    case 'fraud-cluster':
      return `#/fraud/clusters/${route.id}`;
  }
}

export function navigate(route: Route): void {
  window.location.hash = hrefOf(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
