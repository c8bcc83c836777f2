import { federate, settle, TestNode, type SignedInUser } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preservationDetails } from '../http/requests.fixtures.js';

/** A new request the partner can never record is refused, so the sender shows a failure instead of a false receipt. */
describe('a request the partner cannot record', () => {
  let vn: TestNode;
  let sg: TestNode;
  let vnDuty: SignedInUser;
  let vnChief: SignedInUser;
  let sgDuty: SignedInUser;

  beforeAll(async () => {
    vn = await TestNode.start({ country: 'VN' });
    sg = await TestNode.start({ country: 'SG' });
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

  it('is refused when its reference already exists there, and shows as a delivery failure at the sender', async () => {
    const draft = (
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
    // Singapore already recorded a letter under the same reference.
    const letter = await sg.call('POST', '/api/v1/requests/incoming', {
      as: sgDuty,
      body: {
        reference: draft.reference,
        requestingState: 'VN',
        type: 'PRESERVATION_42',
        legalBasis: 'UN',
        language: 'en',
        details: preservationDetails(),
      },
    });
    expect(letter.statusCode).toBe(201);
    for (const [who, action] of [
      [vnDuty, 'submit'],
      [vnChief, 'approve'],
      [vnDuty, 'send'],
    ] as const) {
      expect(
        (await vn.call('POST', `/api/v1/requests/${draft.id}/transitions`, { as: who, body: { action } })).statusCode,
      ).toBe(200);
    }
    await settle([vn, sg]);
    const outbox = await vn.app.node.database.db
      .selectFrom('outbox')
      .select(['status', 'last_error'])
      .where('request_id', '=', draft.id)
      .execute();
    expect(outbox.map((m) => m.status)).toEqual(['failed']);
    expect(outbox[0]?.last_error).toMatch(/refused by SG: HTTP 409/);
    const events = (await vn.call('GET', `/api/v1/requests/${draft.id}/timeline`, { as: vnDuty })).json<{
      events: { action: string }[];
    }>().events;
    expect(events.map((e) => e.action)).toContain('delivery-failed');
    const inbox = await sg.app.node.database.db.selectFrom('inbox').select('message_id').execute();
    expect(inbox).toEqual([]);
  });
});
