import { federate, settle, TestNode, type SignedInUser } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preservationDetails } from '../http/requests.fixtures.js';

/** Singapore here accepts no inbound connection: Viet Nam keeps its messages until Singapore pulls them. */
describe('pull mode', () => {
  let vn: TestNode;
  let sg: TestNode;
  let vnDuty: SignedInUser;
  let vnChief: SignedInUser;
  let sgDuty: SignedInUser;

  beforeAll(async () => {
    vn = await TestNode.start({ country: 'VN' });
    sg = await TestNode.start({
      country: 'SG',
      configure: (c) => ({ ...c, federation: { ...c.federation, acceptsInbound: false } }),
    });
    await vn.listen();
    await sg.listen();
    await federate([vn, sg]);
    const vnAdmin = await vn.administrator();
    vnDuty = await vn.user(vnAdmin, 'vn.duty', ['duty_officer']);
    vnChief = await vn.user(vnAdmin, 'vn.chief', ['supervisor']);
    sgDuty = await sg.user(await sg.administrator(), 'sg.duty', ['duty_officer']);
  });
  afterAll(async () => {
    await vn.stop();
    await sg.stop();
  });

  it('holds the message for the partner, which pulls it, receives it once and returns the signed receipt', async () => {
    const created = (
      await vn.call('POST', '/api/v1/requests', {
        as: vnDuty,
        body: {
          type: 'PRESERVATION_42',
          legalBasis: 'UN',
          requestedState: 'SG',
          language: 'en',
          details: preservationDetails(),
        },
      })
    ).json<{ id: string; reference: string }>();
    for (const [who, action] of [
      [vnDuty, 'submit'],
      [vnChief, 'approve'],
      [vnDuty, 'send'],
    ] as const) {
      expect(
        (await vn.call('POST', `/api/v1/requests/${created.id}/transitions`, { as: who, body: { action } })).statusCode,
      ).toBe(200);
    }
    await settle([vn]);
    const outbox = () =>
      vn.app.node.database.db
        .selectFrom('outbox')
        .select(['status', 'attempts'])
        .where('request_id', '=', created.id)
        .execute();
    expect(await outbox()).toEqual([{ status: 'pending', attempts: 0 }]);

    expect(await sg.app.node.services.pull.pullFromPartners()).toBe(1);
    expect((await outbox()).map((m) => m.status)).toEqual(['delivered']);
    expect(await sg.app.node.services.pull.pullFromPartners()).toBe(0);
    const incoming = (await sg.call('GET', '/api/v1/requests?direction=incoming', { as: sgDuty })).json<{
      requests: { id: string; reference: string }[];
    }>().requests;
    expect(incoming.map((r) => r.reference)).toEqual([created.reference]);

    // Singapore can still push its answers to Viet Nam, which accepts inbound connections.
    expect(
      (
        await sg.call('POST', `/api/v1/requests/${incoming[0]!.id}/transitions`, {
          as: sgDuty,
          body: { action: 'acknowledge' },
        })
      ).statusCode,
    ).toBe(200);
    await settle([sg]);
    expect(
      (await vn.call('GET', `/api/v1/requests/${created.id}`, { as: vnDuty })).json<{ state: string }>().state,
    ).toBe('ACKNOWLEDGED');
  });

  it('refuses a pull request that is not signed by a pinned partner', async () => {
    const forged = await vn.app.inject({
      method: 'POST',
      url: '/federation/v1/pull',
      headers: { 'content-type': 'application/hanoi247-envelope+json' },
      payload: 'eyJhbGciOiJFZERTQSJ9.eyJ2IjoxfQ.c2ln',
    });
    expect(forged.statusCode).toBe(401);
    expect(forged.json()).toMatchObject({ code: 'federation/bad-signature' });
  });
});
