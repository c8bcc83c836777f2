import { TestNode, type SignedInUser } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  after,
  day,
  deadlineOf,
  hour,
  longSessions,
  mlaDetails,
  preservationDetails,
  requestApi,
  type Problem,
  type RequestJson,
} from './request-fixtures.js';

/**
 * The requested side: France asks Viet Nam to preserve data (UN art. 42). The request is
 * recorded, acknowledged against its clock, accepted, executed by a domestic order and
 * confirmed for the 60 days the Convention requires; the path leads to Singapore (art. 43) and
 * the follow-up MLA request stops the preservation clock (art. 42(7)).
 */
describe('incoming preservation request', () => {
  let node: TestNode;
  let duty: SignedInUser;
  let supervisor: SignedInUser;
  let auditor: SignedInUser;
  let api: ReturnType<typeof requestApi<SignedInUser>>;
  let request: RequestJson;

  beforeAll(async () => {
    node = await TestNode.start({ configure: longSessions });
    const admin = await node.administrator();
    duty = await node.user(admin, 'incoming.duty', ['duty_officer']);
    supervisor = await node.user(admin, 'incoming.supervisor', ['supervisor']);
    auditor = await node.user(admin, 'incoming.auditor', ['auditor']);
    api = requestApi<SignedInUser>(node);
  });
  afterAll(async () => node.stop());

  const incoming = (reference: string, type: string, details: Record<string, unknown>) =>
    api.receive(duty, {
      reference,
      requestingState: 'FR',
      type,
      legalBasis: 'UN',
      language: 'fr',
      translations: [{ language: 'en', status: 'certified' }],
      details,
    });

  it('records the request from France with its reference and starts the 24-hour acknowledgement clock', async () => {
    const recordedAt = node.clock.now();
    request = await incoming('FR-2026-77', 'PRESERVATION_42', preservationDetails());
    expect(request).toMatchObject({
      reference: 'FR-2026-77',
      direction: 'incoming',
      state: 'RECEIVED',
      requestingState: 'FR',
      requestedState: 'VN',
      missing: [],
      warnings: [],
    });
    expect(request.deadlines.map((d) => [d.ruleId, d.status])).toEqual([['acknowledge-standard', 'open']]);
    expect(deadlineOf(request, 'acknowledge-standard')?.dueAt).toBe(after(recordedAt, 24 * hour));
    expect(request.availableActions.map((a) => a.action)).toEqual(['acknowledge']);
  });

  it('refuses to record the same reference twice, or a request from this node\u2019s own State', async () => {
    const twice = await node.call('POST', '/api/v1/requests/incoming', {
      as: duty,
      body: {
        reference: 'FR-2026-77',
        requestingState: 'FR',
        type: 'PRESERVATION_42',
        legalBasis: 'UN',
        language: 'fr',
        details: preservationDetails(),
      },
    });
    expect(twice.json<Problem>()).toMatchObject({
      status: 400,
      code: 'request/invalid-details',
      errors: [{ path: '/reference' }],
    });
    const own = await node.call('POST', '/api/v1/requests/incoming', {
      as: duty,
      body: {
        reference: 'VN-2026-1',
        requestingState: 'VN',
        type: 'PRESERVATION_42',
        legalBasis: 'UN',
        language: 'vi',
        details: {},
      },
    });
    expect(own.json<Problem>()).toMatchObject({
      status: 400,
      code: 'request/invalid-details',
      errors: [{ path: '/requestingState' }],
    });
    // A foreign reference carries its own State's prefix: one in this node's numbering would collide with it later.
    for (const reference of ['VN-2026-000001', 'DE-2026-77']) {
      const foreign = await node.call('POST', '/api/v1/requests/incoming', {
        as: duty,
        body: {
          reference,
          requestingState: 'FR',
          type: 'PRESERVATION_42',
          legalBasis: 'UN',
          language: 'fr',
          details: preservationDetails(),
        },
      });
      expect(foreign.json<Problem>(), reference).toMatchObject({
        status: 400,
        code: 'request/invalid-details',
        errors: [{ path: '/reference', message: 'must start with FR-' }],
      });
    }
    const outgoing = await api.draft(duty, {
      type: 'PRESERVATION_42',
      legalBasis: 'UN',
      requestedState: 'FR',
      language: 'en',
    });
    expect(outgoing.reference).toBe('VN-2026-000001');
  });

  it('meets the acknowledgement clock when acknowledged', async () => {
    request = await api.move(duty, request.id, 'acknowledge');
    expect(request.state).toBe('ACKNOWLEDGED');
    expect(deadlineOf(request, 'acknowledge-standard')?.status).toBe('met');
  });

  it('is triaged, accepted by a supervisor and executed by a domestic order', async () => {
    request = await api.move(duty, request.id, 'triage');
    expect(request.state).toBe('TRIAGE');
    const byDuty = await api.act(duty, request.id, 'accept');
    expect(byDuty.json<Problem>()).toMatchObject({ status: 403, code: 'auth/forbidden' });
    request = await api.move(supervisor, request.id, 'accept');
    expect(request.state).toBe('ACCEPTED');
    request = await api.move(duty, request.id, 'issue-domestic-order');
    expect(request.state).toBe('DOMESTIC_ORDER_ISSUED');
    expect(deadlineOf(request, 'domestic-preservation-order')).toMatchObject({
      status: 'open',
      dueAt: after(node.clock.now(), 90 * day),
    });
  });

  it('refuses a preservation shorter than 60 days, citing art. 42', async () => {
    const tooShort = await api.act(duty, request.id, 'confirm-preserved', {
      preservedUntil: after(node.clock.now(), 60 * day - 1000),
    });
    expect(tooShort.statusCode).toBe(400);
    const problem = tooShort.json<Problem>();
    expect(problem.code).toBe('request/preservation-too-short');
    expect(problem.detail).toContain('at least 60 days');
    expect(problem.detail).toContain('UN Convention against Cybercrime art. 42(7)');
    expect(problem.errors).toEqual([
      { path: '/payload/preservedUntil', message: `on or after ${after(node.clock.now(), 60 * day)}` },
    ]);
    const missing = await api.act(duty, request.id, 'confirm-preserved');
    expect(missing.json<Problem>().code).toBe('request/preservation-too-short');
    expect((await api.view(duty, request.id)).state).toBe('DOMESTIC_ORDER_ISSUED');
  });

  it('is PRESERVED for 60 days and the preservation-period clock runs until then', async () => {
    const preservedUntil = after(node.clock.now(), 60 * day);
    request = await api.move(duty, request.id, 'confirm-preserved', { preservedUntil });
    expect(request.state).toBe('PRESERVED');
    expect(deadlineOf(request, 'preservation-period')).toMatchObject({
      status: 'open',
      dueAt: preservedUntil,
      warnAt: after(new Date(preservedUntil), -14 * day),
    });
    const [event] = (await api.timeline(duty, request.id)).filter((e) => e.action === 'confirm-preserved');
    expect(event).toMatchObject({
      kind: 'transition',
      fromState: 'DOMESTIC_ORDER_ISSUED',
      toState: 'PRESERVED',
      actorName: 'incoming.duty',
      payload: { preservedUntil },
    });
  });

  it('proposes a preservation request to Singapore when the traffic path leads there (art. 43)', async () => {
    const missingState = await api.act(duty, request.id, 'disclose-traffic-path');
    expect(missingState.json<Problem>()).toMatchObject({
      status: 400,
      code: 'request/link-required',
      errors: [{ path: '/payload/thirdState' }],
    });
    request = await api.move(duty, request.id, 'disclose-traffic-path', {
      thirdState: 'SG',
      information: 'The connection came through Transit Networks Ltd, 198.51.100.23',
    });
    expect(request.state).toBe('PRESERVED');
    const events = await api.timeline(duty, request.id);
    const disclosure = events.findIndex((e) => e.action === 'disclose-traffic-path');
    expect(events[disclosure]).toMatchObject({ kind: 'transition', fromState: 'PRESERVED', toState: 'PRESERVED' });
    expect(events[disclosure + 1]).toMatchObject({
      kind: 'proposal',
      action: 'propose-request',
      actorName: 'system',
      payload: { type: 'PRESERVATION_42', requestedState: 'SG' },
    });
    expect(String(events[disclosure + 1]?.payload['reason'])).toContain('art. 43');
  });

  it('links the follow-up MLA request, which suspends the preservation clock', async () => {
    const mla = await incoming('FR-2026-78', 'MLA_40', mlaDetails());
    const missingLink = await api.act(duty, request.id, 'link-follow-up-mla');
    expect(missingLink.json<Problem>()).toMatchObject({
      status: 400,
      code: 'request/link-required',
      errors: [{ path: '/payload/linkedRequestId' }],
    });
    request = await api.move(duty, request.id, 'link-follow-up-mla', { linkedRequestId: mla.id });
    expect(request.state).toBe('FOLLOW_UP_MLA_LINKED');
    expect(deadlineOf(request, 'preservation-period')?.status).toBe('suspended');
    expect(request.links).toEqual([expect.objectContaining({ toReference: mla.id, kind: 'link-follow-up-mla' })]);
    expect((await api.view(duty, request.id)).links).toHaveLength(1);
  });

  it('raises no expiry long after the preservation date once the follow-up request is linked', async () => {
    const dueAt = deadlineOf(request, 'preservation-period')!.dueAt;
    node.clock.advance(Date.parse(dueAt) - node.clock.now().getTime() + 30 * day);
    const { alarms, failures } = await node.app.node.services.deadlineScanner.scan();
    expect(failures).toEqual([]);
    const mine = alarms.filter((a) => a.requestId === request.id);
    expect(mine.map((a) => a.ruleId)).not.toContain('preservation-period');
    // The domestic order (90 days) still reminds the officers to renew it.
    expect(mine.map((a) => [a.ruleId, a.alarm])).toEqual([['domestic-preservation-order', 'breach']]);
    const now = await api.view(duty, request.id);
    expect(now.state).toBe('FOLLOW_UP_MLA_LINKED');
    expect(deadlineOf(now, 'preservation-period')?.status).toBe('suspended');
    const audit = await node.call('GET', `/api/v1/audit?objectId=${request.id}&action=deadline.alarm`, { as: auditor });
    expect(audit.json<{ entries: { details: { ruleId: string } }[] }>().entries.map((e) => e.details.ruleId)).toEqual([
      'domestic-preservation-order',
    ]);
  });

  it('is released after the decision on the MLA request, which ends its clocks', async () => {
    request = await api.move(duty, request.id, 'release-after-decision');
    expect(request.state).toBe('RELEASED_AFTER_DECISION');
    expect(request.availableActions).toEqual([]);
    expect(request.deadlines.filter((d) => d.status === 'open' || d.status === 'warned')).toEqual([]);
  });
});
