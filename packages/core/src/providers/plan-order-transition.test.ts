import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkEmergency, checkOrderInput, orderInputSchema } from './order-input.js';
import {
  clock,
  dayMs,
  drafter,
  hourMs,
  orderInput,
  orderSnapshot,
  provider,
  supervisor,
  t0,
} from './order.fixtures.js';
import { chainDays, isPartialConfirmation, planOrderTransition } from './plan-order-transition.js';
import { orderClocks } from './order-types.js';

const runs = { seed: 0x0de7, numRuns: 200 } as const;
const iso = (ms: number) => new Date(ms).toISOString();
const served = (overrides: Parameters<typeof orderSnapshot>[0] = {}) => {
  const authorised = orderSnapshot({ state: 'AUTHORISED', ...overrides });
  const plan = planOrderTransition(authorised, 'serve', {}, drafter, t0);
  return { ...authorised, state: plan.to, periods: plan.periods };
};

describe('four-eyes (Art. 24)', () => {
  it('refuses the drafter and anyone who amended the order, and accepts a second officer', () => {
    const order = orderSnapshot({ draftedBy: ['officer-drafter', 'officer-supervisor'] });
    expect(() => planOrderTransition(order, 'authorise', {}, supervisor, t0)).toThrow(
      expect.objectContaining({ code: 'order/four-eyes' }) as Error,
    );
    const other = { ...supervisor, userId: 'second-supervisor' };
    expect(planOrderTransition(order, 'authorise', {}, other, t0).to).toBe('AUTHORISED');
  });

  it('refuses an actor without a user (a token or tool acting for no one)', () => {
    expect(() => planOrderTransition(orderSnapshot(), 'authorise', {}, { ...supervisor, userId: null }, t0)).toThrow(
      expect.objectContaining({ code: 'order/four-eyes' }) as Error,
    );
  });
});

describe('order input', () => {
  it('refuses a preservation order longer than 90 days, and one without a duration', () => {
    expect(() => checkOrderInput(orderInput({ durationDays: 91 }), t0)).toThrow(
      expect.objectContaining({ code: 'order/duration-exceeded' }) as Error,
    );
    const { durationDays: _d, ...without } = orderInput();
    expect(() => checkOrderInput(without, t0)).toThrow(expect.objectContaining({ code: 'order/invalid' }) as Error);
    expect(() => checkOrderInput(orderInput({ durationDays: 90 }), t0)).not.toThrow();
  });

  it('requires an authorised start and end, in the future, for collection only', () => {
    const rt = orderInput({ type: 'RT_TRAFFIC_29', durationDays: undefined });
    expect(() => checkOrderInput(rt, t0)).toThrow(expect.objectContaining({ code: 'order/invalid' }) as Error);
    expect(() =>
      checkOrderInput(
        { ...rt, authorisedPeriod: { start: '2026-11-03T00:00:00+07:00', end: '2026-11-02T00:00:00+07:00' } },
        t0,
      ),
    ).toThrow(expect.objectContaining({ code: 'order/invalid-period' }) as Error);
    expect(() =>
      checkOrderInput(
        { ...rt, authorisedPeriod: { start: '2026-11-03T00:00:00+07:00', end: '2026-12-03T00:00:00+07:00' } },
        t0,
      ),
    ).not.toThrow();
    expect(() =>
      checkOrderInput(
        orderInput({ authorisedPeriod: { start: '2026-11-03T00:00:00+07:00', end: '2026-12-03T00:00:00+07:00' } }),
        t0,
      ),
    ).toThrow(expect.objectContaining({ code: 'order/invalid' }) as Error);
  });

  it('needs a date range with an IANA zone and identifiers in their strict formats', () => {
    const bad = {
      ...orderInput(),
      scope: {
        ...orderInput().scope,
        dateRange: { from: '2026-10-01T00:00:00+07:00', to: '2026-10-02T00:00:00+07:00', timeZone: 'Mars/Olympus' },
      },
    };
    expect(orderInputSchema.safeParse(bad).success).toBe(false);
    const noZone = {
      ...orderInput(),
      scope: {
        ...orderInput().scope,
        dateRange: { from: '2026-10-01T00:00:00', to: '2026-10-02T00:00:00', timeZone: 'UTC' },
      },
    };
    expect(orderInputSchema.safeParse(noZone).success).toBe(false);
    expect(orderInputSchema.safeParse(orderInput()).success).toBe(true);
  });

  it('asks an emergency to explain the risk to life or safety', () => {
    expect(() => checkEmergency('urgent!')).toThrow(
      expect.objectContaining({ code: 'order/emergency-justification-required' }) as Error,
    );
    expect(checkEmergency('  A child is in contact with the suspect right now  ')).toBe(
      'A child is in contact with the suspect right now',
    );
    expect(checkEmergency(undefined)).toBeNull();
  });
});

describe('preservation periods and renewals', () => {
  it('starts the first period when the order is served, for its duration', () => {
    const order = served({ durationDays: 60 });
    expect(order.periods).toEqual([
      { n: 0, start: t0.toISOString(), end: iso(t0.getTime() + 60 * dayMs), renewedBy: null },
    ]);
  });

  it('chains each renewal to the end of the previous period, whoever renews, never longer than 90 days', () => {
    let order = { ...served(), state: 'PRESERVED' };
    const later = new Date(t0.getTime() + 80 * dayMs);
    order = { ...order, ...planOrderTransition(order, 'renew', {}, supervisor, later), state: 'RENEWED' };
    order = { ...order, periods: planOrderTransition(order, 'renew', { renewalDays: 30 }, clock, later).periods };
    expect(order.periods.map((p) => [p.n, p.start, p.end, p.renewedBy])).toEqual([
      [0, t0.toISOString(), iso(t0.getTime() + 90 * dayMs), null],
      [1, iso(t0.getTime() + 90 * dayMs), iso(t0.getTime() + 180 * dayMs), 'officer'],
      [2, iso(t0.getTime() + 180 * dayMs), iso(t0.getTime() + 210 * dayMs), 'system'],
    ]);
    expect(chainDays(order.periods)).toBe(210);
    expect(() => planOrderTransition(order, 'renew', { renewalDays: 91 }, supervisor, later)).toThrow(
      expect.objectContaining({ code: 'order/duration-exceeded' }) as Error,
    );
  });

  it('keeps every chain contiguous with each period at most 90 days (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 120 }), { maxLength: 12 }), (renewals) => {
        let order = { ...served(), state: 'PRESERVED' };
        for (const days of renewals) {
          try {
            order = {
              ...order,
              periods: planOrderTransition(order, 'renew', { renewalDays: days }, supervisor, t0).periods,
              state: 'RENEWED',
            };
          } catch {
            expect(days).toBeGreaterThan(90);
          }
        }
        order.periods.forEach((p, i) => {
          expect(Date.parse(p.end) - Date.parse(p.start)).toBeLessThanOrEqual(90 * dayMs);
          expect(p.n).toBe(i);
          if (i > 0) expect(p.start).toBe(order.periods[i - 1]?.end);
        });
        expect(order.periods.length).toBe(1 + renewals.filter((d) => d <= 90).length);
      }),
      runs,
    );
  });

  it(
    'asks the provider what was preserved, and until when: never beyond the ' + 'order\u2019s period, in the future',
    () => {
      const order = { ...served(), state: 'ACKNOWLEDGED' };
      const end = order.periods[0]!.end;
      const confirm = (payload: { preservedUntil?: string; preservedWhat?: string }) =>
        planOrderTransition(order, 'confirm-preservation', payload, provider, t0);
      expect(() => confirm({ preservedUntil: end })).toThrow(
        expect.objectContaining({ code: 'order/preservation-confirmation-invalid' }) as Error,
      );
      expect(() => confirm({ preservedWhat: 'login log' })).toThrow(
        expect.objectContaining({ code: 'order/preservation-confirmation-invalid' }) as Error,
      );
      // 1 Jan 2028 for an order whose period ends months before: refused, naming the field and the end.
      const beyond = expect.objectContaining({
        code: 'order/preserved-until-beyond-period',
        issues: [{ path: '/payload/preservedUntil', message: `on or before ${end}` }],
      }) as Error;
      expect(() => confirm({ preservedUntil: '2028-01-01T00:00:00+07:00', preservedWhat: 'login log' })).toThrow(
        beyond,
      );
      expect(() => confirm({ preservedUntil: iso(Date.parse(end) + 1), preservedWhat: 'login log' })).toThrow(beyond);
      expect(() => confirm({ preservedUntil: iso(t0.getTime()), preservedWhat: 'login log' })).toThrow(
        expect.objectContaining({ code: 'order/preserved-until-past' }) as Error,
      );
      // The whole period, and less (a partial confirmation, which alerts the officer).
      expect(confirm({ preservedUntil: end, preservedWhat: 'login log' }).to).toBe('PRESERVED');
      const short = iso(Date.parse(end) - hourMs);
      expect(confirm({ preservedUntil: short, preservedWhat: 'login log' }).to).toBe('PRESERVED');
      expect(isPartialConfirmation(order, short)).toBe(true);
      expect(isPartialConfirmation(order, end)).toBe(false);
    },
  );

  it('lets a renewed order be confirmed up to the end of the renewed period, not the first one', () => {
    const preserved = { ...served(), state: 'PRESERVED' };
    const renewal = planOrderTransition(preserved, 'renew', {}, { ...supervisor, userId: 'second' }, t0);
    const renewed = { ...preserved, state: renewal.to, periods: renewal.periods };
    const newEnd = renewal.periods[1]!.end;
    expect(Date.parse(newEnd)).toBeGreaterThan(Date.parse(preserved.periods[0]!.end));
    const plan = planOrderTransition(
      renewed,
      'confirm-preservation',
      { preservedUntil: newEnd, preservedWhat: 'login log' },
      provider,
      t0,
    );
    expect(plan.to).toBe('RENEWED');
    expect(() =>
      planOrderTransition(
        renewed,
        'confirm-preservation',
        { preservedUntil: iso(Date.parse(newEnd) + 1), preservedWhat: 'login log' },
        provider,
        t0,
      ),
    ).toThrow(expect.objectContaining({ code: 'order/preserved-until-beyond-period' }) as Error);
  });
});

describe('objections and collection', () => {
  it('requires a provider ground and an explanation', () => {
    const order = orderSnapshot({ state: 'SERVED' });
    expect(() => planOrderTransition(order, 'object', { note: 'no' }, provider, t0)).toThrow(
      expect.objectContaining({ code: 'order/objection-grounds-invalid' }) as Error,
    );
    expect(() =>
      planOrderTransition(order, 'object', { reasonCode: 'NOT_ADDRESSEE', note: '   ' }, provider, t0),
    ).toThrow(expect.objectContaining({ code: 'order/objection-grounds-invalid' }) as Error);
    expect(
      planOrderTransition(
        order,
        'object',
        { reasonCode: 'NOT_ADDRESSEE', note: 'The account is run by our subsidiary abroad' },
        provider,
        t0,
      ).to,
    ).toBe('OBJECTED');
  });

  it('starts collection only inside the authorised period', () => {
    const order = orderSnapshot({
      type: 'INTERCEPT_30',
      state: 'ACKNOWLEDGED',
      authorisedPeriod: { start: '2026-11-03T00:00:00Z', end: '2026-11-10T00:00:00Z' },
    });
    expect(() => planOrderTransition(order, 'start-collection', {}, provider, t0)).toThrow(
      expect.objectContaining({ code: 'order/invalid-period' }) as Error,
    );
    expect(planOrderTransition(order, 'start-collection', {}, provider, new Date('2026-11-04T00:00:00Z')).to).toBe(
      'COLLECTING',
    );
    expect(() =>
      planOrderTransition(order, 'start-collection', {}, provider, new Date('2026-11-10T00:00:00Z')),
    ).toThrow(expect.objectContaining({ code: 'order/invalid-period' }) as Error);
  });
});

describe('clocks', () => {
  it('starts acknowledgement, fulfilment and lapse on service, emergencies in hours', () => {
    const normal = planOrderTransition(orderSnapshot({ state: 'AUTHORISED' }), 'serve', {}, drafter, t0).clocks;
    expect(normal).toEqual([
      {
        kind: 'start',
        ruleId: 'order-acknowledgement',
        dueAt: iso(t0.getTime() + 24 * hourMs),
        warnAt: iso(t0.getTime() + 18 * hourMs),
      },
      {
        kind: 'start',
        ruleId: 'order-fulfilment',
        dueAt: iso(t0.getTime() + 24 * hourMs),
        warnAt: iso(t0.getTime() + 18 * hourMs),
      },
      {
        kind: 'start',
        ruleId: 'order-preservation-lapse',
        dueAt: iso(t0.getTime() + 90 * dayMs),
        warnAt: iso(t0.getTime() + 80 * dayMs),
      },
    ]);
    const emergency = planOrderTransition(
      orderSnapshot({ state: 'AUTHORISED', type: 'SUBSCRIBER_27B', emergency: true }),
      'serve',
      {},
      drafter,
      t0,
    ).clocks;
    expect(emergency.map((c) => [c.ruleId, c.kind === 'start' ? c.dueAt : null])).toEqual([
      ['order-acknowledgement', iso(t0.getTime() + hourMs)],
      ['order-fulfilment', iso(t0.getTime() + 8 * hourMs)],
    ]);
  });

  it('takes the node\u2019s configured durations over the defaults', () => {
    const settings = {
      clocks: { SUBSCRIBER_27B: { fulfilHours: 72, acknowledgeEmergencyHours: 0.5 } },
      lapseReminderDays: 10,
    };
    expect(orderClocks('SUBSCRIBER_27B', false, settings).fulfil).toEqual({ value: 72, unit: 'hours' });
    expect(orderClocks('SUBSCRIBER_27B', true, settings).acknowledge).toEqual({ value: 0.5, unit: 'hours' });
    expect(orderClocks('PRODUCE_27A', false, settings).fulfil).toEqual({ value: 20, unit: 'days' });
  });

  it(
    'closes the provider\u2019s clocks when it acts, cancels them when it objects, ' +
      'and starts the hard stop of collection',
    () => {
      expect(planOrderTransition(orderSnapshot({ state: 'SERVED' }), 'acknowledge', {}, provider, t0).clocks).toEqual([
        { kind: 'close', ruleId: 'order-acknowledgement', outcome: 'met' },
      ]);
      expect(
        planOrderTransition(
          orderSnapshot({ state: 'SERVED' }),
          'object',
          { reasonCode: 'TECHNICAL_IMPOSSIBILITY', note: 'not logged' },
          provider,
          t0,
        ).clocks,
      ).toEqual([
        { kind: 'close', ruleId: 'order-acknowledgement', outcome: 'cancelled' },
        { kind: 'close', ruleId: 'order-fulfilment', outcome: 'cancelled' },
      ]);
      const rt = planOrderTransition(
        orderSnapshot({ type: 'RT_TRAFFIC_29', state: 'AUTHORISED' }),
        'serve',
        {},
        drafter,
        t0,
      ).clocks;
      expect(rt.find((c) => c.ruleId === 'order-hard-stop')).toMatchObject({
        kind: 'start',
        dueAt: '2026-11-30T17:00:00.000Z',
      });
    },
  );
});
