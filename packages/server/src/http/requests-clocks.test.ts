import { TestNode, type SignedInUser } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  after,
  day,
  deadlineOf,
  hour,
  longSessions,
  minute,
  mlaDetails,
  preservationDetails,
  realtimeTrafficDetails,
  requestApi,
  treatyReference,
  type Problem,
  type RequestJson,
} from './requests.fixtures.js';
import { orderDesk, preserveThroughOrder, type OrderDesk } from './order-desk.fixtures.js';

/**
 * The legal clocks on a travelling clock: the scanner is driven by hand after each trip, as the
 * interval job would on a live node. Warnings come before breaches and expiries; an expiry
 * and a hard stop end the request through the system's own transition.
 */
describe('legal clocks', () => {
  let node: TestNode;
  let duty: SignedInUser;
  let supervisor: SignedInUser;
  let auditor: SignedInUser;
  let api: ReturnType<typeof requestApi<SignedInUser>>;
  let desk: OrderDesk;

  beforeAll(async () => {
    node = await TestNode.start({ configure: longSessions });
    const admin = await node.administrator();
    duty = await node.user(admin, 'clock.duty', ['duty_officer']);
    supervisor = await node.user(admin, 'clock.supervisor', ['supervisor']);
    auditor = await node.user(admin, 'clock.auditor', ['auditor']);
    api = requestApi<SignedInUser>(node);
    desk = await orderDesk(node, 'clock.orders', admin);
  });
  afterAll(async () => node.stop());

  const scan = async () => {
    const summary = await node.app.node.services.deadlineScanner.scan();
    expect(summary.failures).toEqual([]);
    return summary;
  };
  const alarmsFor = async (requestId: string) =>
    (await scan()).alarms.filter((a) => a.requestId === requestId).map((a) => [a.ruleId, a.alarm]);
  const advanceTo = (iso: string, plus = 0) => node.clock.advance(Date.parse(iso) + plus - node.clock.now().getTime());
  const emergency = {
    priority: 'emergency',
    emergencyJustification: 'The victim, a child, is in contact with the suspect right now',
  };
  const receive = (
    reference: string,
    type: string,
    details: Record<string, unknown>,
    extra: Record<string, unknown> = {},
  ) =>
    api.receive(duty, {
      reference,
      requestingState: reference.slice(0, 2),
      type,
      legalBasis: 'UN',
      language: 'en',
      details,
      ...extra,
    });

  it('queues emergencies first, then by the nearest deadline, requests without a clock last', async () => {
    const older = await receive('DE-2026-1', 'MLA_40', mlaDetails());
    await api.move(duty, older.id, 'acknowledge');
    node.clock.advance(minute);
    const first = await receive('DE-2026-2', 'MLA_40', mlaDetails());
    node.clock.advance(minute);
    const second = await receive('DE-2026-3', 'MLA_40', mlaDetails());
    node.clock.advance(minute);
    const urgent = await receive('DE-2026-4', 'PRESERVATION_42', preservationDetails(), emergency);
    node.clock.advance(minute);
    // The newest normal request carries the nearest date: the end of the day the first one came in.
    const sought = { date: first.createdAt.slice(0, 10), reasons: 'The suspect will be released that day' };
    const soonest = await receive('DE-2026-5', 'MLA_40', { ...mlaDetails(), deadlineSought: sought });
    const response = await node.call('GET', '/api/v1/requests?country=DE', { as: duty });
    expect(response.statusCode).toBe(200);
    const queue = response.json<{ requests: { reference: string; priority: string; nextDueAt: string | null }[] }>()
      .requests;
    expect(queue.map((r) => r.reference)).toEqual([urgent, soonest, first, second, older].map((r) => r.reference));
    expect(queue.map((r) => r.nextDueAt)).toEqual([
      after(new Date(urgent.createdAt), hour),
      `${sought.date}T23:59:59.999Z`,
      after(new Date(first.createdAt), 24 * hour),
      after(new Date(second.createdAt), 24 * hour),
      null,
    ]);
    expect(queue[0]?.priority).toBe('emergency');
    const page = (await node.call('GET', '/api/v1/requests?country=DE&limit=2&offset=1', { as: duty })).json<{
      requests: { reference: string }[];
    }>();
    expect(page.requests.map((r) => r.reference)).toEqual(['DE-2026-5', 'DE-2026-2']);
  });

  it('warns 15 minutes before an emergency acknowledgement falls due, then breaches it', async () => {
    const request = await receive('FR-2026-100', 'PRESERVATION_42', preservationDetails(), emergency);
    expect(request.deadlines.map((d) => d.ruleId)).toEqual(['acknowledge-urgent']);
    expect(deadlineOf(request, 'acknowledge-urgent')).toMatchObject({
      status: 'open',
      dueAt: after(new Date(request.createdAt), hour),
      warnAt: after(new Date(request.createdAt), 45 * minute),
    });
    node.clock.advance(50 * minute);
    expect(await alarmsFor(request.id)).toEqual([['acknowledge-urgent', 'warning']]);
    const warned = await api.view(duty, request.id);
    expect(deadlineOf(warned, 'acknowledge-urgent')?.status).toBe('warned');
    const warning = (await api.timeline(duty, request.id)).filter((e) => e.kind === 'deadline');
    expect(warning).toEqual([
      expect.objectContaining({
        action: 'deadline-warning',
        actorName: 'legal clock',
        actorId: null,
        payload: { ruleId: 'acknowledge-urgent', escalateTo: 'supervisor' },
      }),
    ]);
    expect(await alarmsFor(request.id)).toEqual([]);
    node.clock.advance(15 * minute);
    expect(await alarmsFor(request.id)).toEqual([['acknowledge-urgent', 'breach']]);
    const breached = await api.view(duty, request.id);
    expect(deadlineOf(breached, 'acknowledge-urgent')?.status).toBe('breached');
    expect(breached.state).toBe('RECEIVED');
    expect((await api.timeline(duty, request.id)).map((e) => e.action)).toEqual([
      'receive',
      'deadline-warning',
      'deadline-breach',
    ]);
    // A late acknowledgement does not rewrite history: the clock stays breached.
    const acknowledged = await api.move(duty, request.id, 'acknowledge');
    expect(deadlineOf(acknowledged, 'acknowledge-urgent')?.status).toBe('breached');
  });

  async function preserved(reference: string, days: number): Promise<RequestJson> {
    const request = await receive(reference, 'PRESERVATION_42', preservationDetails());
    await api.move(duty, request.id, 'acknowledge');
    await api.move(duty, request.id, 'triage');
    await api.move(supervisor, request.id, 'accept');
    await preserveThroughOrder(node, { ...desk, duty, supervisor }, request.id, days);
    return api.view(duty, request.id);
  }

  it('warns 14 days before a preservation lapses, then expires it by a system transition', async () => {
    const request = await preserved('FR-2026-101', 61);
    const clock = deadlineOf(request, 'preservation-period')!;
    advanceTo(clock.warnAt, -minute);
    expect(await alarmsFor(request.id)).toEqual([]);
    advanceTo(clock.warnAt, minute);
    expect(await alarmsFor(request.id)).toEqual([['preservation-period', 'warning']]);
    expect((await api.view(duty, request.id)).state).toBe('PRESERVED');
    advanceTo(clock.dueAt, minute);
    expect(await alarmsFor(request.id)).toEqual([['preservation-period', 'expiry']]);
    const expired = await api.view(duty, request.id);
    expect(expired.state).toBe('EXPIRED');
    expect(expired.availableActions).toEqual([]);
    expect(deadlineOf(expired, 'preservation-period')?.status).toBe('expired');
    const events = await api.timeline(duty, request.id);
    expect(events.slice(-3).map((e) => [e.kind, e.action, e.actorName])).toEqual([
      ['deadline', 'deadline-warning', 'legal clock'],
      ['deadline', 'deadline-expiry', 'legal clock'],
      ['transition', 'expire', 'system'],
    ]);
    expect(events.at(-1)).toMatchObject({ fromState: 'PRESERVED', toState: 'EXPIRED', actorId: null });
    const audit = await node.call('GET', `/api/v1/audit?objectId=${request.id}`, { as: auditor });
    const entries = audit.json<{
      entries: { action: string; actorType: string; actorName: string; details: Record<string, unknown> }[];
    }>().entries;
    for (const entry of entries.filter((e) => e.action === 'deadline.alarm')) {
      expect(entry).toMatchObject({ actorType: 'system', actorName: 'legal clock' });
    }
    expect(entries.filter((e) => e.action === 'deadline.alarm').map((e) => e.details)).toEqual([
      { ruleId: 'preservation-period', alarm: 'expiry' },
      { ruleId: 'preservation-period', alarm: 'warning' },
    ]);
    expect(entries.find((e) => e.action === 'request.transitioned')).toMatchObject({
      actorType: 'system',
      actorName: 'system',
      details: { action: 'expire', from: 'PRESERVED', to: 'EXPIRED' },
    });
    expect(
      entries.filter((e) => e.action === 'request.transitioned' && e.details['action'] === 'confirm-preserved'),
    ).toEqual([
      expect.objectContaining({ actorType: 'user', actorName: expect.stringMatching(/^domestic order /) as unknown }),
    ]);
  });

  it('never expires a preservation without warning first, even after a gap in scanning', async () => {
    const request = await preserved('FR-2026-102', 60);
    advanceTo(deadlineOf(request, 'preservation-period')!.dueAt, day);
    expect(await alarmsFor(request.id)).toEqual([['preservation-period', 'warning']]);
    expect((await api.view(duty, request.id)).state).toBe('PRESERVED');
    expect(await alarmsFor(request.id)).toEqual([['preservation-period', 'expiry']]);
    expect((await api.view(duty, request.id)).state).toBe('EXPIRED');
  });

  describe('real-time collection of traffic data', () => {
    let request: RequestJson;

    it('is authorised domestically only for a period that ends in the future', async () => {
      request = await api.receive(duty, {
        reference: 'FR-2026-103',
        requestingState: 'FR',
        type: 'REALTIME_TRAFFIC_45',
        legalBasis: 'BILATERAL',
        language: 'en',
        details: { ...realtimeTrafficDetails(), treatyReference },
      });
      expect(request.missing).toEqual([]);
      await api.move(duty, request.id, 'acknowledge');
      await api.move(duty, request.id, 'assess');
      request = await api.move(supervisor, request.id, 'accept');
      expect(request.state).toBe('ACCEPTED');
      const now = node.clock.now();
      const past = await api.act(supervisor, request.id, 'authorise-domestically', {
        authorisedStart: after(now, -2 * day),
        authorisedEnd: after(now, -day),
      });
      expect(past.json<Problem>()).toMatchObject({ status: 400, code: 'request/invalid-period' });
      const reversed = await api.act(supervisor, request.id, 'authorise-domestically', {
        authorisedStart: after(now, 2 * day),
        authorisedEnd: after(now, day),
      });
      expect(reversed.json<Problem>()).toMatchObject({ status: 400, code: 'request/invalid-period' });
      const authorisedEnd = after(now, 7 * day);
      request = await api.move(supervisor, request.id, 'authorise-domestically', {
        authorisedStart: now.toISOString(),
        authorisedEnd,
      });
      expect(request.state).toBe('AUTHORISED_DOMESTICALLY');
      expect(deadlineOf(request, 'authorised-collection-end')).toMatchObject({ status: 'open', dueAt: authorisedEnd });
    });

    it('collects while active and stops hard at the end of the authorised period', async () => {
      request = await api.move(duty, request.id, 'activate');
      expect(request.state).toBe('ACTIVE');
      request = await api.move(duty, request.id, 'deliver-batch', { note: 'First batch: 1,204 connection records' });
      expect(request.state).toBe('ACTIVE');
      advanceTo(deadlineOf(request, 'authorised-collection-end')!.dueAt, minute);
      expect(await alarmsFor(request.id)).toEqual([['authorised-collection-end', 'hard-stop']]);
      const stopped = await api.view(duty, request.id);
      expect(stopped.state).toBe('EXPIRED');
      expect(deadlineOf(stopped, 'authorised-collection-end')?.status).toBe('expired');
      expect((await api.timeline(duty, request.id)).at(-1)).toMatchObject({
        kind: 'transition',
        action: 'hard-stop',
        fromState: 'ACTIVE',
        toState: 'EXPIRED',
        actorName: 'system',
      });
      const late = await api.act(duty, request.id, 'deliver-batch');
      expect(late.json<Problem>()).toMatchObject({ status: 409, code: 'request/illegal-transition' });
      expect(await alarmsFor(request.id)).toEqual([]);
    });
  });
});
