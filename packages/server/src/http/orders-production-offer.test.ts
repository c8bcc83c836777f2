import { parseCustodyLeaf } from '@hanoi247/core';
import { TestNode, type SignedInUser } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidV7Ids } from '../identity/ids.js';
import { auditRepository } from '../repositories/audit.repository.js';
import { createJobRunner } from '../services/job-runner.service.js';
import { createProductionOffers } from '../services/production-offer.service.js';
import { quietTelemetry } from '../telemetry.js';
import { orderApi, productionOrderForFrance, providerBody, type OrderJson } from './orders.fixtures.js';
import { longSessions, requestApi } from './requests.fixtures.js';

interface OrderEvent {
  readonly action: string;
  readonly payload: Record<string, unknown>;
}

/**
 * Production confirmed complete on an order that executes a foreign request is offered to the
 * requesting State by a durable job written with the confirmation (issue 12): it goes out once,
 * however often the job runs, and a final failure shows by its code on both timelines.
 */
describe('the offer of a confirmed production', () => {
  let node: TestNode;
  let admin: SignedInUser;
  let duty: SignedInUser;
  let supervisor: SignedInUser;
  let providerUser: SignedInUser;
  let providerId: string;
  let orders: ReturnType<typeof orderApi<SignedInUser>>;
  let requests: ReturnType<typeof requestApi<SignedInUser>>;
  let sequence = 0;

  beforeAll(async () => {
    node = await TestNode.start({ configure: longSessions });
    admin = await node.administrator();
    duty = await node.user(admin, 'offer.duty', ['duty_officer']);
    supervisor = await node.user(admin, 'offer.supervisor', ['supervisor']);
    providerUser = await node.user(admin, 'offer.provider', ['provider_user']);
    orders = orderApi<SignedInUser>(node);
    requests = requestApi<SignedInUser>(node);
    providerId = (await orders.createProvider(admin, providerBody())).id;
    await orders.link(admin, providerId, providerUser.userId);
  });
  afterAll(async () => node.stop());

  const db = () => node.app.node.database.db;
  const services = () => node.app.node.services;

  /** An accepted Art. 44 request from France, its production order served and two files produced. */
  async function produced(): Promise<{ requestId: string; order: OrderJson }> {
    sequence += 1;
    const reference = `FR-2026-P${sequence}`;
    const { requestId, order } = await productionOrderForFrance(
      node,
      { duty, supervisor },
      providerId,
      reference,
      'Asia/Ho_Chi_Minh',
    );
    await orders.move(supervisor, order.id, 'authorise');
    await orders.move(duty, order.id, 'serve');
    await orders.answer(providerUser, order.id, 'acknowledge');
    for (const part of ['logins part 1', 'logins part 2']) {
      expect((await orders.upload(providerUser, order.id, Buffer.from(`${part} of ${sequence}`))).statusCode).toBe(201);
    }
    return { requestId, order };
  }

  const orderTimeline = async (orderId: string) =>
    (await node.call('GET', `/api/v1/orders/${orderId}/timeline`, { as: duty })).json<{ events: OrderEvent[] }>()
      .events;
  const offersQueued = (requestId: string) =>
    db()
      .selectFrom('outbox')
      .select('message_id')
      .where('request_id', '=', requestId)
      .where('type', '=', 'evidence.offered')
      .execute();
  const transfers = (requestId: string) =>
    db()
      .selectFrom('evidence_transfers')
      .selectAll()
      .where('request_id', '=', requestId)
      .where('direction', '=', 'outgoing')
      .execute();
  const jobOf = async (orderId: string) => {
    const rows = await db().selectFrom('jobs').selectAll().where('kind', '=', 'production-offer').execute();
    return rows.filter((r) => (JSON.parse(r.payload) as { orderId: string }).orderId === orderId);
  };
  /** Per evidence item, the custody events this transfer recorded. */
  const custodyOf = async (requestId: string, transferId: string) => {
    const rows = await db().selectFrom('custody_events').selectAll().where('request_id', '=', requestId).execute();
    return rows
      .map((r) => parseCustodyLeaf(r.leaf_data)!)
      .filter((e) => e.details['transferId'] === transferId)
      .map((e) => `${e.evidenceId}:${e.type}`)
      .sort();
  };

  it('commits the offer as a job with the confirmation, then the job queues it once', async () => {
    const { requestId, order } = await produced();
    await orders.move(supervisor, order.id, 'confirm-production-complete');
    const [job] = await jobOf(order.id);
    expect(job).toMatchObject({ state: 'pending', attempts: 0 });
    expect(await offersQueued(requestId)).toEqual([]);
    expect((await orderTimeline(order.id)).filter((e) => e.action.startsWith('evidence-offer'))).toEqual([]);

    expect(await services().jobs.runDue()).toEqual({ claimed: 1, done: 1, retried: 0, failed: 0 });
    expect(await services().jobs.runDue()).toMatchObject({ claimed: 0 });
    const [transfer] = await transfers(requestId);
    expect(transfer?.id).toBe(job!.id);
    expect(await offersQueued(requestId)).toEqual([{ message_id: transfer!.message_id }]);
    expect((await orderTimeline(order.id)).filter((e) => e.action.startsWith('evidence-offer'))).toEqual([
      expect.objectContaining({
        action: 'evidence-offered',
        payload: { offered: expect.any(Array) as unknown, transferId: job!.id, messageId: transfer!.message_id },
      }),
    ]);
    expect((await jobOf(order.id))[0]).toMatchObject({ state: 'done', attempts: 1 });
  });

  it('a run cut off after recording custody runs again without recording it twice, and queues one offer', async () => {
    const { requestId, order } = await produced();
    await orders.move(supervisor, order.id, 'confirm-production-complete');
    // The first run dies between the custody commit and the offer's commit (its last transaction fails).
    const cutOff = createProductionOffers({
      db: db(),
      clock: node.clock,
      ids: uuidV7Ids,
      offers: {
        offer: (context, id, evidenceIds, options) =>
          services().evidenceOffers.offer(context, id, evidenceIds, {
            ...options,
            alsoInTransaction: async () => {
              throw new Error('the process was killed (injected)');
            },
          }),
      },
    });
    const dying = createJobRunner({
      db: db(),
      clock: node.clock,
      ids: uuidV7Ids,
      handlers: { 'production-offer': cutOff.handler },
      settings: node.config.jobs,
      telemetry: quietTelemetry(),
      random: () => 0,
    });
    expect(await dying.runDue()).toMatchObject({ claimed: 1, retried: 1 });
    const [job] = await jobOf(order.id);
    expect(await offersQueued(requestId)).toEqual([]);
    const recorded = await custodyOf(requestId, job!.id);
    expect(recorded).toHaveLength(4);

    node.clock.set(new Date(job!.run_at));
    expect(await services().jobs.runDue()).toMatchObject({ claimed: 1, done: 1 });
    expect(await custodyOf(requestId, job!.id)).toEqual(recorded);
    expect(await offersQueued(requestId)).toHaveLength(1);
    expect(await transfers(requestId)).toHaveLength(1);
  });

  it('a job that runs again after its offer committed queues nothing more', async () => {
    const { requestId, order } = await produced();
    await orders.move(supervisor, order.id, 'confirm-production-complete');
    expect(await services().jobs.runDue()).toMatchObject({ done: 1 });
    const [job] = await jobOf(order.id);
    // As if the run that committed the offer had not been recorded done: its lease ran out and it is claimed again.
    await db()
      .updateTable('jobs')
      .set({ state: 'pending', finished_at: null, leased_until: null })
      .where('id', '=', job!.id)
      .execute();
    expect(await services().jobs.runDue()).toMatchObject({ claimed: 1, done: 1 });
    expect(await offersQueued(requestId)).toHaveLength(1);
    expect(await transfers(requestId)).toHaveLength(1);
    expect((await orderTimeline(order.id)).filter((e) => e.action === 'evidence-offered')).toHaveLength(1);
    expect((await jobOf(order.id))[0]).toMatchObject({ state: 'done', attempts: 2 });
  });

  it('shows a final failure by its code on the order and the request, audits it and counts it', async () => {
    const { requestId, order } = await produced();
    await orders.move(supervisor, order.id, 'confirm-production-complete');
    // Before the job runs, the production reaches its retention date and is erased: the offer fails for good.
    await db()
      .updateTable('evidence_items')
      .set({ erased_at: node.clock.now().toISOString() })
      .where('order_id', '=', order.id)
      .execute();
    expect(await services().jobs.runDue()).toEqual({ claimed: 1, done: 0, retried: 0, failed: 1 });
    expect(await offersQueued(requestId)).toEqual([]);
    const failed = (await orderTimeline(order.id)).filter((e) => e.action.startsWith('evidence-offer'));
    expect(failed).toEqual([
      expect.objectContaining({
        action: 'evidence-offer-failed',
        payload: { offered: [], code: 'bundle/item-erased', attempts: 1 },
      }),
    ]);
    const onRequest = (await requests.timeline(duty, requestId)).filter((e) => e.action === 'evidence-offer-failed');
    expect(onRequest.map((e) => e.payload)).toEqual([
      { orderId: order.id, orderReference: order.reference, offered: [], code: 'bundle/item-erased', attempts: 1 },
    ]);
    const [job] = await jobOf(order.id);
    const audit = await auditRepository.list(db(), { action: 'job.failed', limit: 10 });
    expect(audit.find((e) => e.objectId === job!.id)).toMatchObject({
      outcome: 'failure',
      details: { kind: 'production-offer', code: 'bundle/item-erased', attempts: 1 },
    });
    const metrics = (await node.call('GET', '/metrics', { as: admin })).body;
    expect(metrics).toMatch(/hanoi247_job_runs_total\{kind="production-offer",outcome="failed"\} 1\b/);
    expect(metrics).toMatch(/hanoi247_jobs\{kind="production-offer",state="failed"\} 1\b/);
  });
});
