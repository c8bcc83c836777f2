/** Times in the officer's own zone and language; UTC is one hover away for partners' clocks. */

const locale = (language: string): string => (language === 'vi' ? 'vi-VN' : 'en-GB');

export function localTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/**
 * ICU still reports some zones by their CLDR-canonical legacy names (Asia/Saigon); officers know
 * the IANA names that replaced them, so those are the ones written on a record.
 */
const currentNames: Readonly<Record<string, string>> = {
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Europe/Kiev': 'Europe/Kyiv',
};

/** The zone this browser runs in: the officer's own, as the operating system knows it. */
export function officerZone(): string {
  const zone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
  return currentNames[zone] ?? zone;
}

/**
 * "1 Oct 2026, 00:00 (Asia/Ho_Chi_Minh)": a moment in a named zone, for records read later or
 * by someone elsewhere, where a bare local time would be ambiguous.
 */
export function zonedDateTime(iso: string, language: string, timeZone: string = officerZone()): string {
  const text = new Intl.DateTimeFormat(locale(language), { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
    new Date(iso),
  );
  return `${text} (${timeZone})`;
}

export function utcTime(iso: string): string {
  return `${new Date(iso).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

type ClockUnit = 'day' | 'hour' | 'minute' | 'second';

/** "2 hrs" / "2 giờ": the language's own unit words, the second unit padded so a ticking clock keeps its width. */
const unitText = (value: number, unit: ClockUnit, language: string, padded = false): string =>
  new Intl.NumberFormat(locale(language), {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    minimumIntegerDigits: padded ? 2 : 1,
  }).format(value);

/** "2 hrs 05 mins" until (or, negative, since) a deadline: the desk reads hours, not dates. */
export function remaining(ms: number, language: string): { readonly overdue: boolean; readonly text: string } {
  const overdue = ms < 0;
  const total = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const pair = (first: number, firstUnit: ClockUnit, second: number, secondUnit: ClockUnit) =>
    `${unitText(first, firstUnit, language)} ${unitText(second, secondUnit, language, true)}`;
  const text =
    days > 0
      ? pair(days, 'day', hours, 'hour')
      : hours > 0
        ? pair(hours, 'hour', minutes, 'minute')
        : pair(minutes, 'minute', seconds, 'second');
  return { overdue, text };
}

/** A calendar day ("YYYY-MM-DD", no time, no zone) as the reader writes dates: "15 Mar 2027" / "15 thg 3, 2027". */
export function calendarDate(day: string, language: string): string {
  // Read and written in UTC, so the day never shifts with the reader's zone.
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${day.slice(0, 10)}T00:00:00Z`),
  );
}
