import { federate, settle, TestNode, type SignedInUser } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mlaDetails } from '../http/requests.fixtures.js';

interface View {
  id: string;
  reference: string;
  state: string;
  conditions: { kind: string; status: string }[];
}

/** The requested State's answers and the requester's replies travel and move both copies of an MLA request. */
describe('answers flowing back and forth', () => {
  let vn: TestNode;
  let fr: TestNode;
  const u: Record<string, SignedInUser> = {};

  const act = async (
    node: TestNode,
    who: string,
    id: string,
    action: string,
    payload: Record<string, unknown> = {},
  ) => {
    const response = await node.call('POST', `/api/v1/requests/${id}/transitions`, {
      as: u[who],
      body: { action, payload },
    });
    expect(response.statusCode, response.body).toBe(200);
  };
  const get = async (node: TestNode, who: string, id: string) =>
    (await node.call('GET', `/api/v1/requests/${id}`, { as: u[who] })).json<View>();
  const incoming = async (reference: string) =>
    (await vn.call('GET', '/api/v1/requests?direction=incoming', { as: u['vnDuty'] }))
      .json<{ requests: { id: string; reference: string }[] }>()
      .requests.find((r) => r.reference === reference)!.id;

  /** France asks Viet Nam for assistance; returns both copies' ids. */
  const send = async (): Promise<{ out: string; inc: string }> => {
    const draft = (
      await fr.call('POST', '/api/v1/requests', {
        as: u['frDuty'],
        body: { type: 'MLA_40', legalBasis: 'UN', requestedState: 'VN', language: 'en', details: mlaDetails() },
      })
    ).json<View>();
    await act(fr, 'frDuty', draft.id, 'submit');
    await act(fr, 'frChief', draft.id, 'approve');
    await act(fr, 'frDuty', draft.id, 'send');
    await settle([fr, vn]);
    return { out: draft.id, inc: await incoming(draft.reference) };
  };
  const both = async (ids: { out: string; inc: string }) => {
    await settle([fr, vn]);
    return [(await get(fr, 'frDuty', ids.out)).state, (await get(vn, 'vnDuty', ids.inc)).state];
  };

  beforeAll(async () => {
    vn = await TestNode.start({ country: 'VN' });
    fr = await TestNode.start({ country: 'FR' });
    await vn.listen();
    await fr.listen();
    await federate([vn, fr]);
    const vnAdmin = await vn.administrator();
    const frAdmin = await fr.administrator();
    u['vnDuty'] = await vn.user(vnAdmin, 'vn.duty', ['central_authority_officer']);
    u['vnChief'] = await vn.user(vnAdmin, 'vn.chief', ['supervisor']);
    u['frDuty'] = await fr.user(frAdmin, 'fr.duty', ['central_authority_officer']);
    u['frChief'] = await fr.user(frAdmin, 'fr.chief', ['supervisor']);
    u['frAdmin'] = frAdmin;
  });
  afterAll(async () => {
    await vn.stop();
    await fr.stop();
  });

  it('carries a request for information, the answer, a consultation and binding conditions', async () => {
    const ids = await send();
    await act(vn, 'vnDuty', ids.inc, 'acknowledge');
    await act(vn, 'vnDuty', ids.inc, 'assess');
    await act(vn, 'vnDuty', ids.inc, 'request-information', { information: 'Which accounts exactly?' });
    expect(await both(ids)).toEqual(['INFO_REQUESTED', 'INFO_REQUESTED']);
    await act(fr, 'frDuty', ids.out, 'provide-information', { information: 'Accounts listed in annex 2.' });
    expect(await both(ids)).toEqual(['UNDER_ASSESSMENT', 'UNDER_ASSESSMENT']);
    await act(vn, 'vnDuty', ids.inc, 'open-consultation', {
      information: 'We can assist if the data is used only for this case.',
    });
    await act(vn, 'vnChief', ids.inc, 'accept-with-conditions', {
      conditions: [{ kind: 'USE_LIMITATION', text: 'Only for case J3-2026-17.' }],
    });
    expect(await both(ids)).toEqual(['ACCEPTED_WITH_CONDITIONS', 'ACCEPTED_WITH_CONDITIONS']);
    expect((await get(fr, 'frDuty', ids.out)).conditions).toEqual([
      expect.objectContaining({ kind: 'USE_LIMITATION', status: 'proposed' }),
    ]);
    await act(fr, 'frChief', ids.out, 'accept-conditions');
    expect(await both(ids)).toEqual(['ACCEPTED', 'ACCEPTED']);
    expect((await get(vn, 'vnDuty', ids.inc)).conditions).toEqual([
      expect.objectContaining({ kind: 'USE_LIMITATION', status: 'accepted' }),
    ]);
  });

  it('carries a refusal with its grounds after consultation, and a withdrawal', async () => {
    const refused = await send();
    await act(vn, 'vnDuty', refused.inc, 'acknowledge');
    await act(vn, 'vnDuty', refused.inc, 'assess');
    await act(vn, 'vnDuty', refused.inc, 'open-consultation', {
      information: 'Execution would touch an ongoing national case.',
    });
    await act(vn, 'vnChief', refused.inc, 'refuse', {
      reasonCodes: ['ESSENTIAL_INTERESTS'],
      reasons: 'Prejudice to an ongoing national security matter.',
    });
    expect(await both(refused)).toEqual(['REFUSED', 'REFUSED']);
    const trail = (await fr.call('GET', `/api/v1/requests/${refused.out}/timeline`, { as: u['frDuty'] })).json<{
      events: { action: string; payload: Record<string, unknown> }[];
    }>().events;
    expect(trail.find((e) => e.action === 'refuse')?.payload).toMatchObject({ reasonCodes: ['ESSENTIAL_INTERESTS'] });

    const withdrawn = await send();
    await act(fr, 'frDuty', withdrawn.out, 'withdraw');
    expect(await both(withdrawn)).toEqual(['WITHDRAWN', 'WITHDRAWN']);
  });

  it('shows queue depth, the last delivery and failures on the status page and in the metrics', async () => {
    const status = (await fr.call('GET', '/api/v1/federation/status', { as: u['frAdmin'] })).json<{
      queueDepth: number;
      lastDeliveredAt: string | null;
      oldestPendingAt: string | null;
      peers: { country: string }[];
    }>();
    expect(status).toMatchObject({ queueDepth: 0, oldestPendingAt: null, peers: [{ country: 'VN' }] });
    expect(status.lastDeliveredAt).not.toBeNull();
    const metrics = (await fr.call('GET', '/metrics', { as: u['frAdmin'] })).body;
    expect(metrics).toMatch(/hanoi247_federation_outbox_messages\{status="delivered"\} [1-9]\d*/);
    expect(metrics).toMatch(/hanoi247_federation_delivery_seconds_count [1-9]\d*/);
  });
});
