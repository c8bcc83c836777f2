/**
 * Dates as officers type them: in the app's language's own order (dd/mm/yyyy in Vietnamese and
 * British English), read back into the value the forms and the API already use — `YYYY-MM-DD`
 * for a day, `YYYY-MM-DDTHH:mm[:ss]` for a local time (what the native inputs produced).
 * The order of day, month and year is Intl's, not a table of ours.
 */

/** The locale whose conventions the app's language follows (as `localTime` shows times). */
export const dateLocaleOf = (language: string): string => (language === 'vi' ? 'vi-VN' : 'en-GB');

type DatePart = 'day' | 'month' | 'year';

const numericParts = (language: string) =>
  new Intl.DateTimeFormat(dateLocaleOf(language), { day: '2-digit', month: '2-digit', year: 'numeric' }).formatToParts(
    new Date(2026, 10, 3),
  );

function partOrder(language: string): DatePart[] {
  return numericParts(language)
    .map((part) => part.type)
    .filter((type): type is DatePart => type === 'day' || type === 'month' || type === 'year');
}

const valuePattern = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const two = (n: string | number) => String(n).padStart(2, '0');

/** What the field shows for a value: "03/11/2026", or "03/11/2026 14:05" with a time; '' for none. */
export function formatLocalDate(value: string, language: string): string {
  const match = valuePattern.exec(value);
  if (match === null) return '';
  const [, year, month, day, hours, minutes, seconds] = match;
  const parts: Record<DatePart, string> = { day: day ?? '', month: month ?? '', year: year ?? '' };
  const separator = numericParts(language).find((part) => part.type === 'literal')?.value;
  const date = partOrder(language)
    .map((part) => parts[part])
    .join(separator ?? '/');
  if (hours === undefined || minutes === undefined) return date;
  return `${date} ${hours}:${minutes}${seconds === undefined ? '' : `:${seconds}`}`;
}

/** The pattern to show as a placeholder, in the language's order: "dd/mm/yyyy" and, with a time, "hh:mm". */
export function localDatePattern(language: string, withTime: boolean, letters: Record<DatePart, string>): string {
  const date = partOrder(language)
    .map((part) => letters[part])
    .join('/');
  return withTime ? `${date} hh:mm` : date;
}

const textPattern = /^(\d{1,4})\D(\d{1,2})\D(\d{1,4})(?:[\sT,]+(\d{1,2})[:h.](\d{2})(?::(\d{2}))?)?$/;

/**
 * The value of what was typed, or '' when it is not a whole date (and a time, when one is asked
 * for) — what a native input reports for an incomplete entry, so validation reads it the same way.
 */
export function parseLocalDate(text: string, language: string, withTime: boolean): string {
  const match = textPattern.exec(text.trim());
  if (match === null) return '';
  const [, first, second, third, hours, minutes, seconds] = match;
  const order = partOrder(language);
  const found: Partial<Record<DatePart, string>> = {};
  [first, second, third].forEach((digits, index) => {
    const part = order[index];
    if (part !== undefined && digits !== undefined) found[part] = digits;
  });
  const year = Number(found.year);
  const month = Number(found.month);
  const day = Number(found.day);
  if (found.year?.length !== 4) return '';
  // The calendar decides whether the day exists (no 31 November): a Date that rolls over is refused.
  const check = new Date(year, month - 1, day);
  if (check.getFullYear() !== year || check.getMonth() !== month - 1 || check.getDate() !== day) return '';
  const date = `${found.year}-${two(month)}-${two(day)}`;
  if (!withTime) return hours === undefined ? date : '';
  if (hours === undefined || minutes === undefined) return '';
  if (Number(hours) > 23 || Number(minutes) > 59 || Number(seconds ?? 0) > 59) return '';
  return `${date}T${two(hours)}:${minutes}${seconds === undefined ? '' : `:${seconds}`}`;
}
