import type { CountryProfile, FieldSpec } from '../api/types.js';
import { asRange, rangeError, rangeFields } from './date-range.js';
import { pick } from '../i18n/i18n.js';

/** The form's state: what the officer typed, before it becomes the API's CreateRequest body. */
export interface DraftForm {
  readonly type: string;
  readonly requestedState: string;
  readonly legalBasis: string;
  readonly language: string;
  readonly priority: 'emergency' | 'urgent' | 'normal';
  readonly emergencyJustification: string;
  readonly details: Readonly<Record<string, unknown>>;
}

export interface IdentifierRow {
  readonly kind: 'account' | 'ip' | 'email' | 'url' | 'phone' | 'domain';
  readonly service?: string;
  readonly value: string;
  readonly port?: string;
  readonly observedAt?: string;
}

/** Message keys (for i18n) by field name; `details.x` for the type's own fields. */
export type DraftErrors = Readonly<Record<string, string>>;

const isEmpty = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0);

const zoned = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const ipv4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

/** The same rules the server applies to identifiers, so the officer sees them while typing. */
export function identifierError(row: IdentifierRow): string | null {
  const value = row.value.trim();
  if (value === '') return 'validation.required';
  switch (row.kind) {
    case 'account':
      return (row.service ?? '').trim() === '' ? 'validation.serviceRequired' : null;
    case 'ip':
      if (!ipv4.test(value) && !(value.includes(':') && /^[0-9a-fA-F:.]+$/.test(value))) return 'validation.ipAddress';
      if (row.port !== undefined && row.port !== '' && !(/^\d{1,5}$/.test(row.port) && Number(row.port) <= 65535)) {
        return 'validation.port';
      }
      return zoned.test(row.observedAt ?? '') ? null : 'validation.zonedTime';
    case 'email':
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? null : 'validation.email';
    case 'url':
      return /^https?:\/\/\S+$/.test(value) ? null : 'validation.url';
    case 'phone':
      return /^\+[1-9]\d{6,14}$/.test(value) ? null : 'validation.phone';
    case 'domain':
      return /^(?!-)[a-z0-9-]{1,63}(\.[a-z0-9-]{1,63})+$/i.test(value) ? null : 'validation.domain';
  }
}

/** What must be fixed before submission: required fields for the chosen legal basis, formats. */
export function validateDraft(form: DraftForm, fields: readonly FieldSpec[]): DraftErrors {
  const errors: Record<string, string> = {};
  if (!/^[A-Z]{2}$/.test(form.requestedState)) errors['requestedState'] = 'validation.required';
  if (form.legalBasis === '') errors['legalBasis'] = 'validation.required';
  if (form.priority === 'emergency' && form.emergencyJustification.trim() === '') {
    errors['emergencyJustification'] = 'validation.emergencyJustification';
  }
  for (const field of fields) {
    const required = (field.requiredFor as readonly string[]).includes(form.legalBasis);
    if (rangeFields.has(field.name)) {
      const error = rangeError(asRange(form.details[field.name]), required);
      if (error !== null) errors[`details.${field.name}`] = error;
    } else if (required && isEmpty(form.details[field.name])) errors[`details.${field.name}`] = 'validation.required';
  }
  const identifiers = form.details['identifiers'];
  if (Array.isArray(identifiers)) {
    (identifiers as IdentifierRow[]).forEach((row, index) => {
      const error = identifierError(row);
      if (error !== null) errors[`identifiers.${index}`] = error;
    });
  }
  return errors;
}

export interface CountryCheck {
  readonly key: string;
  readonly values?: Record<string, string>;
}

/** Per-country checks as the officer types: language, accepted bases, reservations (in the reader's language). */
export function countryChecks(form: DraftForm, profile: CountryProfile | undefined, language: string): CountryCheck[] {
  if (profile === undefined) return [];
  const checks: CountryCheck[] = [];
  if (!profile.languages.includes(form.language)) {
    checks.push({ key: 'checks.language', values: { languages: profile.languages.join(', ') } });
  }
  if (form.legalBasis !== '' && !(profile.acceptedBases as readonly string[]).includes(form.legalBasis)) {
    checks.push({ key: 'checks.basis', values: { bases: profile.acceptedBases.join(', ') } });
  }
  for (const reservation of profile.reservations) {
    checks.push({
      key: 'checks.reservation',
      values: { code: reservation.code, text: pick(reservation.title, language) },
    });
  }
  return checks;
}

/** The identifier rows as the server's schema wants them. */
export function identifierToApi(row: IdentifierRow): Record<string, unknown> {
  const value = row.value.trim();
  switch (row.kind) {
    case 'account':
      return { kind: 'account', service: (row.service ?? '').trim(), handle: value };
    case 'ip':
      return {
        kind: 'ip',
        address: value,
        port: row.port === undefined || row.port === '' ? null : Number(row.port),
        observedAt: row.observedAt ?? '',
      };
    case 'email':
      return { kind: 'email', address: value };
    case 'url':
      return { kind: 'url', url: value };
    case 'phone':
      return { kind: 'phone', e164: value };
    case 'domain':
      return { kind: 'domain', name: value };
  }
}

export function identifierFromApi(value: Readonly<Record<string, unknown>>): IdentifierRow {
  const s = (key: string) => {
    const found = value[key];
    return typeof found === 'string' ? found : '';
  };
  switch (value['kind']) {
    case 'account':
      return { kind: 'account', service: s('service'), value: s('handle') };
    case 'ip':
      return {
        kind: 'ip',
        value: s('address'),
        port: typeof value['port'] === 'number' ? String(value['port']) : '',
        observedAt: s('observedAt'),
      };
    case 'email':
      return { kind: 'email', value: s('address') };
    case 'url':
      return { kind: 'url', value: s('url') };
    case 'phone':
      return { kind: 'phone', value: s('e164') };
    default:
      return { kind: 'domain', value: s('name') };
  }
}
