import { describe, expect, it } from 'vitest';
import { weeklyCounts } from './statistics.service.js';

/** The dashboard's weeks are ISO 8601 weeks of the node's zone (ADR 0011), from Luxon. */
describe('weekly counts', () => {
  it('spans the turn of a 53-week year, counting 31 December and 1 January in 2026-W53', () => {
    const rows = [
      { direction: 'outgoing', createdAt: '2026-12-31T10:00:00.000Z' },
      { direction: 'incoming', createdAt: '2027-01-01T10:00:00.000Z' },
      { direction: 'incoming', createdAt: '2027-01-04T00:00:00.000Z' },
      { direction: 'incoming', createdAt: '2026-12-20T10:00:00.000Z' }, // before the weeks shown
    ] as const;
    expect(weeklyCounts(rows, new Date('2027-01-05T12:00:00Z'), 'UTC', 2)).toEqual([
      { week: '2026-W53', weekStart: '2026-12-28T00:00:00.000Z', outgoing: 1, incoming: 1 },
      { week: '2027-W01', weekStart: '2027-01-04T00:00:00.000Z', outgoing: 0, incoming: 1 },
    ]);
  });

  it('starts each week at Monday midnight in the node\u2019s zone, across a daylight-saving change', () => {
    const rows = [
      { direction: 'outgoing', createdAt: '2027-03-28T21:30:00.000Z' }, // Sunday 23:30 in Paris
      { direction: 'outgoing', createdAt: '2027-03-28T22:30:00.000Z' }, // Monday 00:30 in Paris
    ] as const;
    expect(weeklyCounts(rows, new Date('2027-03-30T12:00:00Z'), 'Europe/Paris', 3)).toEqual([
      { week: '2027-W11', weekStart: '2027-03-14T23:00:00.000Z', outgoing: 0, incoming: 0 },
      { week: '2027-W12', weekStart: '2027-03-21T23:00:00.000Z', outgoing: 1, incoming: 0 },
      { week: '2027-W13', weekStart: '2027-03-28T22:00:00.000Z', outgoing: 1, incoming: 0 },
    ]);
    // In UTC both fall on Sunday 28 March, in week 12.
    expect(weeklyCounts(rows, new Date('2027-03-30T12:00:00Z'), 'UTC', 2).map((w) => w.outgoing)).toEqual([2, 0]);
  });
});
