import { TestNode, type SignedInUser } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderApi, orderBody, productionOrderForFrance, providerBody, type OrderJson } from './orders.fixtures.js';
import { longSessions } from './requests.fixtures.js';

interface Actions {
  readonly availableActions: readonly { action: string }[];
  readonly withheldActions: readonly { action: string; code: string; roles: readonly string[] }[];
}

/**
 * Confirming production complete on an order that executes a foreign request offers the evidence to
 * the requesting State: a disclosure abroad, which needs `evidence:export` (Arts. 36, 40). A duty
 * officer is refused up front, with its own code, and is not offered the action; nothing is queued
 * that would fail later for want of the permission. A domestic order's production stays theirs.
 */
describe('who may confirm a production that goes abroad', () => {
  let node: TestNode;
  let duty: SignedInUser;
  let central: SignedInUser;
  let supervisor: SignedInUser;
  let providerUser: SignedInUser;
  let providerId: string;
  let orders: ReturnType<typeof orderApi<SignedInUser>>;
  let sequence = 0;

  beforeAll(async () => {
    node = await TestNode.start({ configure: longSessions });
    const admin = await node.administrator();
    duty = await node.user(admin, 'disclose.duty', ['duty_officer']);
    central = await node.user(admin, 'disclose.central', ['central_authority_officer']);
    supervisor = await node.user(admin, 'disclose.supervisor', ['supervisor']);
    providerUser = await node.user(admin, 'disclose.provider', ['provider_user']);
    orders = orderApi<SignedInUser>(node);
    providerId = (await orders.createProvider(admin, providerBody())).id;
    await orders.link(admin, providerId, providerUser.userId);
  });
  afterAll(async () => node.stop());

  /** Served, acknowledged and one file produced. */
  async function produce(order: OrderJson): Promise<OrderJson> {
    await orders.move(supervisor, order.id, 'authorise');
    await orders.move(duty, order.id, 'serve');
    await orders.answer(providerUser, order.id, 'acknowledge');
    sequence += 1;
    expect((await orders.upload(providerUser, order.id, Buffer.from(`logins ${sequence}`))).statusCode).toBe(201);
    return orders.view(duty, order.id);
  }

  async function producedForFrance(): Promise<OrderJson> {
    sequence += 1;
    const { order } = await productionOrderForFrance(
      node,
      { duty, supervisor },
      providerId,
      `FR-2026-D${sequence}`,
      'UTC',
    );
    return produce(order);
  }

  const jobs = () => node.app.node.database.db.selectFrom('jobs').select('payload').execute();
  const jobsFor = async (orderId: string) =>
    (await jobs()).filter((j) => (JSON.parse(j.payload) as { orderId: string }).orderId === orderId);
  const actionsOf = async (as: SignedInUser, orderId: string) =>
    (await node.call('GET', `/api/v1/orders/${orderId}`, { as })).json<Actions>();

  it('refuses a duty officer up front with its own code, queues nothing, and says who may', async () => {
    const order = await producedForFrance();
    const seen = await actionsOf(duty, order.id);
    expect(seen.availableActions.map((a) => a.action)).not.toContain('confirm-production-complete');
    expect(seen.withheldActions).toContainEqual(
      expect.objectContaining({
        action: 'confirm-production-complete',
        code: 'order/disclosure-not-permitted',
        roles: ['central_authority_officer', 'supervisor'],
      }),
    );
    const refused = await orders.act(duty, order.id, 'confirm-production-complete', {});
    expect(refused.statusCode, refused.body).toBe(403);
    expect(refused.json<{ code: string; detail: string }>()).toMatchObject({
      code: 'order/disclosure-not-permitted',
      detail: expect.stringContaining('evidence:export') as unknown,
    });
    expect((await orders.view(duty, order.id)).state).toBe('PRODUCED');
    expect(await jobsFor(order.id)).toEqual([]);
  });

  it('lets a central-authority officer confirm it, and the offer then goes out', async () => {
    const order = await producedForFrance();
    const seen = await actionsOf(central, order.id);
    expect(seen.availableActions.map((a) => a.action)).toContain('confirm-production-complete');
    expect(seen.withheldActions.map((a) => a.action)).not.toContain('confirm-production-complete');
    expect((await orders.move(central, order.id, 'confirm-production-complete')).state).toBe('EVIDENCE_INGESTED');
    expect(await jobsFor(order.id)).toHaveLength(1);
    expect(await node.app.node.services.jobs.runDue()).toMatchObject({ claimed: 1, done: 1, failed: 0 });
  });

  it('leaves a purely domestic production to the duty officer: nothing is disclosed abroad', async () => {
    const order = await produce(
      await orders.draft(duty, orderBody(providerId, { type: 'PRODUCE_27A', durationDays: undefined })),
    );
    expect((await actionsOf(duty, order.id)).availableActions.map((a) => a.action)).toContain(
      'confirm-production-complete',
    );
    expect((await orders.move(duty, order.id, 'confirm-production-complete')).state).toBe('EVIDENCE_INGESTED');
    expect(await jobsFor(order.id)).toEqual([]);
  });
});
