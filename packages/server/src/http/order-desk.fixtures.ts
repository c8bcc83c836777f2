import type { SignedInUser, TestNode } from '@hanoi247/testkit';
import { authorisation, orderApi, providerBody } from './orders.fixtures.js';

export interface OrderDesk {
  readonly admin: SignedInUser;
  readonly duty: SignedInUser;
  readonly supervisor: SignedInUser;
  readonly providerUser: SignedInUser;
  readonly providerId: string;
  readonly api: ReturnType<typeof orderApi<SignedInUser>>;
}

/** The cast of most order tests: a duty officer, a supervisor, and a provider with one linked user. */
export async function orderDesk(node: TestNode, prefix: string, existingAdmin?: SignedInUser): Promise<OrderDesk> {
  const admin = existingAdmin ?? (await node.administrator());
  const duty = await node.user(admin, `${prefix}.duty`, ['duty_officer']);
  const supervisor = await node.user(admin, `${prefix}.supervisor`, ['supervisor']);
  const providerUser = await node.user(admin, `${prefix}.provider`, ['provider_user']);
  const api = orderApi<SignedInUser>(node);
  const providerId = (await api.createProvider(admin, providerBody())).id;
  await api.link(admin, providerId, providerUser.userId);
  return { admin, duty, supervisor, providerUser, providerId, api };
}

const parisRange = {
  from: '2026-10-01T00:00:00+01:00',
  to: '2026-10-31T23:59:59+01:00',
  timeZone: 'Europe/Paris',
} as const;

/**
 * An accepted incoming Art. 42 request carried to PRESERVED the only way there is: a domestic order
 * made from it, authorised by a second officer, served, and confirmed by the provider until the end of
 * its period (`days` long). Returns the order and the confirmed date.
 */
export async function preserveThroughOrder(
  node: TestNode,
  desk: Pick<OrderDesk, 'duty' | 'supervisor' | 'providerUser' | 'providerId' | 'api'>,
  requestId: string,
  days = 90,
): Promise<{ orderId: string; reference: string; preservedUntil: string }> {
  const made = await node.call('POST', `/api/v1/requests/${requestId}/domestic-orders`, {
    as: desk.duty,
    body: {
      orders: [{ providerId: desk.providerId, authorisation, scope: { dateRange: parisRange }, durationDays: days }],
    },
  });
  if (made.statusCode !== 201) throw new Error(`domestic order: ${made.statusCode} ${made.body}`);
  const order = made.json<{ orders: { id: string; reference: string }[] }>().orders[0]!;
  await desk.api.move(desk.supervisor, order.id, 'authorise');
  await desk.api.move(desk.duty, order.id, 'serve');
  const acknowledged = await desk.api.answer(desk.providerUser, order.id, 'acknowledge');
  const preservedUntil = acknowledged.periods[0]!.end;
  await desk.api.answer(desk.providerUser, order.id, 'confirm-preservation', {
    preservedUntil,
    what: 'Login records of the account, October 2026',
  });
  return { orderId: order.id, reference: order.reference, preservedUntil };
}
