import { describe, expect, it } from 'vitest';
import { drafter, orderSnapshot, supervisor } from './order.fixtures.js';
import { defaultOrderDeadlineSettings, type OrderDeadlineSettings } from './order-types.js';
import type { OrderSnapshot } from './order-snapshot.js';
import { chainDays, planOrderTransition } from './plan-order-transition.js';

/**
 * ADR 0011: an order's days (its preservation period, a renewal, the lapse reminder, a fulfilment
 * counted in days) are calendar days in the node's zone; its hours stay absolute.
 */
const inZone = (timeZone: string): OrderDeadlineSettings => ({ ...defaultOrderDeadlineSettings, timeZone });
const serve = (order: OrderSnapshot, now: string, settings: OrderDeadlineSettings) =>
  planOrderTransition(order, 'serve', {}, drafter, new Date(now), settings);
const authorised = (overrides: Partial<OrderSnapshot> = {}) => orderSnapshot({ state: 'AUTHORISED', ...overrides });

describe('order periods across a daylight-saving change in the node\u2019s zone', () => {
  it('ends a 90-day preservation served in Paris winter at the same wall-clock time in summer', () => {
    const plan = serve(authorised(), '2027-01-02T09:00:00+01:00', inZone('Europe/Paris'));
    expect(plan.periods).toEqual([
      { n: 0, start: '2027-01-02T08:00:00.000Z', end: '2027-04-02T07:00:00.000Z', renewedBy: null },
    ]);
    // The reminder 10 days before the lapse falls before the change: 09:00 at +01:00.
    expect(plan.clocks.find((c) => c.ruleId === 'order-preservation-lapse')).toMatchObject({
      dueAt: '2027-04-02T07:00:00.000Z',
      warnAt: '2027-03-23T08:00:00.000Z',
    });
  });

  it('gives the same order 24-hour days on a node counting in UTC or Ho Chi Minh City', () => {
    for (const settings of [defaultOrderDeadlineSettings, inZone('Asia/Ho_Chi_Minh')]) {
      const [period] = serve(authorised(), '2027-01-02T09:00:00+01:00', settings).periods;
      expect(period?.end).toBe('2027-04-02T08:00:00.000Z');
    }
  });

  it('chains a renewal from the end of the period, across the New York autumn change', () => {
    const newYork = inZone('America/New_York');
    const first = serve(authorised(), '2026-09-01T10:00:00-04:00', newYork);
    expect(first.periods[0]?.end).toBe('2026-11-30T15:00:00.000Z'); // 10:00 at -05:00
    const order = authorised({ state: 'PRESERVED', periods: first.periods });
    const renewed = planOrderTransition(
      order,
      'renew',
      { renewalDays: 30 },
      supervisor,
      new Date('2026-11-20T12:00:00Z'),
      newYork,
    );
    expect(renewed.periods.at(-1)).toMatchObject({
      start: '2026-11-30T15:00:00.000Z',
      end: '2026-12-30T15:00:00.000Z',
    });
    expect(chainDays(renewed.periods, 'America/New_York')).toBe(120);
    expect(chainDays(renewed.periods)).toBeCloseTo(120 + 1 / 24, 10);
  });

  it('counts a 20-day production in calendar days, warned a nominal quarter (120 hours) before', () => {
    const order = authorised({ type: 'PRODUCE_27A', durationDays: null });
    const plan = serve(order, '2027-03-20T09:00:00+01:00', inZone('Europe/Paris'));
    expect(plan.clocks.find((c) => c.ruleId === 'order-fulfilment')).toMatchObject({
      dueAt: '2027-04-09T07:00:00.000Z', // 9 April 09:00 at +02:00
      warnAt: '2027-04-04T07:00:00.000Z',
    });
    // Its acknowledgement is counted in hours: 24 of them, 10:00 local the next day after the change.
    const acknowledgement = serve(order, '2027-03-27T09:00:00+01:00', inZone('Europe/Paris')).clocks.find(
      (c) => c.ruleId === 'order-acknowledgement',
    );
    expect(acknowledgement).toMatchObject({ dueAt: '2027-03-28T08:00:00.000Z' });
  });
});
