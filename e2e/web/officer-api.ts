import type { DemoAccount } from './demo-process.js';

/** The officers' API with their demo API tokens: the steps the web app has no page for yet. */
export async function asOfficer<T>(url: string, account: DemoAccount, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const response = await fetch(new URL(path, url), {
    method,
    headers: { accept: 'application/json', authorization: `Bearer ${account.apiToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} as ${account.username}: HTTP ${response.status} ${text}`);
  return (text === '' ? null : JSON.parse(text)) as T;
}

export interface Officers {
  readonly url: string;
  readonly duty: DemoAccount;
  readonly supervisor: DemoAccount;
  readonly admin: DemoAccount;
  readonly provider: DemoAccount;
}

/**
 * The requested State accepts the acknowledged request and serves a preservation order on the
 * demo provider, as the CLI's demo scenario does (packages/cli/src/demo/provider-steps.ts).
 */
export async function serveOrderOnProvider(sg: Officers, reference: string): Promise<string> {
  const call = <T>(who: DemoAccount, method: 'GET' | 'POST', path: string, body?: unknown) => asOfficer<T>(sg.url, who, method, path, body);
  const incoming = await call<{ requests: { id: string; reference: string }[] }>(sg.duty, 'GET', '/api/v1/requests?direction=incoming&limit=200');
  const request = incoming.requests.find((r) => r.reference === reference);
  if (request === undefined) throw new Error(`${reference} is not in Singapore's inbox`);
  await call(sg.duty, 'POST', `/api/v1/requests/${request.id}/transitions`, { action: 'triage', payload: {} });
  await call(sg.supervisor, 'POST', `/api/v1/requests/${request.id}/transitions`, { action: 'accept', payload: {} });

  const provider = await call<{ id: string }>(sg.admin, 'POST', '/api/v1/providers', {
    legalName: 'Example Platform (web journey)',
    country: 'SG',
    type: 'PLATFORM',
    contacts: [{ role: 'law-enforcement-desk', name: 'Law-enforcement response team', email: 'le-response@platform.example' }],
    dataCategories: ['subscriber', 'traffic', 'content'],
    channel: 'both',
    languages: ['en'],
  });
  const users = await call<{ users: { id: string; username: string }[] }>(sg.admin, 'GET', '/api/v1/users');
  const user = users.users.find((u) => u.username === sg.provider.username);
  if (user === undefined) throw new Error(`no user ${sg.provider.username}`);
  await call(sg.admin, 'POST', `/api/v1/providers/${provider.id}/members`, { userId: user.id });

  const made = await call<{ orders: { id: string; reference: string }[] }>(sg.duty, 'POST', `/api/v1/requests/${request.id}/domestic-orders`, {
    orders: [
      {
        providerId: provider.id,
        authorisation: { body: 'District Court (demo)', reviewType: 'JUDICIAL', decisionReference: 'WEB/2026/42' },
        scope: { dateRange: { from: '2026-10-29T00:00:00+07:00', to: '2026-10-31T23:59:59+07:00', timeZone: 'Asia/Ho_Chi_Minh' } },
      },
    ],
  });
  const order = made.orders[0];
  if (order === undefined) throw new Error('no order was made from the request');
  await call(sg.supervisor, 'POST', `/api/v1/orders/${order.id}/transitions`, { action: 'authorise', payload: {} });
  await call(sg.duty, 'POST', `/api/v1/orders/${order.id}/transitions`, { action: 'serve', payload: {} });
  return order.reference;
}
