import type { SignedInUser, TestNode } from '@hanoi247/testkit';
import { orderApi, providerBody } from './order-fixtures.js';

export interface OrderDesk {
  readonly admin: SignedInUser;
  readonly duty: SignedInUser;
  readonly supervisor: SignedInUser;
  readonly providerUser: SignedInUser;
  readonly providerId: string;
  readonly api: ReturnType<typeof orderApi<SignedInUser>>;
}

/** The cast of most order tests: a duty officer, a supervisor, and a provider with one linked user. */
export async function orderDesk(node: TestNode, prefix: string): Promise<OrderDesk> {
  const admin = await node.administrator();
  const duty = await node.user(admin, `${prefix}.duty`, ['duty_officer']);
  const supervisor = await node.user(admin, `${prefix}.supervisor`, ['supervisor']);
  const providerUser = await node.user(admin, `${prefix}.provider`, ['provider_user']);
  const api = orderApi<SignedInUser>(node);
  const providerId = (await api.createProvider(admin, providerBody())).id;
  await api.link(admin, providerId, providerUser.userId);
  return { admin, duty, supervisor, providerUser, providerId, api };
}
