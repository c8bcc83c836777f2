import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../support/clock.js';
import { creationDeadlines, planTransition } from '../plan-transition.js';
import {
  addDays,
  addHours,
  applyDeadlineEffects,
  completeDetails,
  openDeadlines,
  orderActor,
  snapshot,
  supervisor,
  systemActor,
  t0,
  type ModelDeadline,
  type SnapshotInput,
} from '../request.fixtures.js';
import type { TransitionPayload } from '../request-snapshot.js';
import { requestTypeCodes } from '../request-type-codes.js';
import type { DeadlineSettings } from './deadline-rules.js';

const iso = (date: Date) => date.toISOString();
/** What the requested node's domestic orders record (never an officer). */
const orderRecorded = ['issue-domestic-order', 'confirm-preserved', 'grant-extension', 'renew-domestic-order'];
const plan = (
  input: SnapshotInput,
  action: string,
  payload: TransitionPayload = {},
  options: { mirrored?: boolean; settings?: DeadlineSettings; now?: Date } = {},
) =>
  planTransition(
    snapshot(input),
    action,
    payload,
    action === 'expire' || action === 'hard-stop'
      ? systemActor
      : orderRecorded.includes(action) && options.mirrored !== true
        ? orderActor
        : supervisor,
    options.now ?? t0,
    {
      mirrored: options.mirrored ?? false,
      ...(options.settings === undefined ? {} : { settings: options.settings }),
    },
  ).deadlines;

describe('acknowledgement clocks, started when an incoming request is created', () => {
  const received = (emergency: boolean, urgent = false) =>
    snapshot({ type: 'MLA_40', state: 'RECEIVED', direction: 'incoming', emergency, urgent });

  it('gives an emergency or urgent request one hour, warning 15 minutes before', () => {
    const expected = [
      { kind: 'start', ruleId: 'acknowledge-urgent', dueAt: iso(addHours(t0, 1)), warnAt: iso(addHours(t0, 0.75)) },
    ];
    expect(creationDeadlines(received(true), t0)).toEqual(expected);
    expect(creationDeadlines(received(false, true), t0)).toEqual(expected);
  });

  it('gives a standard request 24 hours, warning 4 hours before', () => {
    expect(creationDeadlines(received(false), t0)).toEqual([
      { kind: 'start', ruleId: 'acknowledge-standard', dueAt: iso(addHours(t0, 24)), warnAt: iso(addHours(t0, 20)) },
    ]);
  });

  it('follows the node settings', () => {
    const settings: DeadlineSettings = {
      acknowledgeUrgentHours: 2,
      acknowledgeStandardHours: 8,
      writtenConfirmationHours: 12,
    };
    expect(creationDeadlines(received(true), t0, settings)).toEqual([
      { kind: 'start', ruleId: 'acknowledge-urgent', dueAt: iso(addHours(t0, 2)), warnAt: iso(addHours(t0, 1.75)) },
    ]);
    expect(creationDeadlines(received(false), t0, settings)[0]).toMatchObject({
      dueAt: iso(addHours(t0, 8)),
      warnAt: iso(addHours(t0, 4)),
    });
    const tight: DeadlineSettings = { ...settings, acknowledgeUrgentHours: 0.1 };
    expect(creationDeadlines(received(true), t0, tight)[0]).toMatchObject({
      dueAt: iso(addHours(t0, 0.1)),
      warnAt: iso(t0),
    });
  });

  it.each(requestTypeCodes)('starts one for every incoming %s and none for an outgoing one', (type) => {
    expect(
      creationDeadlines(snapshot({ type, state: 'RECEIVED', direction: 'incoming' }), t0).map((e) => e.ruleId),
    ).toEqual(['acknowledge-standard']);
    expect(creationDeadlines(snapshot({ type, state: 'DRAFT', direction: 'outgoing' }), t0)).toEqual([]);
  });

  it('is met by acknowledging, accepting or rejecting conditions; cancelled by a withdrawal', () => {
    expect(plan({ type: 'MLA_40', state: 'RECEIVED', direction: 'incoming', emergency: true }, 'acknowledge')).toEqual([
      { kind: 'close', ruleId: 'acknowledge-urgent', outcome: 'met' },
    ]);
    expect(plan({ type: 'LE_INFO_47', state: 'RECEIVED', direction: 'incoming' }, 'accept-conditions')).toEqual([
      { kind: 'close', ruleId: 'acknowledge-standard', outcome: 'met' },
    ]);
    expect(
      plan({ type: 'SPONTANEOUS_40_51', state: 'RECEIVED', direction: 'incoming' }, 'reject-conditions', {
        reasons: 'No',
      }),
    ).toEqual([{ kind: 'close', ruleId: 'acknowledge-standard', outcome: 'met' }]);
    const withdrawn = plan(
      { type: 'PRESERVATION_42', state: 'RECEIVED', direction: 'incoming' },
      'withdraw',
      {},
      { mirrored: true },
    );
    expect(withdrawn).toContainEqual({ kind: 'close', ruleId: 'acknowledge-standard', outcome: 'cancelled' });
    expect(withdrawn.filter((e) => e.kind !== 'close' || e.outcome !== 'cancelled')).toEqual([]);
  });
});

describe('preservation clocks (UN arts 25, 42(7))', () => {
  const until = addDays(t0, 75);

  it(
    'leaves the domestic order\u2019s period to the order\u2019s own clocks: ' + 'serving and renewing start none here',
    () => {
      const served = { order: { reference: 'SG-ORD-2026-000001', periodEnd: iso(addDays(t0, 75)) } };
      expect(
        plan({ type: 'PRESERVATION_42', state: 'ACCEPTED', direction: 'incoming' }, 'issue-domestic-order', served),
      ).toEqual([]);
      expect(
        plan(
          { type: 'PRESERVATION_42', state: 'FOLLOW_UP_MLA_LINKED', direction: 'incoming' },
          'renew-domestic-order',
          served,
        ),
      ).toEqual([]);
    },
  );

  it('starts the preservation period at preservedUntil, warning 14 days before, on both copies', () => {
    const expected = [
      { kind: 'start', ruleId: 'preservation-period', dueAt: iso(until), warnAt: iso(addDays(until, -14)) },
    ];
    expect(
      plan({ type: 'PRESERVATION_42', state: 'DOMESTIC_ORDER_ISSUED', direction: 'incoming' }, 'confirm-preserved', {
        preservedUntil: iso(until),
      }),
    ).toEqual(expected);
    expect(
      plan(
        { type: 'PRESERVATION_42', state: 'DOMESTIC_ORDER_ISSUED', direction: 'outgoing' },
        'confirm-preserved',
        { preservedUntil: '2027-01-16T14:00:00+07:00' },
        { mirrored: true },
      ),
    ).toEqual(expected);
  });

  it('suspends it when the follow-up MLA request is linked, restarts it on an extension, closes it on release', () => {
    const model = new Map<string, ModelDeadline>();
    applyDeadlineEffects(
      model,
      plan(
        { type: 'PRESERVATION_42', state: 'DOMESTIC_ORDER_ISSUED', direction: 'outgoing' },
        'confirm-preserved',
        { preservedUntil: iso(until) },
        { mirrored: true },
      ),
    );
    const later = addDays(t0, 50);
    const extended = plan(
      { type: 'PRESERVATION_42', state: 'EXTENSION_REQUESTED', direction: 'outgoing' },
      'grant-extension',
      { preservedUntil: iso(addDays(later, 90)) },
      { mirrored: true, now: later },
    );
    applyDeadlineEffects(model, extended);
    expect(model.get('preservation-period')).toEqual({
      ruleId: 'preservation-period',
      status: 'open',
      dueAt: iso(addDays(later, 90)),
      warnAt: iso(addDays(later, 76)),
    });
    const linked = plan({ type: 'PRESERVATION_42', state: 'PRESERVED', direction: 'outgoing' }, 'link-follow-up-mla', {
      linkedRequestId: 'req-44',
    });
    expect(linked).toEqual([{ kind: 'suspend', ruleId: 'preservation-period' }]);
    applyDeadlineEffects(model, linked);
    expect(model.get('preservation-period')?.status).toBe('suspended');
    applyDeadlineEffects(
      model,
      plan(
        { type: 'PRESERVATION_42', state: 'FOLLOW_UP_MLA_LINKED', direction: 'outgoing' },
        'release-after-decision',
        {},
        { mirrored: true },
      ),
    );
    expect(model.get('preservation-period')?.status).toBe('met');
  });

  it('closes the clock when the period expires', () => {
    expect(plan({ type: 'PRESERVATION_42', state: 'WARNING_ISSUED', direction: 'incoming' }, 'expire')).toEqual([
      { kind: 'close', ruleId: 'preservation-period', outcome: 'met' },
    ]);
  });
});

describe('written confirmation of an oral request (UN art. 40(14))', () => {
  it('starts on record-oral-request, per the node setting, and is met by the written confirmation', () => {
    expect(plan({ type: 'STORED_DATA_44', state: 'APPROVED' }, 'record-oral-request')).toEqual([
      { kind: 'start', ruleId: 'written-confirmation', dueAt: iso(addHours(t0, 24)), warnAt: iso(addHours(t0, 18)) },
    ]);
    const settings: DeadlineSettings = {
      acknowledgeUrgentHours: 1,
      acknowledgeStandardHours: 24,
      writtenConfirmationHours: 4,
    };
    expect(plan({ type: 'MLA_40', state: 'APPROVED' }, 'record-oral-request', {}, { settings })).toEqual([
      { kind: 'start', ruleId: 'written-confirmation', dueAt: iso(addHours(t0, 4)), warnAt: iso(t0) },
    ]);
    expect(plan({ type: 'MLA_40', state: 'WRITTEN_CONFIRMATION_PENDING' }, 'confirm-in-writing')).toEqual([
      { kind: 'close', ruleId: 'written-confirmation', outcome: 'met' },
    ]);
  });

  it('can still be met after the requested State acknowledged the oral request', () => {
    expect(plan({ type: 'INTERCEPTION_46', state: 'ACKNOWLEDGED' }, 'confirm-in-writing')).toEqual([
      { kind: 'close', ruleId: 'written-confirmation', outcome: 'met' },
    ]);
    expect(
      plan(
        { type: 'MLA_40', state: 'UNDER_ASSESSMENT', direction: 'incoming' },
        'confirm-in-writing',
        {},
        { mirrored: true },
      ),
    ).toEqual([]);
  });
});

describe('the deadline sought by the requesting State (UN art. 40(25))', () => {
  const details = {
    ...completeDetails('MLA_40'),
    deadlineSought: { date: '2026-12-01', reasons: 'Trial starts on 2 December' },
  };

  it('runs to the end of the day sought, UTC, warning three days before', () => {
    const received = snapshot({ type: 'MLA_40', state: 'RECEIVED', direction: 'incoming', details });
    expect(creationDeadlines(received, t0)).toContainEqual({
      kind: 'start',
      ruleId: 'deadline-sought',
      dueAt: '2026-12-01T23:59:59.999Z',
      warnAt: '2026-11-28T23:59:59.999Z',
    });
    expect(creationDeadlines(snapshot({ type: 'MLA_40', state: 'DRAFT', details }), t0)).toEqual([]);
    expect(
      creationDeadlines(snapshot({ type: 'MLA_40', state: 'RECEIVED', direction: 'incoming' }), t0).map(
        (e) => e.ruleId,
      ),
    ).toEqual(['acknowledge-standard']);
  });

  it.each([
    ['MLA_40', 'IN_EXECUTION', 'complete-execution'],
    ['MLA_40', 'CONSULTATION', 'refuse'],
    ['FREEZE_CONFISCATE_50', 'REQUESTER_HEARD', 'lift'],
    ['RETURN_52', 'FOREIGN_ORDER_RECOGNISED', 'confiscate'],
  ] as const)('%s: ends when the request is answered (%s → %s)', (type, state, action) => {
    const payload = { reasonCodes: ['ESSENTIAL_INTERESTS'], reasons: 'Reasons' };
    const input = {
      type,
      state,
      direction: 'incoming',
      consultationRecorded: true,
      details: { ...completeDetails(type), deadlineSought: details.deadlineSought },
    } as const;
    expect(plan(input, action, payload)).toContainEqual({ kind: 'close', ruleId: 'deadline-sought', outcome: 'met' });
  });
});

describe('the authorised collection period (UN arts 45-46)', () => {
  it('runs to authorisedEnd, restarts on renewal and ends on termination, with the travelling clock', () => {
    const clock = new ManualClock(t0);
    const model = new Map<string, ModelDeadline>();
    const end = addDays(t0, 30);
    applyDeadlineEffects(
      model,
      plan(
        { type: 'REALTIME_TRAFFIC_45', state: 'ACCEPTED', direction: 'incoming' },
        'authorise-domestically',
        { authorisedStart: iso(t0), authorisedEnd: iso(end) },
        { now: clock.now() },
      ),
    );
    expect(model.get('authorised-collection-end')).toMatchObject({
      status: 'open',
      dueAt: iso(end),
      warnAt: iso(addHours(end, -24)),
    });
    clock.advance(20 * 86_400_000);
    const renewedEnd = addDays(clock.now(), 30);
    applyDeadlineEffects(
      model,
      plan(
        { type: 'REALTIME_TRAFFIC_45', state: 'RENEWAL_REQUESTED', direction: 'incoming' },
        'renew',
        { authorisedStart: iso(clock.now()), authorisedEnd: iso(renewedEnd) },
        { now: clock.now() },
      ),
    );
    expect(model.get('authorised-collection-end')).toMatchObject({ status: 'open', dueAt: iso(renewedEnd) });
    applyDeadlineEffects(
      model,
      plan(
        { type: 'REALTIME_TRAFFIC_45', state: 'ACTIVE', direction: 'incoming' },
        'terminate',
        {},
        { now: clock.now() },
      ),
    );
    expect(openDeadlines(model)).toEqual([]);
  });

  it('is not kept on the requesting copy, which does not collect', () => {
    expect(
      plan(
        { type: 'INTERCEPTION_46', state: 'ACCEPTED', direction: 'outgoing' },
        'authorise-domestically',
        { authorisedStart: iso(t0), authorisedEnd: iso(addDays(t0, 3)) },
        { mirrored: true },
      ),
    ).toEqual([]);
  });
});
