import { verifyOrder, type SignedOrder } from '@hanoi247/core';
import { call, publishedDescriptor, type ApiSession } from './api-session.js';

interface OrderView {
  readonly id: string;
  readonly reference: string;
  readonly state: string;
  readonly periods: readonly { readonly end: string }[];
}

interface ProviderView {
  readonly id: string;
  readonly legalName: string;
}

/** How the scenario times and prints each step (the elapsed times go to docs/benchmarks.md). */
export type Step = <T>(name: string, work: () => Promise<T>, done: (value: T) => string) => Promise<T>;

export interface ProviderActors {
  /** The requested State's officers: they issue and authorise the domestic order. */
  readonly duty: ApiSession;
  readonly chief: ApiSession;
  /** Registers the provider and links its user. */
  readonly admin: ApiSession;
  /** The provider's staff, in the requested State's portal. */
  readonly provider: ApiSession;
}

export const demoProviderName = 'Example Platform (demo)';

/** The demo provider in the registry, its user linked to it; a second run finds both already there. */
async function registeredProvider(admin: ApiSession, providerUser: string, country: string): Promise<ProviderView> {
  const listed = await call<{ providers: ProviderView[] }>(admin, 'GET', '/api/v1/providers?limit=500');
  const provider =
    listed.providers.find((p) => p.legalName === demoProviderName) ??
    (await call<ProviderView>(admin, 'POST', '/api/v1/providers', {
      legalName: demoProviderName,
      country,
      type: 'PLATFORM',
      contacts: [
        {
          role: 'law-enforcement-desk',
          name: 'Law-enforcement response team (demo)',
          email: 'le-response@platform.example',
        },
      ],
      dataCategories: ['subscriber', 'traffic', 'content'],
      channel: 'both',
      languages: ['en'],
    }));
  const users = await call<{ users: { id: string; username: string }[] }>(admin, 'GET', '/api/v1/users');
  const user = users.users.find((u) => u.username === providerUser);
  if (user === undefined) throw new Error(`no demo account ${providerUser}`);
  await call(admin, 'POST', `/api/v1/providers/${provider.id}/members`, { userId: user.id });
  return provider;
}

/**
 * The requested State executes the accepted preservation through the provider (UN arts. 24, 25,
 * 42): the domestic order made from the request in one step, authorised by a second officer,
 * served signed; the provider verifies it offline, acknowledges and confirms preservation,
 * which becomes the request's "preserved until" for the requesting State.
 */
export async function preserveThroughProvider(
  step: Step,
  actors: ProviderActors,
  requestId: string,
  partnerUrl: string,
): Promise<void> {
  const { duty, chief, admin, provider } = actors;
  const country = /^([a-z]{2})\./.exec(admin.username)?.[1]?.toUpperCase() ?? 'ZZ';
  const registered = await step(
    'register the provider',
    () => registeredProvider(admin, provider.username, country),
    (p) => `${admin.username} has ${p.legalName} in the provider registry, ${provider.username} acting for it`,
  );
  const order = await step(
    'issue the domestic order',
    async () => {
      const made = await call<{ requestState: string; orders: OrderView[] }>(
        duty,
        'POST',
        `/api/v1/requests/${requestId}/domestic-orders`,
        {
          orders: [
            {
              providerId: registered.id,
              authorisation: {
                body: 'District Court (demo)',
                reviewType: 'JUDICIAL',
                decisionReference: 'DEMO/2026/42',
              },
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
      const first = made.orders[0];
      if (first === undefined) throw new Error('no order was made from the request');
      return { ...first, requestState: made.requestState };
    },
    (o) =>
      `${duty.username} drafted domestic order ${o.reference} (UN art. 25) from ` +
      `the request in one step (request ${o.requestState} until the order is served)`,
  );
  const move = (who: ApiSession, action: string) =>
    step(
      action,
      () => call<OrderView>(who, 'POST', `/api/v1/orders/${order.id}/transitions`, { action, payload: {} }),
      (o) => `${who.username} ${action} ${o.reference} \u2192 ${o.state}`,
    );
  await move(chief, 'authorise');
  await move(duty, 'serve');
  await step(
    'verify the order',
    async () => {
      const signed = await call<SignedOrder>(provider, 'GET', `/api/v1/provider/orders/${order.id}/signed`);
      const directory = await publishedDescriptor(partnerUrl);
      const result = await verifyOrder(signed, { descriptor: directory });
      if (!result.ok) throw new Error(`the served order does not verify: ${result.reason}: ${result.message}`);
      return result;
    },
    (r) =>
      `${provider.username} verified ${order.reference} offline: signed by node ` +
      `${r.node.country} key ${r.keyId}, not altered`,
  );
  const respond = (path: string, body?: unknown) =>
    step(
      path,
      () => call<OrderView>(provider, 'POST', `/api/v1/provider/orders/${order.id}/${path}`, body),
      (o) => `${provider.username} ${path} \u2192 ${o.state}`,
    );
  const acknowledged = await respond('acknowledge');
  const until = acknowledged.periods.at(-1)?.end;
  if (until === undefined) throw new Error('the served preservation order has no period');
  await respond('confirm-preservation', {
    preservedUntil: until,
    what: 'Subscriber record and connection log of the account, 29-31 October 2026',
  });
}
