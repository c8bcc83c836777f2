import { federate, settle, TestNode, type SignedInUser } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SseClient } from './live-events.fixtures.js';
import { preservationDetails, requestApi } from './requests.fixtures.js';

/**
 * Viet Nam's change feed reads request_events once an hour here, so within the test's timeout
 * only the after-commit nudge can bring a change to the open stream: a missing nudge fails it.
 */
describe('live request events right after a local commit', { timeout: 60_000 }, () => {
  let vn: TestNode;
  let sg: TestNode;
  let vnDuty: SignedInUser;
  let vnChief: SignedInUser;
  let sgDuty: SignedInUser;
  let stream: SseClient;

  beforeAll(async () => {
    vn = await TestNode.start({ country: 'VN', liveFeedIntervalMs: 3_600_000 });
    sg = await TestNode.start({ country: 'SG' });
    const vnBase = await vn.listen();
    await sg.listen();
    await federate([vn, sg]);
    const vnAdmin = await vn.administrator();
    vnDuty = await vn.user(vnAdmin, 'vn.duty', ['duty_officer']);
    vnChief = await vn.user(vnAdmin, 'vn.chief', ['supervisor']);
    sgDuty = await sg.user(await sg.administrator(), 'sg.duty', ['duty_officer']);
    stream = await SseClient.open(vnBase, { cookie: vnDuty.cookie });
  });
  afterAll(async () => {
    stream.close();
    await vn.stop();
    await sg.stop();
  });

  it('streams an officer\u2019s recording, transition and assignment as each commits', async () => {
    const api = requestApi<SignedInUser>(vn);
    const request = await api.receive(vnDuty, {
      reference: 'SG-2026-N1',
      requestingState: 'SG',
      type: 'PRESERVATION_42',
      legalBasis: 'UN',
      language: 'en',
      details: preservationDetails(),
    });
    await stream.change((c) => c.requestId === request.id && c.action === 'receive');
    await api.move(vnDuty, request.id, 'acknowledge');
    await stream.change((c) => c.requestId === request.id && c.action === 'acknowledge');
    const assigned = await vn.call('POST', `/api/v1/requests/${request.id}/assignment`, {
      as: vnDuty,
      body: { userId: vnChief.userId },
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    await stream.change((c) => c.requestId === request.id && c.action === 'assign');
  });

  it('streams the delivery receipt and the partner\u2019s answer that arrive by federation', async () => {
    const vnApi = requestApi<SignedInUser>(vn);
    const draft = await vnApi.draft(vnDuty, {
      type: 'PRESERVATION_42',
      legalBasis: 'UN',
      requestedState: 'SG',
      language: 'en',
      priority: 'urgent',
      details: preservationDetails(),
    });
    await vnApi.move(vnDuty, draft.id, 'submit');
    await vnApi.move(vnChief, draft.id, 'approve');
    await vnApi.move(vnDuty, draft.id, 'send');
    // Viet Nam's dispatcher delivers and records the receipt in the timeline (its commit nudges the feed).
    await settle([vn, sg]);
    await stream.change((c) => c.requestId === draft.id && c.action === 'message-delivered');
    const theirs = (await sg.call('GET', '/api/v1/requests?direction=incoming&limit=50', { as: sgDuty })).json<{
      requests: { id: string; reference: string }[];
    }>();
    const received = theirs.requests.find((r) => r.reference === draft.reference);
    if (received === undefined) throw new Error(`Singapore did not record ${draft.reference}`);
    await requestApi<SignedInUser>(sg).move(sgDuty, received.id, 'acknowledge');
    // Singapore delivers to Viet Nam's inbox over HTTP; the inbox's commit nudges Viet Nam's feed.
    await settle([sg]);
    const answer = await stream.change((c) => c.requestId === draft.id && c.action === 'acknowledge');
    expect(answer).toMatchObject({ reference: draft.reference, kind: 'transition', state: 'ACKNOWLEDGED' });
  });
});
