import { DateTime, Duration, Info } from 'luxon';
import { invariant } from '../errors/domain-error.js';

/**
 * Time as the law counts it (ADR 0011). A legal day is a calendar day in the zone that counts it:
 * a period of N days ends at the same wall-clock time N dates later, so it is 23 or 25 hours long
 * across a daylight-saving change. Hours stay absolute durations. Luxon does the calendar work;
 * nothing here adds 86,400,000 to a timestamp.
 */

/** A span set by a rule or a node setting: hours are absolute, days are calendar days. */
export type LegalDuration = { readonly value: number; readonly unit: 'hours' | 'days' };

/** The zone that counts when a node sets none: 24-hour days, as before zones were counted. */
export const utcZone = 'UTC';

// A region name such as Europe/Paris (or UTC): Intl also accepts bare offsets such as +07:00,
// which never change with daylight saving and so would count a partner's days wrongly.
const zoneName = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

/** Whether `zone` names an IANA time zone this runtime knows (not a bare UTC offset). */
export function isIanaZone(zone: string): boolean {
  return zone.length <= 64 && zoneName.test(zone) && Info.isValidIANAZone(zone);
}

function inZone(instant: Date, zone: string): DateTime {
  const local = DateTime.fromJSDate(instant, { zone });
  invariant(local.isValid, `cannot place ${String(instant)} in the time zone ${zone}`);
  return local;
}

function instantOf(local: DateTime): Date {
  invariant(local.isValid, `the legal time computed is invalid: ${local.invalidExplanation ?? ''}`);
  return local.toJSDate();
}

/**
 * The same wall-clock time `days` calendar days later (earlier when negative) in `zone`. Where
 * that time does not exist (skipped by a spring change) Luxon moves it forward by the gap; where
 * it exists twice it takes the earlier. A fractional part of a day is counted in absolute hours.
 */
export function addLegalDays(instant: Date, days: number, zone: string): Date {
  const whole = Math.trunc(days);
  const shifted = inZone(instant, zone).plus({ days: whole });
  return addHours(instantOf(shifted), (days - whole) * 24);
}

/** An absolute duration: an hour is 3,600 seconds whatever the zone. */
export function addHours(instant: Date, hours: number): Date {
  return new Date(instant.getTime() + Duration.fromObject({ hours }).toMillis());
}

/** A legal duration from `instant`: days on the calendar of `zone`, hours on the clock. */
export function addLegalDuration(instant: Date, duration: LegalDuration, zone: string): Date {
  return duration.unit === 'days' ? addLegalDays(instant, duration.value, zone) : addHours(instant, duration.value);
}

/** The same duration counted back from `instant` (a warning given so long before a due time). */
export function subtractLegalDuration(instant: Date, duration: LegalDuration, zone: string): Date {
  return addLegalDuration(instant, { value: -duration.value, unit: duration.unit }, zone);
}

/** A duration's nominal length in hours (a day as 24), for proportions only, never for the calendar. */
export function nominalHours(duration: LegalDuration): number {
  return Duration.fromObject({ [duration.unit]: duration.value }).as('hours');
}

/** The last millisecond of a calendar date (yyyy-mm-dd) in `zone`: a deadline "by" that day; null for no such date. */
export function endOfLegalDay(date: string, zone: string): Date | null {
  invariant(Info.isValidIANAZone(zone), `unknown time zone ${zone}`);
  const day = DateTime.fromFormat(date, 'yyyy-MM-dd', { zone });
  return day.isValid ? day.endOf('day').toJSDate() : null;
}

/** Monday 00:00 in `zone` of the ISO 8601 week holding `instant`. */
export function isoWeekStart(instant: Date, zone: string): Date {
  return instantOf(inZone(instant, zone).startOf('week'));
}

/** The ISO 8601 week holding `instant` in `zone`, such as 2026-W53 (the week-numbering year's). */
export function isoWeekKey(instant: Date, zone: string): string {
  return inZone(instant, zone).toFormat("kkkk-'W'WW");
}

/** Calendar days in `zone` from one instant to another, fractional for a part of a day. */
export function legalDaysBetween(from: Date, to: Date, zone: string): number {
  return inZone(to, zone).diff(inZone(from, zone), 'days').days;
}

/** Absolute hours from one instant to another (negative when `to` comes first). */
export function hoursBetween(from: Date, to: Date): number {
  return DateTime.fromJSDate(to).diff(DateTime.fromJSDate(from)).as('hours');
}
