import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addHours,
  addLegalDays,
  addLegalDuration,
  endOfLegalDay,
  hoursBetween,
  isIanaZone,
  isoWeekKey,
  isoWeekStart,
  legalDaysBetween,
  nominalHours,
  subtractLegalDuration,
} from './legal-time.js';
import { msPerDay, msPerHour } from './time-units.js';

const at = (iso: string) => new Date(iso);
const iso = (date: Date) => date.toISOString();

describe('legal days across a daylight-saving change in a partner\u2019s zone', () => {
  it('ends a 30-day period begun before the Paris spring change at the same wall-clock time, 23 hours short', () => {
    // 2027-03-28: Paris moves from +01:00 to +02:00.
    const start = at('2027-03-10T09:00:00+01:00');
    const end = addLegalDays(start, 30, 'Europe/Paris');
    expect(iso(end)).toBe('2027-04-09T07:00:00.000Z'); // 09:00 at +02:00
    expect(end.getTime() - start.getTime()).toBe(30 * msPerDay - msPerHour);
  });

  it('ends a period across the New York autumn change an hour later than 24-hour days would', () => {
    // 2026-11-01: New York moves from -04:00 to -05:00.
    const start = at('2026-10-20T17:30:00-04:00');
    const end = addLegalDays(start, 30, 'America/New_York');
    expect(iso(end)).toBe('2026-11-19T22:30:00.000Z'); // 17:30 at -05:00
    expect(end.getTime() - start.getTime()).toBe(30 * msPerDay + msPerHour);
  });

  it('leaves Ho Chi Minh City, which keeps no daylight saving, at exact 24-hour days', () => {
    const start = at('2027-03-10T09:00:00+07:00');
    for (const days of [1, 30, 60, 90, 365]) {
      expect(addLegalDays(start, days, 'Asia/Ho_Chi_Minh').getTime() - start.getTime()).toBe(days * msPerDay);
    }
  });

  it('counts back the same way: a warning 14 days before a due time after the change', () => {
    const due = at('2027-04-02T18:00:00+02:00');
    expect(iso(subtractLegalDuration(due, { value: 14, unit: 'days' }, 'Europe/Paris'))).toBe(
      '2027-03-19T17:00:00.000Z', // 18:00 at +01:00
    );
  });

  it('moves a wall-clock time the spring change skips forward by the gap', () => {
    const start = at('2027-03-27T02:30:00+01:00');
    expect(iso(addLegalDays(start, 1, 'Europe/Paris'))).toBe('2027-03-28T01:30:00.000Z'); // 03:30 at +02:00
  });

  it('takes the earlier of a wall-clock time the autumn change repeats', () => {
    const start = at('2026-10-24T02:30:00+02:00');
    expect(iso(addLegalDays(start, 1, 'Europe/Paris'))).toBe('2026-10-25T00:30:00.000Z'); // 02:30 at +02:00
  });

  it('keeps hours absolute whatever the zone', () => {
    const start = at('2027-03-28T00:30:00+01:00');
    expect(addHours(start, 3).getTime() - start.getTime()).toBe(3 * msPerHour);
    expect(iso(addLegalDuration(start, { value: 24, unit: 'hours' }, 'Europe/Paris'))).toBe('2027-03-28T23:30:00.000Z');
    expect(iso(addLegalDuration(start, { value: 1, unit: 'days' }, 'Europe/Paris'))).toBe('2027-03-28T22:30:00.000Z');
  });

  it('measures calendar days between two instants in the zone', () => {
    const start = at('2027-03-10T09:00:00+01:00');
    const end = addLegalDays(start, 30, 'Europe/Paris');
    expect(legalDaysBetween(start, end, 'Europe/Paris')).toBe(30);
    expect(legalDaysBetween(start, end, 'UTC')).toBeCloseTo(30 - 1 / 24, 10);
    expect(legalDaysBetween(start, addHours(start, 36), 'Europe/Paris')).toBe(1.5);
  });

  it('counts a fraction of a day in absolute hours after the whole days', () => {
    const start = at('2027-03-27T12:00:00+01:00');
    expect(iso(addLegalDays(start, 1.5, 'Europe/Paris'))).toBe('2027-03-28T22:00:00.000Z'); // 12:00 +02:00, then 12 h
  });

  it('is the reverse of itself for whole days (property)', () => {
    const zones = fc.constantFrom('Europe/Paris', 'America/New_York', 'Asia/Ho_Chi_Minh', 'Australia/Sydney', 'UTC');
    // Whole minutes away from any change hour, where a skipped or repeated wall-clock time has no inverse.
    const instants = fc
      .integer({ min: Date.UTC(2025, 0, 1) / 60_000, max: Date.UTC(2030, 0, 1) / 60_000 })
      .map((minutes) => new Date(minutes * 60_000));
    fc.assert(
      fc.property(instants, fc.integer({ min: -400, max: 400 }), zones, (start, days, zone) => {
        const end = addLegalDays(start, days, zone);
        const hours = hoursBetween(start, end);
        // Within one hour of 24 h a day (most zones change by one hour at most, Lord Howe aside).
        expect(Math.abs(hours - days * 24)).toBeLessThanOrEqual(1);
        if (zone === 'UTC' || zone === 'Asia/Ho_Chi_Minh') expect(hours).toBe(days * 24);
        const local = (d: Date) => new Intl.DateTimeFormat('en-GB', { timeZone: zone, timeStyle: 'short' }).format(d);
        if (local(end) === local(start)) expect(iso(addLegalDays(end, -days, zone))).toBe(iso(start));
      }),
    );
  });
});

describe('the end of a legal day', () => {
  it('is the last millisecond of the date in the zone that counts it', () => {
    expect(endOfLegalDay('2026-12-01', 'UTC')?.toISOString()).toBe('2026-12-01T23:59:59.999Z');
    expect(endOfLegalDay('2026-12-01', 'Asia/Ho_Chi_Minh')?.toISOString()).toBe('2026-12-01T16:59:59.999Z');
    expect(endOfLegalDay('2027-03-28', 'Europe/Paris')?.toISOString()).toBe('2027-03-28T21:59:59.999Z');
  });

  it('is null for what is not a calendar date', () => {
    for (const date of ['2026-02-30', '2026-12-01T10:00', '1 Dec 2026', '']) {
      expect(endOfLegalDay(date, 'UTC')).toBeNull();
    }
  });
});

describe('ISO 8601 weeks', () => {
  it.each([
    ['2026-12-31T12:00:00Z', '2026-W53', '2026-12-28T00:00:00.000Z'],
    ['2027-01-01T12:00:00Z', '2026-W53', '2026-12-28T00:00:00.000Z'],
    ['2027-01-03T23:59:59Z', '2026-W53', '2026-12-28T00:00:00.000Z'],
    ['2027-01-04T00:00:00Z', '2027-W01', '2027-01-04T00:00:00.000Z'],
    ['2024-12-30T08:00:00Z', '2025-W01', '2024-12-30T00:00:00.000Z'],
    ['2021-01-03T08:00:00Z', '2020-W53', '2020-12-28T00:00:00.000Z'],
    ['2026-11-04T10:00:00Z', '2026-W45', '2026-11-02T00:00:00.000Z'],
  ])('puts %s in %s, which starts %s (UTC)', (instant, key, start) => {
    expect(isoWeekKey(at(instant), 'UTC')).toBe(key);
    expect(iso(isoWeekStart(at(instant), 'UTC'))).toBe(start);
  });

  it('counts the week in the zone: late Sunday UTC is already Monday in Ho Chi Minh City', () => {
    const instant = at('2027-01-03T20:00:00Z');
    expect(isoWeekKey(instant, 'UTC')).toBe('2026-W53');
    expect(isoWeekKey(instant, 'Asia/Ho_Chi_Minh')).toBe('2027-W01');
    expect(iso(isoWeekStart(instant, 'Asia/Ho_Chi_Minh'))).toBe('2027-01-03T17:00:00.000Z');
  });

  it('starts a week holding a daylight-saving change at local midnight, 167 hours before the next', () => {
    const start = isoWeekStart(at('2027-03-26T12:00:00Z'), 'Europe/Paris');
    expect(iso(start)).toBe('2027-03-21T23:00:00.000Z');
    const next = isoWeekStart(addLegalDays(start, 7, 'Europe/Paris'), 'Europe/Paris');
    expect(hoursBetween(start, next)).toBe(167);
  });
});

describe('zones and durations', () => {
  it.each(['UTC', 'Europe/Paris', 'Asia/Ho_Chi_Minh', 'America/Argentina/Buenos_Aires', 'Etc/GMT+7'])(
    'accepts the IANA zone %s',
    (zone) => expect(isIanaZone(zone)).toBe(true),
  );

  it.each(['', 'Mars/Olympus_Mons', '+07:00', 'GMT+7:00', 'Europe/Paris ', 'x'.repeat(65)])('refuses %j', (zone) =>
    expect(isIanaZone(zone)).toBe(false),
  );

  it('gives a nominal length for proportions', () => {
    expect(nominalHours({ value: 20, unit: 'days' })).toBe(480);
    expect(nominalHours({ value: 8, unit: 'hours' })).toBe(8);
  });

  it('refuses a zone it does not know rather than counting in the wrong one', () => {
    expect(() => addLegalDays(at('2027-01-01T00:00:00Z'), 1, 'Mars/Olympus_Mons')).toThrow(/time zone/);
  });
});
