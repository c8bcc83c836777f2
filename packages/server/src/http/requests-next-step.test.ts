import { TestNode } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderDesk, type OrderDesk } from './order-desk.fixtures.js';
import { authorisation } from './orders.fixtures.js';
import { longSessions, preservationDetails, requestApi, type RequestJson } from './requests.fixtures.js';

interface NextStepJson {
  readonly owner: string;
  readonly actions: readonly { readonly action: string }[];
  readonly roles: readonly string[];
  readonly dueAt: string | null;
}
type WithNextStep = RequestJson & { readonly nextStep: NextStepJson };

/** Each request says who acts next and by when, from the viewer's seat: the order path included. */
describe('the next step on a request', () => {
  let node: TestNode;
  let desk: OrderDesk;
  let requests: ReturnType<typeof requestApi<OrderDesk['duty']>>;

  beforeAll(async () => {
    node = await TestNode.start({ configure: longSessions });
    desk = await orderDesk(node, 'next');
    requests = requestApi(node);
  });
  afterAll(async () => node.stop());

  const nextOf = async (as: OrderDesk['duty'], id: string) => ((await requests.view(as, id)) as WithNextStep).nextStep;

  it(
    'is the officer’s to acknowledge by the clock, then the supervisor’s decision, ' +
      'then a domestic order, then the provider’s',
    async () => {
      const received = await requests.receive(desk.duty, {
        reference: 'FR-2026-NS1',
        requestingState: 'FR',
        type: 'PRESERVATION_42',
        legalBasis: 'UN',
        language: 'en',
        details: {
          ...preservationDetails(),
          dateRange: { from: '2026-10-01T00:00:00+07:00', to: '2026-10-31T23:59:59+07:00' },
        },
      });
      const first = await nextOf(desk.duty, received.id);
      expect(first.owner).toBe('viewer');
      expect(first.actions[0]?.action).toBe('acknowledge');
      expect(first.dueAt).not.toBeNull();
      await requests.move(desk.duty, received.id, 'acknowledge');
      await requests.move(desk.duty, received.id, 'triage');
      const decision = await nextOf(desk.duty, received.id);
      expect(decision).toMatchObject({ owner: 'colleague', roles: expect.arrayContaining(['supervisor']) as unknown });
      expect(decision.actions.map((a) => a.action)).toContain('accept');
      await requests.move(desk.supervisor, received.id, 'accept');
      expect((await nextOf(desk.duty, received.id)).actions).toEqual([
        expect.objectContaining({ action: 'draft-domestic-order' }),
      ]);
      const made = await node.call('POST', `/api/v1/requests/${received.id}/domestic-orders`, {
        as: desk.duty,
        body: { orders: [{ providerId: desk.providerId, authorisation }] },
      });
      const orderId = made.json<{ orders: { id: string }[] }>().orders[0]!.id;
      await desk.api.move(desk.supervisor, orderId, 'authorise');
      await desk.api.move(desk.duty, orderId, 'serve');
      const waiting = await nextOf(desk.duty, received.id);
      expect(waiting.owner).toBe('order');
      expect(waiting.actions.map((a) => a.action)).toContain('confirm-preserved');
    },
  );
});
