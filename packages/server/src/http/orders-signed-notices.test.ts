import { describeOrderVerification, verifyOrder, type SignedOrder } from '@hanoi247/core';
import { TestNode, type SignedInUser } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderBody } from './orders.fixtures.js';
import { orderDesk, type OrderDesk } from './order-desk.fixtures.js';
import { longSessions } from './requests.fixtures.js';

/**
 * Issue 6 item 5, "every order and every request to a provider is signed": an officer's release,
 * withdrawal or early end of a served order reaches the provider as the next signed revision,
 * which verify-order checks like the order itself.
 */
describe('domestic orders: the end of an order is signed too', () => {
  let node: TestNode;
  let duty: SignedInUser;
  let supervisor: SignedInUser;
  let providerUser: SignedInUser;
  let providerId: string;
  let api: OrderDesk['api'];

  beforeAll(async () => {
    node = await TestNode.start({ configure: longSessions });
    ({ duty, supervisor, providerUser, providerId, api } = await orderDesk(node, 'end'));
  });
  afterAll(async () => node.stop());

  async function served(): Promise<string> {
    const draft = await api.draft(duty, orderBody(providerId));
    await api.move(supervisor, draft.id, 'authorise');
    await api.move(duty, draft.id, 'serve');
    return draft.id;
  }

  const signedOf = async (id: string) =>
    (await node.call('GET', `/api/v1/provider/orders/${id}/signed`, { as: providerUser })).json<SignedOrder>();

  it('signs a release as the next revision, with the notice the provider acts on', async () => {
    const id = await served();
    await api.answer(providerUser, id, 'acknowledge');
    const order = await api.view(duty, id);
    await api.answer(providerUser, id, 'confirm-preservation', {
      preservedUntil: order.periods[0]!.end,
      what: 'Login IP log, October 2026',
    });
    expect((await signedOf(id)).order).not.toHaveProperty('notice');
    await api.move(duty, id, 'release');
    const signed = await signedOf(id);
    expect(signed.order).toMatchObject({
      revision: 1,
      notice: { action: 'release', at: node.clock.now().toISOString() },
    });
    const result = await verifyOrder(signed, { descriptor: signed.descriptor });
    expect(result).toMatchObject({ ok: true });
    expect(describeOrderVerification(result)).toMatch(/ENDED: released/);
    // The notice is part of what the node signed: removing it is an alteration.
    const { notice: _notice, ...withoutNotice } = signed.order;
    expect(await verifyOrder({ ...signed, order: withoutNotice }, { descriptor: signed.descriptor })).toMatchObject({
      ok: false,
      reason: 'altered',
    });
  });

  it('signs a withdrawal of a served order; a draft withdrawn before service has no signed form', async () => {
    const id = await served();
    await api.move(duty, id, 'withdraw');
    expect((await signedOf(id)).order).toMatchObject({ revision: 1, notice: { action: 'withdraw' } });
    const draft = await api.draft(duty, orderBody(providerId));
    const withdrawn = await api.move(duty, draft.id, 'withdraw');
    expect(withdrawn.revision).toBe(0);
    expect((await node.call('GET', `/api/v1/orders/${draft.id}/signed`, { as: duty })).statusCode).toBe(409);
  });
});
