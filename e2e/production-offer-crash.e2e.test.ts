import { createHash } from 'node:crypto';
import { waitFor, type ProcessSession } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedDataDetails } from '../packages/server/src/http/orders.fixtures.js';
import { Federation, type RequestView } from './federated-nodes.js';

interface OrderView {
  readonly id: string;
  readonly reference: string;
}

interface OrderEvent {
  readonly action: string;
  readonly payload: Record<string, unknown>;
}

const authorisation = { body: 'State Courts of Singapore', reviewType: 'JUDICIAL', decisionReference: 'SC-2026-PO-31' };
const dateRange = { from: '2026-10-29T00:00:00+07:00', to: '2026-10-31T23:59:59+07:00', timeZone: 'Asia/Ho_Chi_Minh' };
const password = (username: string) => `correct horse battery ${username.length} staple`;

/**
 * Issue 12: the offer of a confirmed production is a durable job committed with the confirmation.
 * Singapore is killed -9 between that commit and the offer (and once at whatever point of the
 * offer the kill lands); after a restart Viet Nam receives the production exactly once.
 */
describe('the production offer through kill -9', () => {
  let fed: Federation;
  let admin: ProcessSession;
  let provider: ProcessSession;
  let providerId: string;
  let round = 0;

  beforeAll(async () => {
    fed = await Federation.start();
    await fed.sg.addUser('sg.admin', ['administrator'], password('sg.admin'));
    await fed.sg.addUser('sg.provider', ['provider_user'], password('sg.provider'));
    admin = await fed.sg.signInFirstTime('sg.admin', password('sg.admin'));
    provider = await fed.sg.signInFirstTime('sg.provider', password('sg.provider'));
    providerId = (
      await fed.sg.expect<{ id: string }>(201, 'POST', '/api/v1/providers', {
        as: admin,
        body: {
          legalName: 'Example Cloud Pte Ltd',
          country: 'SG',
          type: 'HOSTING',
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
  }, 90_000);
  afterAll(async () => {
    await (fed as Federation | undefined)?.close();
  });

  /**
   * Viet Nam's Art. 44 request, accepted at Singapore and executed by a served order whose provider uploaded one file.
   */
  async function producedAtSingapore(): Promise<{ request: RequestView; order: OrderView; sha256: string }> {
    round += 1;
    const draft = await fed.vn.expect<RequestView>(201, 'POST', '/api/v1/requests', {
      as: fed.users.VN.duty,
      body: {
        type: 'STORED_DATA_44',
        legalBasis: 'UN',
        requestedState: 'SG',
        language: 'en',
        details: storedDataDetails(),
      },
    });
    await fed.act('VN', 'duty', draft.id, 'submit');
    await fed.act('VN', 'chief', draft.id, 'approve');
    await fed.act('VN', 'duty', draft.id, 'send');
    const arrived = await fed.arrived('SG', draft.reference);
    await fed.act('SG', 'duty', arrived.id, 'acknowledge');
    await fed.act('SG', 'duty', arrived.id, 'assess');
    await fed.act('SG', 'chief', arrived.id, 'accept');
    const made = await fed.sg.expect<{ orders: OrderView[] }>(
      201,
      'POST',
      `/api/v1/requests/${arrived.id}/domestic-orders`,
      {
        as: fed.users.SG.duty,
        body: { orders: [{ providerId, authorisation, type: 'PRODUCE_27A', scope: { dateRange } }] },
      },
    );
    const order = made.orders[0]!;
    const move = (as: ProcessSession, action: string) =>
      fed.sg.expect(200, 'POST', `/api/v1/orders/${order.id}/transitions`, { as, body: { action, payload: {} } });
    await move(fed.users.SG.chief, 'authorise');
    await move(fed.users.SG.duty, 'serve');
    await fed.sg.expect(200, 'POST', `/api/v1/provider/orders/${order.id}/acknowledge`, { as: provider });
    const content = Buffer.from(`login,ip,time\nround-${round},203.0.113.${round},2026-10-30T14:03:11+07:00\n`);
    const sha256 = createHash('sha256').update(content).digest('hex');
    const upload = await fetch(`${fed.sg.url}/api/v1/provider/orders/${order.id}/production`, {
      method: 'POST',
      headers: {
        cookie: provider.cookie,
        'x-csrf-token': provider.csrfToken,
        'content-type': 'application/octet-stream',
        'x-content-sha256': sha256,
        'x-filename': `round-${round}.csv`,
        'x-data-category': 'traffic',
      },
      body: content,
    });
    expect(upload.status).toBe(201);
    return { request: draft, order, sha256 };
  }

  const confirm = (order: OrderView) =>
    fed.sg.expect(200, 'POST', `/api/v1/orders/${order.id}/transitions`, {
      as: fed.users.SG.chief,
      body: { action: 'confirm-production-complete', payload: {} },
    });
  const offerEvents = async (order: OrderView) =>
    (
      await fed.sg.expect<{ events: OrderEvent[] }>(200, 'GET', `/api/v1/orders/${order.id}/timeline`, {
        as: fed.users.SG.duty,
      })
    ).events.filter((e) => e.action.startsWith('evidence-offer'));

  /**
   * Waits until Singapore has nothing left to do for the offer (no job pending, no message waiting
   * for Viet Nam) and Viet Nam holds the item; then counts what arrived there.
   */
  async function receivedAtVietNam(request: RequestView, order: OrderView, sha256: string): Promise<number> {
    await waitFor(
      'the offer sent and its job done at SG',
      async () => {
        const metrics = await (await fetch(`${fed.sg.url}/metrics`, { headers: { cookie: admin.cookie } })).text();
        const status = await fed.sg.expect<{ pending: unknown[] }>(200, 'GET', '/api/v1/federation/status', {
          as: fed.users.SG.duty,
        });
        const idle =
          /hanoi247_jobs\{kind="production-offer",state="pending"\} 0\b/.test(metrics) && status.pending.length === 0;
        return idle && (await offerEvents(order)).length > 0 ? true : undefined;
      },
      60_000,
    );
    await waitFor(
      'the production as evidence at VN',
      async () => {
        const listed = await fed.vn.call<{ items: { sha256: string }[] }>(
          'GET',
          `/api/v1/requests/${request.id}/evidence`,
          { as: fed.users.VN.duty },
        );
        return listed.status === 200 && listed.body.items.some((i) => i.sha256 === sha256) ? true : undefined;
      },
      60_000,
    );
    const listed = await fed.vn.expect<{ items: { sha256: string }[] }>(
      200,
      'GET',
      `/api/v1/requests/${request.id}/evidence`,
      { as: fed.users.VN.duty },
    );
    return listed.items.filter((i) => i.sha256 === sha256).length;
  }

  it(
    'killed between the confirmation\u2019s commit and the offer, Singapore ' +
      'offers the production once after restarting',
    async () => {
      const { request, order, sha256 } = await producedAtSingapore();
      // The job runner off for this run: the confirmation commits its job, and nothing carries it out.
      await fed.sg.stop();
      await fed.sg.restart({ HANOI247_JOBS_INTERVAL_MS: '0' });
      await confirm(order);
      expect(await offerEvents(order)).toEqual([]);
      await fed.sg.kill();

      await fed.sg.restart();
      expect(await receivedAtVietNam(request, order, sha256)).toBe(1);
      expect((await offerEvents(order)).map((e) => e.action)).toEqual(['evidence-offered']);
    },
  );

  it('killed at whatever point of the offer the signal lands, Singapore still offers the production once', async () => {
    const { request, order, sha256 } = await producedAtSingapore();
    // The runner starts the offer as the confirmation commits; the kill comes as its answer arrives.
    await confirm(order);
    await fed.sg.kill();

    await fed.sg.restart();
    expect(await receivedAtVietNam(request, order, sha256)).toBe(1);
    expect((await offerEvents(order)).map((e) => e.action)).toEqual(['evidence-offered']);
  });
});
