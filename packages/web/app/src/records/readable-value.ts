/**
 * What a stored value of a record is, so each kind can be shown the way a reader expects it:
 * categories as names, confidentiality as sentences, identifiers as a table, instants in a
 * named zone. Nothing here is shown as JSON; an unknown structure becomes labelled lines.
 */
export type ReadableValue =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'yes-no'; readonly value: boolean }
  | { readonly kind: 'instant'; readonly iso: string }
  | { readonly kind: 'day'; readonly day: string }
  | { readonly kind: 'money'; readonly amount: number; readonly currency: string }
  | { readonly kind: 'range'; readonly from: string; readonly to: string }
  | { readonly kind: 'categories'; readonly categories: readonly string[] }
  | { readonly kind: 'confidentiality'; readonly requested: boolean; readonly noUserNotification: boolean }
  | { readonly kind: 'identifiers'; readonly identifiers: readonly IdentifierRow[] }
  | { readonly kind: 'list'; readonly items: readonly ReadableValue[] }
  | { readonly kind: 'fields'; readonly fields: readonly (readonly [string, ReadableValue])[] };

/** One identifier as a table row: the value column holds what names the account, address or number. */
export interface IdentifierRow {
  readonly kind: string;
  readonly service: string | null;
  readonly value: string;
  readonly observedAt: string | null;
}

export const dataCategoryCodes = ['subscriber', 'traffic', 'content', 'other'] as const;

/** An ISO-8601 instant with a time and a zone, the form every stored instant takes on the wire. */
const zonedInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export const isInstant = (value: unknown): value is string =>
  typeof value === 'string' && zonedInstant.test(value) && !Number.isNaN(Date.parse(value));

const calendarDay = /^\d{4}-\d{2}-\d{2}$/;

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown): string | null =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;

/** An identifier as core's identifier schema stores it, or null for anything else. */
export function identifierRow(value: unknown): IdentifierRow | null {
  if (!isRecord(value) || typeof value['kind'] !== 'string') return null;
  const kind = value['kind'];
  const row = (service: unknown, shown: unknown, observedAt: unknown = null): IdentifierRow => ({
    kind,
    service: text(service),
    value: text(shown) ?? '—',
    observedAt: isInstant(observedAt) ? observedAt : null,
  });
  switch (kind) {
    case 'account':
      return row(value['service'], value['handle']);
    case 'phone':
      return row(null, value['e164']);
    case 'ip': {
      const port = text(value['port']);
      const address = text(value['address']) ?? '—';
      // An IPv6 address takes brackets before its port, as in a URL.
      const shown = port === null ? address : address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
      return row(null, shown, value['observedAt']);
    }
    case 'domain':
      return row(null, value['name']);
    case 'url':
      return row(null, value['url']);
    case 'email':
      return row(null, value['address']);
    case 'iban':
      return row(null, value['iban']);
    case 'bank-account':
      return row(value['bank'], `${text(value['accountNumber']) ?? '—'} (${text(value['country']) ?? '—'})`);
    case 'wallet':
      return row(value['chain'], value['address']);
    default:
      return null;
  }
}

/** An object: an identifier, confidentiality, money, a range, or named fields. */
function readableRecord(value: Record<string, unknown>): ReadableValue {
  const row = identifierRow(value);
  if (row !== null) return { kind: 'identifiers', identifiers: [row] };
  if (typeof value['requested'] === 'boolean' && typeof value['noUserNotification'] === 'boolean') {
    return {
      kind: 'confidentiality',
      requested: value['requested'],
      noUserNotification: value['noUserNotification'],
    };
  }
  if (typeof value['amount'] === 'number' && typeof value['currency'] === 'string') {
    return { kind: 'money', amount: value['amount'], currency: value['currency'] };
  }
  if (isInstant(value['from']) && isInstant(value['to'])) {
    return { kind: 'range', from: value['from'], to: value['to'] };
  }
  return { kind: 'fields', fields: Object.entries(value).map(([key, v]) => [key, readableValue(v)] as const) };
}

/** Reads a value by its shape; the field's name only breaks ties the shape cannot (none today). */
export function readableValue(value: unknown): ReadableValue {
  if (typeof value === 'boolean') return { kind: 'yes-no', value };
  if (isInstant(value)) return { kind: 'instant', iso: value };
  if (typeof value === 'string' && calendarDay.test(value)) return { kind: 'day', day: value };
  const shown = text(value);
  if (shown !== null) return { kind: 'text', text: shown };
  if (value === null || value === undefined) return { kind: 'text', text: '—' };
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every((v) => (dataCategoryCodes as readonly unknown[]).includes(v))) {
      return { kind: 'categories', categories: value as string[] };
    }
    const rows = value.map(identifierRow);
    if (value.length > 0 && rows.every((r): r is IdentifierRow => r !== null)) {
      return { kind: 'identifiers', identifiers: rows };
    }
    return { kind: 'list', items: value.map(readableValue) };
  }
  if (isRecord(value)) return readableRecord(value);
  // JSON carries nothing else (no bigint, symbol or function).
  return { kind: 'text', text: '—' };
}
