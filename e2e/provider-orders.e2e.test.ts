import { createHash } from 'node:crypto';
import { verifyOrder, type SignedOrder } from '@hanoi247/core';
import { waitFor, type ProcessSession } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedDataDetails } from '../packages/server/src/http/orders.fixtures.js';
import { preservationDetails } from '../packages/server/src/http/requests.fixtures.js';
import { Federation, type QueueItem, type RequestView } from './federated-nodes.js';
import { ProviderDesk } from './provider-desk.js';

/**
 * Real `hanoi247 serve` processes: Viet Nam asks Singapore to preserve; Singapore executes it
 * through a domestic order its provider answers; the answer reaches Viet Nam. Then the follow-up
 * MLA: a production order, the provider's upload, and the evidence offered back to Viet Nam.
 */
describe('requests executed through a provider, across node processes', () => {
  let fed: Federation;
  let desk: ProviderDesk;
  let provider: ProcessSession;
  let preservation: { vn: RequestView; sg: QueueItem };

  beforeAll(async () => {
    fed = await Federation.start();
    desk = await ProviderDesk.open(fed);
    provider = desk.provider;
  }, 90_000);
  afterAll(async () => {
    await (fed as Federation | undefined)?.close();
  });

  const servedOrderFor = (requestId: string, extra: Parameters<ProviderDesk['servedOrderFor']>[1] = {}) =>
    desk.servedOrderFor(requestId, extra);

  it(
    'preserves through the provider: the provider verifies the order and confirms, ' +
      'Viet Nam reads "preserved until"',
    async () => {
      const sent = await fed.sendPreservation('SG', preservationDetails());
      const arrived = await fed.arrived('SG', sent.reference);
      await fed.act('SG', 'duty', arrived.id, 'acknowledge');
      await fed.act('SG', 'duty', arrived.id, 'triage');
      await fed.act('SG', 'chief', arrived.id, 'accept');
      const order = await servedOrderFor(arrived.id);
      expect((await fed.view('SG', arrived.id)).state).toBe('DOMESTIC_ORDER_ISSUED');

      const signed = await fed.sg.expect<SignedOrder>(200, 'GET', `/api/v1/provider/orders/${order.id}/signed`, {
        as: provider,
      });
      const directory = await fed.sg.expect<unknown>(200, 'GET', '/federation/v1/descriptor');
      expect(await verifyOrder(signed, { descriptor: directory })).toMatchObject({ ok: true, node: { country: 'SG' } });
      await fed.sg.expect(200, 'POST', `/api/v1/provider/orders/${order.id}/acknowledge`, { as: provider });
      const until = order.periods[0]!.end;
      await fed.sg.expect(200, 'POST', `/api/v1/provider/orders/${order.id}/confirm-preservation`, {
        as: provider,
        body: { preservedUntil: until, what: 'Subscriber record and connection log of the account' },
      });

      const atVn = await waitFor('PRESERVED at VN', async () => {
        const view = await fed.view('VN', sent.id);
        return view.state === 'PRESERVED' ? view : undefined;
      });
      const answer = (await fed.timeline('VN', sent.id)).find((e) => e.action === 'confirm-preserved');
      expect(answer?.payload).toMatchObject({
        preservedUntil: until,
        information: 'Subscriber record and connection log of the account',
        order: { reference: order.reference, periodEnd: until },
        notes: [{ code: 'order.preservation-confirmed', params: { order: order.reference, until } }],
      });
      expect(atVn.deadlines).toContainEqual(expect.objectContaining({ ruleId: 'preservation-period', status: 'open' }));
      preservation = { vn: sent, sg: arrived };
    },
  );

  it(
    'follows with the MLA: production order, the provider\u2019s upload with ' +
      'its hash, evidence offered back to Viet Nam',
    async () => {
      const draft = await fed.vn.expect<RequestView>(201, 'POST', '/api/v1/requests', {
        as: fed.users.VN.duty,
        body: {
          type: 'STORED_DATA_44',
          legalBasis: 'UN',
          requestedState: 'SG',
          language: 'en',
          details: { ...storedDataDetails(), linkedPreservationReference: preservation.vn.reference },
        },
      });
      await fed.act('VN', 'duty', draft.id, 'submit');
      await fed.act('VN', 'chief', draft.id, 'approve');
      await fed.act('VN', 'duty', draft.id, 'send');
      const mla = await fed.arrived('SG', draft.reference);
      // Art. 42(7): with the MLA request received, the preservation continues until its decision.
      await fed.act('SG', 'duty', preservation.sg.id, 'link-follow-up-mla', { linkedRequestId: draft.reference });
      await fed.act('SG', 'duty', mla.id, 'acknowledge');
      await fed.act('SG', 'duty', mla.id, 'assess');
      await fed.act('SG', 'chief', mla.id, 'accept');
      const order = await servedOrderFor(mla.id, { type: 'PRODUCE_27A' });
      expect((await fed.view('SG', mla.id)).state).toBe('IN_EXECUTION');
      await fed.sg.expect(200, 'POST', `/api/v1/provider/orders/${order.id}/acknowledge`, { as: provider });

      const content = Buffer.from('login,ip,port,time\nquick.invest.2026,203.0.113.7,443,2026-10-30T14:03:11+07:00\n');
      const sha256 = createHash('sha256').update(content).digest('hex');
      const upload = await fetch(`${fed.sg.url}/api/v1/provider/orders/${order.id}/production`, {
        method: 'POST',
        headers: {
          cookie: provider.cookie,
          'x-csrf-token': provider.csrfToken,
          'content-type': 'application/octet-stream',
          'x-content-sha256': sha256,
          'x-filename': 'logins.csv',
          'x-data-category': 'traffic',
        },
        body: content,
      });
      expect(upload.status).toBe(201);
      const receipt = (await upload.json()) as { evidence: { id: string; sha256: string } };
      expect(receipt.evidence.sha256).toBe(sha256);
      const custody = await fed.sg.expect<{ events: { type: string }[] }>(
        200,
        'GET',
        `/api/v1/evidence/${receipt.evidence.id}/custody`,
        { as: fed.users.SG.chief },
      );
      expect(custody.events.map((e) => e.type).slice(0, 2)).toEqual(['collected', 'hashed']);

      await fed.sg.expect(200, 'POST', `/api/v1/orders/${order.id}/transitions`, {
        as: fed.users.SG.chief,
        body: { action: 'confirm-production-complete', payload: {} },
      });
      // The offer is a durable job committed with the confirmation; the runner sends it at once.
      const offered = await waitFor('the production offered to VN', async () => {
        const timeline = await fed.sg.expect<{ events: { action: string; payload: Record<string, unknown> }[] }>(
          200,
          'GET',
          `/api/v1/orders/${order.id}/timeline`,
          { as: fed.users.SG.duty },
        );
        return timeline.events.find((e) => e.action.startsWith('evidence-offer'));
      });
      expect(offered).toMatchObject({ action: 'evidence-offered' });

      const atVn = await waitFor(
        'the production as evidence at VN',
        async () => {
          const listed = await fed.vn.call<{ items: { id: string; sha256: string }[] }>(
            'GET',
            `/api/v1/requests/${draft.id}/evidence`,
            { as: fed.users.VN.duty },
          );
          return listed.status === 200 ? listed.body.items.find((i) => i.sha256 === sha256) : undefined;
        },
        60_000,
      );
      const chain = await fed.vn.expect<{ events: { type: string }[] }>(
        200,
        'GET',
        `/api/v1/evidence/${atVn.id}/custody`,
        { as: fed.users.VN.duty },
      );
      expect(chain.events.map((e) => e.type)).toEqual(expect.arrayContaining(['received', 'hash-verified']));
    },
  );
});
