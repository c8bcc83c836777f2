/**
 * Periods (core's `dateRange` field schema: `{ from, to }`, ISO-8601 instants with a zone, from not
 * after to). Officers type local wall-clock time in the browser's `datetime-local` inputs; the API
 * gets UTC instants, so the period means the same moment in every State that reads it.
 */

/** Registry fields whose schema is core's `dateRange` (a test holds this list to the registry). */
export const rangeFields: ReadonlySet<string> = new Set(['dateRange', 'collectionPeriod', 'duration']);

/** The form's value: what the two inputs hold, local time as `YYYY-MM-DDTHH:mm[:ss]`, or ''. */
export interface RangeInput {
  readonly from: string;
  readonly to: string;
}

export const emptyRange: RangeInput = { from: '', to: '' };

// The datetime-local value format only: an offset or a date alone is not what the input produces.
const localPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;

export function asRange(value: unknown): RangeInput {
  if (typeof value !== 'object' || value === null) return emptyRange;
  const { from, to } = value as Record<string, unknown>;
  return { from: typeof from === 'string' ? from : '', to: typeof to === 'string' ? to : '' };
}

/** Milliseconds since the epoch of a local wall-clock time; NaN when it is not one. */
function localMs(local: string): number {
  // Without an offset, ECMAScript reads a date-time as local time, which is what the officer typed.
  return localPattern.test(local) ? new Date(local).getTime() : Number.NaN;
}

/** The API's form of a local time: a UTC instant. */
export function localToIso(local: string): string {
  return new Date(localMs(local)).toISOString();
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** What the input shows for an instant the server holds: the same moment in local time. */
export function isoToLocal(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  const minutes = `${day}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
  // Keep seconds the server holds (e.g. 23:59:59), so reopening and saving a draft changes nothing.
  return date.getSeconds() === 0 && date.getMilliseconds() === 0 ? minutes : `${minutes}:${pad(date.getSeconds())}`;
}

/**
 * The message key for a period, as core's schema judges it: both ends or neither, each a time,
 * from not after to (equal is allowed). `required` is whether the legal basis asks for the field.
 */
export function rangeError(value: RangeInput, required: boolean): string | null {
  const from = value.from.trim();
  const to = value.to.trim();
  if (from === '' && to === '') return required ? 'validation.required' : null;
  if (from === '' || to === '') return 'period.incomplete';
  const start = localMs(from);
  const end = localMs(to);
  if (Number.isNaN(start) || Number.isNaN(end)) return 'period.invalid';
  return start > end ? 'validation.periodOrder' : null;
}

/** The API's `{ from, to }`, or undefined when the period is not one the server would accept. */
export function rangeToApi(value: RangeInput): { from: string; to: string } | undefined {
  if (rangeError(value, true) !== null) return undefined;
  return { from: localToIso(value.from.trim()), to: localToIso(value.to.trim()) };
}

export function rangeFromApi(value: unknown): RangeInput {
  const { from, to } = asRange(value);
  return { from: from === '' ? '' : isoToLocal(from), to: to === '' ? '' : isoToLocal(to) };
}
