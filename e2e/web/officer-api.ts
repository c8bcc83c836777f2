import { ApiProblem, createApiClient } from '@hanoi247/contract/client';
import { storedDataDetails } from '../../packages/server/src/http/orders.fixtures.js';
import { preservationDetails } from '../../packages/server/src/http/requests.fixtures.js';
import type { DemoAccount, DemoProcess } from './demo-process.js';

/** The officers' API with their demo API tokens (the contract's client): the steps the web app has no page for yet. */
export async function asOfficer<T>(
  url: string,
  account: DemoAccount,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<T> {
  const client = createApiClient({
    baseUrl: new URL(url).origin,
    bearerToken: () => account.apiToken,
    fetch: async (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(15_000) }),
  });
  try {
    const text = await (await client.request(method, path, body)).text();
    return (text === '' ? null : JSON.parse(text)) as T;
  } catch (error) {
    if (!(error instanceof ApiProblem)) throw error;
    throw new Error(`${method} ${path} as ${account.username}: HTTP ${error.status} ${error.code} ${error.message}`);
  }
}

/** A demo node's URL and its officers, as the journeys act through the API. */
export function officersOf(demo: DemoProcess, country: string): Officers {
  return {
    url: demo.url(country),
    duty: demo.account(country, 'duty'),
    supervisor: demo.account(country, 'supervisor'),
    admin: demo.account(country, 'admin'),
    provider: demo.account(country, 'provider'),
  };
}

export interface Officers {
  readonly url: string;
  readonly duty: DemoAccount;
  readonly supervisor: DemoAccount;
  readonly admin: DemoAccount;
  readonly provider: DemoAccount;
}

/** Polls until `found` answers something, for at most `timeoutMs`: a message between nodes arrives when it arrives. */
export async function eventually<T>(what: string, found: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await found();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export const journeyProvider = 'Example Platform (web journey)';

/**
 * The journeys' provider in Singapore's registry, the demo provider user acting for it; a second call finds it there.
 */
async function registeredProvider(sg: Officers): Promise<string> {
  const listed = await asOfficer<{ providers: { id: string; legalName: string }[] }>(
    sg.url,
    sg.admin,
    'GET',
    '/api/v1/providers?limit=500',
  );
  const existing = listed.providers.find((p) => p.legalName === journeyProvider);
  if (existing !== undefined) return existing.id;
  const provider = await asOfficer<{ id: string }>(sg.url, sg.admin, 'POST', '/api/v1/providers', {
    legalName: journeyProvider,
    country: 'SG',
    type: 'PLATFORM',
    contacts: [
      { role: 'law-enforcement-desk', name: 'Law-enforcement response team', email: 'le-response@platform.example' },
    ],
    dataCategories: ['subscriber', 'traffic', 'content'],
    channel: 'both',
    languages: ['en'],
  });
  const users = await asOfficer<{ users: { id: string; username: string }[] }>(
    sg.url,
    sg.admin,
    'GET',
    '/api/v1/users',
  );
  const user = users.users.find((u) => u.username === sg.provider.username);
  if (user === undefined) throw new Error(`no user ${sg.provider.username}`);
  await asOfficer(sg.url, sg.admin, 'POST', `/api/v1/providers/${provider.id}/members`, { userId: user.id });
  return provider.id;
}

/** An incoming request at Singapore by its reference, once it has arrived. */
export function arrivedAt(node: Officers, reference: string): Promise<{ id: string; reference: string }> {
  return eventually(`${reference} in ${node.duty.username}'s inbox`, async () => {
    const incoming = await asOfficer<{ requests: { id: string; reference: string }[] }>(
      node.url,
      node.duty,
      'GET',
      '/api/v1/requests?direction=incoming&limit=200',
    );
    return incoming.requests.find((r) => r.reference === reference);
  });
}

export interface ServedOrder {
  readonly requestId: string;
  readonly orderId: string;
  readonly orderReference: string;
}

/**
 * The requested State's officers accept the request and serve a domestic order made from it on
 * the journeys' provider (as packages/cli/src/demo/provider-steps.ts does): a preservation order
 * after triage, or a production order (UN art. 27) after an MLA request's assessment.
 */
export async function serveOrder(
  sg: Officers,
  reference: string,
  kind: 'preservation' | 'production',
): Promise<ServedOrder> {
  const call = <T>(who: DemoAccount, method: 'GET' | 'POST', path: string, body?: unknown) =>
    asOfficer<T>(sg.url, who, method, path, body);
  const request = await arrivedAt(sg, reference);
  const move = (who: DemoAccount, action: string) =>
    call(who, 'POST', `/api/v1/requests/${request.id}/transitions`, { action, payload: {} });
  if (kind === 'preservation') {
    await move(sg.duty, 'triage');
  } else {
    await move(sg.duty, 'acknowledge');
    await move(sg.duty, 'assess');
  }
  await move(sg.supervisor, 'accept');

  const providerId = await registeredProvider(sg);
  const made = await call<{ orders: { id: string; reference: string }[] }>(
    sg.duty,
    'POST',
    `/api/v1/requests/${request.id}/domestic-orders`,
    {
      orders: [
        {
          providerId,
          ...(kind === 'production' ? { type: 'PRODUCE_27A' } : {}),
          authorisation: { body: 'District Court (demo)', reviewType: 'JUDICIAL', decisionReference: 'WEB/2026/42' },
          scope: {
            dateRange: {
              from: '2026-10-29T00:00:00+07:00',
              to: '2026-10-31T23:59:59+07:00',
              timeZone: 'Asia/Ho_Chi_Minh',
            },
          },
        },
      ],
    },
  );
  const order = made.orders[0];
  if (order === undefined) throw new Error('no order was made from the request');
  await call(sg.supervisor, 'POST', `/api/v1/orders/${order.id}/transitions`, { action: 'authorise', payload: {} });
  await call(sg.duty, 'POST', `/api/v1/orders/${order.id}/transitions`, { action: 'serve', payload: {} });
  return { requestId: request.id, orderId: order.id, orderReference: order.reference };
}

/**
 * The requested State triages and accepts the acknowledged preservation, with the journeys' provider in its registry:
 * the order itself is then drafted, authorised and served in the web app. Answers the request's id.
 */
export async function acceptedPreservation(sg: Officers, reference: string): Promise<string> {
  const request = await arrivedAt(sg, reference);
  const move = (who: DemoAccount, action: string) =>
    asOfficer(sg.url, who, 'POST', `/api/v1/requests/${request.id}/transitions`, { action, payload: {} });
  await move(sg.duty, 'triage');
  await move(sg.supervisor, 'accept');
  await registeredProvider(sg);
  return request.id;
}

/**
 * A request from Viet Nam to Singapore through the API: drafted by the duty officer, approved by the supervisor (four
 * eyes), sent.
 */
async function sendFromVietNam(
  vn: Officers,
  body: Record<string, unknown>,
): Promise<{ id: string; reference: string }> {
  const draft = await asOfficer<{ id: string; reference: string }>(vn.url, vn.duty, 'POST', '/api/v1/requests', {
    legalBasis: 'UN',
    requestedState: 'SG',
    language: 'en',
    ...body,
  });
  const move = (who: DemoAccount, action: string) =>
    asOfficer(vn.url, who, 'POST', `/api/v1/requests/${draft.id}/transitions`, { action, payload: {} });
  await move(vn.duty, 'submit');
  await move(vn.supervisor, 'approve');
  await move(vn.duty, 'send');
  return draft;
}

/** Viet Nam's MLA request for stored data (UN art. 44), following up a preservation if given one. */
export function sendStoredDataRequest(
  vn: Officers,
  linkedPreservationReference?: string,
): Promise<{ id: string; reference: string }> {
  const details = {
    ...storedDataDetails(),
    ...(linkedPreservationReference === undefined ? {} : { linkedPreservationReference }),
  };
  return sendFromVietNam(vn, { type: 'STORED_DATA_44', details });
}

/** Viet Nam's (non-urgent) preservation request (UN art. 42): Singapore must acknowledge it within the day. */
export function sendPreservationRequest(vn: Officers): Promise<{ id: string; reference: string }> {
  return sendFromVietNam(vn, { type: 'PRESERVATION_42', priority: 'normal', details: preservationDetails() });
}

/** The order's officer side: production complete, so the evidence is offered to the requesting State. */
export async function confirmProductionComplete(sg: Officers, orderId: string): Promise<void> {
  await asOfficer(sg.url, sg.supervisor, 'POST', `/api/v1/orders/${orderId}/transitions`, {
    action: 'confirm-production-complete',
    payload: {},
  });
}

/**
 * Waits until the ledger has signed a checkpoint that includes every custody event of the item, so the browser can
 * prove them all.
 */
export async function custodyCheckpointed(node: Officers, evidenceId: string): Promise<number> {
  return eventually(`a checkpoint covering the custody of ${evidenceId}`, async () => {
    const proofs = await asOfficer<{ checkpoint: { treeSize: number } | null; proofs: { leafIndex: number | null }[] }>(
      node.url,
      node.duty,
      'GET',
      `/api/v1/evidence/${evidenceId}/custody/proofs`,
    );
    const size = proofs.checkpoint?.treeSize;
    return size !== undefined &&
      proofs.proofs.length > 0 &&
      proofs.proofs.every((p) => p.leafIndex !== null && p.leafIndex < size)
      ? proofs.proofs.length
      : undefined;
  });
}
