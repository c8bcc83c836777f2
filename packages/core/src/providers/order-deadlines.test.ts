import { describe, expect, it } from 'vitest';
import { dayMs, hourMs, t0 } from './order.fixtures.js';
import { scanOrderDeadlines, type OrderDeadlineInstance } from './order-deadlines.js';
import { percentile, providerStatistics } from './provider-statistics.js';

const at = (ms: number) => new Date(t0.getTime() + ms);
const iso = (ms: number) => at(ms).toISOString();
const instance = (
  ruleId: string,
  status: OrderDeadlineInstance['status'],
  dueIn: number,
  warnIn: number,
): OrderDeadlineInstance => ({
  id: `d-${ruleId}`,
  orderId: 'o1',
  ruleId,
  status,
  dueAt: iso(dueIn),
  warnAt: iso(warnIn),
});

describe('scanOrderDeadlines', () => {
  it('warns, then breaches a provider\u2019s clock, escalating to the supervisor', () => {
    const open = instance('order-acknowledgement', 'open', 24 * hourMs, 18 * hourMs);
    expect(scanOrderDeadlines([open], at(17 * hourMs))).toEqual([]);
    expect(scanOrderDeadlines([open], at(18 * hourMs))).toMatchObject([
      { alarm: 'warning', nextStatus: 'warned', escalateTo: 'supervisor', systemAction: null },
    ]);
    expect(scanOrderDeadlines([{ ...open, status: 'warned' }], at(24 * hourMs))).toMatchObject([
      { alarm: 'breach', nextStatus: 'breached', renewIfLinkedRequestPending: false },
    ]);
  });

  it('never lets a preservation lapse without the reminder first, and offers renewal at the reminder', () => {
    const lapse = instance('order-preservation-lapse', 'open', 90 * dayMs, 80 * dayMs);
    // A scan gap past the due time still yields the reminder first.
    expect(scanOrderDeadlines([lapse], at(95 * dayMs))).toMatchObject([
      { alarm: 'warning', systemAction: null, renewIfLinkedRequestPending: true },
    ]);
    expect(scanOrderDeadlines([{ ...lapse, status: 'warned' }], at(89 * dayMs))).toEqual([]);
    expect(scanOrderDeadlines([{ ...lapse, status: 'warned' }], at(90 * dayMs))).toMatchObject([
      { alarm: 'expiry', systemAction: 'expire', nextStatus: 'expired', renewIfLinkedRequestPending: true },
    ]);
  });

  it('stops collection at the authorised end whether or not it warned', () => {
    expect(
      scanOrderDeadlines([instance('order-hard-stop', 'open', 10 * dayMs, 9 * dayMs)], at(10 * dayMs)),
    ).toMatchObject([{ alarm: 'hard-stop', systemAction: 'hard-stop' }]);
  });

  it('ignores settled clocks and unknown rules', () => {
    expect(
      scanOrderDeadlines(
        [instance('order-acknowledgement', 'met', 0, 0), instance('no-such-rule', 'open', 0, 0)],
        at(dayMs),
      ),
    ).toEqual([]);
  });
});

describe('provider statistics', () => {
  it('takes the nearest-rank percentile: an observed value, never an interpolation', () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([5], 90)).toBe(5);
    expect(percentile([4, 1, 3, 2], 50)).toBe(2);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90)).toBe(10);
  });

  it('measures acknowledgement, preservation and production from service, and counts outcomes and objections', () => {
    const served = t0.toISOString();
    const stats = providerStatistics([
      {
        state: 'PRESERVED',
        servedAt: served,
        acknowledgedAt: iso(hourMs),
        preservedAt: iso(3 * hourMs),
        producedAt: null,
        objectionCode: null,
      },
      {
        state: 'EVIDENCE_INGESTED',
        servedAt: served,
        acknowledgedAt: iso(2 * hourMs),
        preservedAt: null,
        producedAt: iso(48 * hourMs),
        objectionCode: null,
      },
      {
        state: 'OBJECTED',
        servedAt: served,
        acknowledgedAt: iso(10 * hourMs),
        preservedAt: null,
        producedAt: null,
        objectionCode: 'DATA_NOT_HELD',
      },
      {
        state: 'CREATED',
        servedAt: null,
        acknowledgedAt: null,
        preservedAt: null,
        producedAt: null,
        objectionCode: null,
      },
    ]);
    expect(stats).toEqual({
      orders: 4,
      served: 3,
      timeToAcknowledge: { count: 3, medianHours: 2, p90Hours: 10 },
      timeToPreserve: { count: 1, medianHours: 3, p90Hours: 3 },
      timeToProduce: { count: 1, medianHours: 48, p90Hours: 48 },
      outcomes: { PRESERVED: 1, EVIDENCE_INGESTED: 1, OBJECTED: 1, CREATED: 1 },
      objections: { DATA_NOT_HELD: 1 },
    });
  });
});
