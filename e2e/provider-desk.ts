import type { CallInput, DomesticOrder } from '@hanoi247/contract/client';
import type { ProcessSession } from '@hanoi247/testkit';
import type { Federation } from './federated-nodes.js';

type OrderInput = NonNullable<CallInput<'createOrderFromRequest'>['body']>['orders'][number];

const authorisation = {
  body: 'State Courts of Singapore',
  reviewType: 'JUDICIAL',
  decisionReference: 'SC-2026-PO-17',
} as const;
export const dateRange = {
  from: '2026-10-29T00:00:00+07:00',
  to: '2026-10-31T23:59:59+07:00',
  timeZone: 'Asia/Ho_Chi_Minh',
};
const password = (username: string) => `correct horse battery ${username.length} staple`;

/**
 * Singapore's provider desk in the real node process: an administrator, a provider in the registry
 * and its user, created with the CLI and signed in over HTTP. Requests reach "preserved" only
 * through it: a domestic order made from the request, authorised, served, answered by the provider.
 */
export class ProviderDesk {
  private constructor(
    private readonly fed: Federation,
    readonly admin: ProcessSession,
    readonly provider: ProcessSession,
    readonly providerId: string,
  ) {}

  static async open(fed: Federation): Promise<ProviderDesk> {
    await fed.sg.addUser('sg.admin', ['administrator'], password('sg.admin'));
    await fed.sg.addUser('sg.provider', ['provider_user'], password('sg.provider'));
    const admin = await fed.sg.signInFirstTime('sg.admin', password('sg.admin'));
    const provider = await fed.sg.signInFirstTime('sg.provider', password('sg.provider'));
    const api = fed.sg.api(admin);
    const providerId = (
      await api.call('createProvider', {
        body: {
          legalName: 'Example Platform Pte Ltd',
          country: 'SG',
          type: 'PLATFORM',
          contacts: [{ role: 'law-enforcement-desk', name: 'LE team' }],
          dataCategories: ['subscriber', 'traffic'],
          channel: 'both',
          languages: ['en'],
        },
      })
    ).id;
    const { users } = await api.call('listUsers');
    await api.call('addProviderMember', {
      params: { providerId },
      body: { userId: users.find((u) => u.username === 'sg.provider')!.id },
    });
    return new ProviderDesk(fed, admin, provider, providerId);
  }

  /** The order made from the accepted request, authorised by a second officer, served. */
  async servedOrderFor(requestId: string, extra: Partial<OrderInput> = {}): Promise<DomesticOrder> {
    const { sg, users } = this.fed;
    const made = await sg.api(users.SG.duty).call('createOrderFromRequest', {
      params: { requestId },
      body: { orders: [{ providerId: this.providerId, authorisation, scope: { dateRange }, ...extra }] },
    });
    const params = { orderId: made.orders[0]!.id };
    await sg.api(users.SG.chief).call('transitionOrder', { params, body: { action: 'authorise', payload: {} } });
    return sg.api(users.SG.duty).call('transitionOrder', { params, body: { action: 'serve', payload: {} } });
  }

  /** The provider acknowledges and confirms the data preserved until the end of the order's period. */
  async preserve(order: DomesticOrder, what = 'Subscriber record and connection log of the account'): Promise<string> {
    const until = order.periods[0]!.end;
    const api = this.fed.sg.api(this.provider);
    await api.call('acknowledgeProviderOrder', { params: { orderId: order.id } });
    await api.call('confirmPreservation', { params: { orderId: order.id }, body: { preservedUntil: until, what } });
    return until;
  }
}
