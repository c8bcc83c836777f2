import type { ProcessSession } from '@hanoi247/testkit';
import type { Federation } from './federated-nodes.js';

export interface OrderView {
  readonly id: string;
  readonly reference: string;
  readonly state: string;
  readonly periods: readonly { readonly end: string }[];
}

const authorisation = { body: 'State Courts of Singapore', reviewType: 'JUDICIAL', decisionReference: 'SC-2026-PO-17' };
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
    const providerId = (
      await fed.sg.expect<{ id: string }>(201, 'POST', '/api/v1/providers', {
        as: admin,
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
    const users = await fed.sg.expect<{ users: { id: string; username: string }[] }>(200, 'GET', '/api/v1/users', {
      as: admin,
    });
    await fed.sg.expect(200, 'POST', `/api/v1/providers/${providerId}/members`, {
      as: admin,
      body: { userId: users.users.find((u) => u.username === 'sg.provider')!.id },
    });
    return new ProviderDesk(fed, admin, provider, providerId);
  }

  /** The order made from the accepted request, authorised by a second officer, served. */
  async servedOrderFor(requestId: string, extra: Record<string, unknown> = {}): Promise<OrderView> {
    const { sg, users } = this.fed;
    const made = await sg.expect<{ orders: OrderView[] }>(
      201,
      'POST',
      `/api/v1/requests/${requestId}/domestic-orders`,
      {
        as: users.SG.duty,
        body: { orders: [{ providerId: this.providerId, authorisation, scope: { dateRange }, ...extra }] },
      },
    );
    const order = made.orders[0]!;
    await sg.expect(200, 'POST', `/api/v1/orders/${order.id}/transitions`, {
      as: users.SG.chief,
      body: { action: 'authorise', payload: {} },
    });
    return sg.expect<OrderView>(200, 'POST', `/api/v1/orders/${order.id}/transitions`, {
      as: users.SG.duty,
      body: { action: 'serve', payload: {} },
    });
  }

  /** The provider acknowledges and confirms the data preserved until the end of the order's period. */
  async preserve(order: OrderView, what = 'Subscriber record and connection log of the account'): Promise<string> {
    const until = order.periods[0]!.end;
    await this.fed.sg.expect(200, 'POST', `/api/v1/provider/orders/${order.id}/acknowledge`, { as: this.provider });
    await this.fed.sg.expect(200, 'POST', `/api/v1/provider/orders/${order.id}/confirm-preservation`, {
      as: this.provider,
      body: { preservedUntil: until, what },
    });
    return until;
  }
}
