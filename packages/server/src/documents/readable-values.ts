import type { LocalisedText } from './formal-document.js';
import { choiceNames, recordKeyNames } from './record-choices.js';
import {
  dataCategoryNames,
  documentLanguages,
  everywhere,
  fillIn,
  identifierKindNames,
  wording,
} from './record-wording.js';

/**
 * A value of the signed record as a court clerk reads it, in each language of the document:
 * categories by name, confidentiality as sentences, identifiers one per line, instants as dates.
 * The signed JSON keeps the exact values; the paper only reads them.
 */

const locales: Readonly<Record<string, string>> = { en: 'en-GB', vi: 'vi-VN', fr: 'fr-FR' };
const zonedInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

const calendarDay = /^\d{4}-\d{2}-\d{2}$/;

const isInstant = (value: unknown): value is string =>
  typeof value === 'string' && zonedInstant.test(value) && !Number.isNaN(Date.parse(value));
const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | null =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;

/**
 * "30 Sept 2026, 17:00 (UTC)": paper goes to partners in other zones, so instants print in UTC
 * like the document's own date, with the zone named.
 */
export function instantIn(iso: string): LocalisedText {
  return Object.fromEntries(
    documentLanguages.map((language) => [
      language,
      `${new Intl.DateTimeFormat(locales[language] ?? 'en-GB', {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: 'UTC',
      }).format(new Date(iso))} (UTC)`,
    ]),
  );
}

/** A calendar day as each language writes it; read and written in UTC so it never shifts a day. */
export function dayIn(day: string): LocalisedText {
  return Object.fromEntries(
    documentLanguages.map((language) => [
      language,
      new Intl.DateTimeFormat(locales[language] ?? 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
        new Date(`${day}T00:00:00Z`),
      ),
    ]),
  );
}

function moneyIn(amount: number, currency: string): LocalisedText {
  return Object.fromEntries(
    documentLanguages.map((language) => {
      try {
        return [
          language,
          new Intl.NumberFormat(locales[language] ?? 'en-GB', { style: 'currency', currency }).format(amount),
        ];
      } catch {
        // A currency code Intl does not know still prints as an amount and its code.
        return [language, `${amount} ${currency}`];
      }
    }),
  );
}

const joined = (texts: readonly LocalisedText[], separator: string): LocalisedText =>
  Object.fromEntries(
    documentLanguages.map((language) => [language, texts.map((t) => t[language] ?? t['en'] ?? '').join(separator)]),
  );

/** "IP address · 203.0.113.7:443 · observed 30 Oct 2026, 07:03 (UTC)", or null if not an identifier. */
export function identifierLine(identifier: unknown): LocalisedText | null {
  if (!isRecord(identifier) || typeof identifier['kind'] !== 'string') return null;
  const kind = identifierKindNames[identifier['kind']];
  if (kind === undefined) return null;
  const parts: LocalisedText[] = [kind];
  const add = (...values: unknown[]) => {
    for (const value of values) {
      const shown = text(value);
      if (shown !== null) parts.push(everywhere(shown));
    }
  };
  switch (identifier['kind']) {
    case 'account':
      add(identifier['service'], identifier['handle']);
      break;
    case 'ip': {
      const address = text(identifier['address']) ?? '';
      const port = text(identifier['port']);
      add(port === null ? address : address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`);
      const observed = identifier['observedAt'];
      if (isInstant(observed)) parts.push(fillIn(wording.observedAt, { when: instantIn(observed) }));
      break;
    }
    case 'phone':
      add(identifier['e164']);
      break;
    case 'domain':
      add(identifier['name']);
      break;
    case 'url':
      add(identifier['url']);
      break;
    case 'email':
      add(identifier['address']);
      break;
    case 'iban':
      add(identifier['iban']);
      break;
    case 'bank-account':
      add(identifier['bank'], identifier['accountNumber'], identifier['country']);
      break;
    case 'wallet':
      add(identifier['chain'], identifier['address']);
      break;
  }
  return joined(parts, ' · ');
}

/** An object of a request's details: an identifier, confidentiality, money, a range, or named fields. */
function readableRecordIn(value: Record<string, unknown>): LocalisedText {
  const identifier = identifierLine(value);
  if (identifier !== null) return identifier;
  if (typeof value['requested'] === 'boolean' && typeof value['noUserNotification'] === 'boolean') {
    return joined(
      [
        value['requested'] ? wording.confidentialityRequested : wording.confidentialityNotRequested,
        value['noUserNotification'] ? wording.noUserNotification : wording.userMayBeNotified,
      ],
      ' ',
    );
  }
  if (typeof value['amount'] === 'number' && typeof value['currency'] === 'string') {
    return moneyIn(value['amount'], value['currency']);
  }
  if (isInstant(value['from']) && isInstant(value['to'])) {
    return fillIn(wording.range, { from: instantIn(value['from']), to: instantIn(value['to']) });
  }
  return joined(
    Object.entries(value).map(([key, v]) => joined([recordKeyNames[key] ?? everywhere(key), readableIn(v)], ': ')),
    '\n',
  );
}

/** Any value of a request's details in every language; structures never print as JSON. */
export function readableIn(value: unknown): LocalisedText {
  if (value === null || value === undefined) return everywhere('');
  if (typeof value === 'boolean') return value ? wording.yes : wording.no;
  if (isInstant(value)) return instantIn(value);
  if (typeof value === 'string' && calendarDay.test(value)) return dayIn(value);
  const shown = text(value);
  if (shown !== null) return (typeof value === 'string' ? choiceNames[value] : undefined) ?? everywhere(shown);
  if (Array.isArray(value)) {
    const categories = value.map((v) => (typeof v === 'string' ? dataCategoryNames[v] : undefined));
    if (value.length > 0 && categories.every((c): c is LocalisedText => c !== undefined)) {
      return joined(categories, ', ');
    }
    return joined(
      value.map((v) => identifierLine(v) ?? readableIn(v)),
      '\n',
    );
  }
  if (isRecord(value)) return readableRecordIn(value);
  return everywhere('');
}
