import type { ErrorCode } from '../errors/error-codes.js';
import type { IndicatorType } from './indicator-types.js';

/** Why a raw value did not become an indicator: a stable error code (errors/error-codes.ts). */
export type IndicatorRefusal = Extract<ErrorCode, `fraud/indicator-${string}`>;

/** What a normaliser learnt about the value: line type, registrable domain, Unicode form, address kind… */
export type IndicatorFacts = Readonly<Record<string, string | number | boolean | null>>;

/** A normalised scam indicator: stored once per `hashKey` (= `type|valueNorm`); raw text is never matched. */
export interface Indicator {
  readonly type: IndicatorType;
  readonly valueNorm: string;
  /** How people read it: grouped digits, the Unicode form of a domain, the bank's short name. */
  readonly valueDisplay: string;
  readonly hashKey: string;
  readonly facts: IndicatorFacts;
  /** Further indicators the value implies: a URL's domain or IP address. */
  readonly derived: readonly Indicator[];
}

export type NormaliseResult =
  { readonly ok: true; readonly indicator: Indicator } | { readonly ok: false; readonly reason: IndicatorRefusal };

/** Hints from the report's context: the reporter's country, the wallet provider or platform named beside the value. */
export interface NormaliseHints {
  /** ISO 3166-1 alpha-2 country for national phone numbers; 'VN' when absent. */
  readonly defaultCountry?: string;
  /** An e-wallet provider code or name (MoMo, ZaloPay…). */
  readonly provider?: string;
  /** A social platform code or name (facebook, zalo, telegram…). */
  readonly platform?: string;
  /** A bank short name, name or BIN for a Vietnamese account number given alone. */
  readonly bank?: string;
}

/** The longest raw value any normaliser reads; longer input is refused before parsing. */
export const maxIndicatorInputLength = 4096;

export function indicator(
  type: IndicatorType,
  valueNorm: string,
  valueDisplay: string,
  facts: IndicatorFacts = {},
  derived: readonly Indicator[] = [],
): NormaliseResult {
  return { ok: true, indicator: { type, valueNorm, valueDisplay, hashKey: `${type}|${valueNorm}`, facts, derived } };
}

export function refuse(reason: IndicatorRefusal): NormaliseResult {
  return { ok: false, reason };
}

type Refused = Extract<NormaliseResult, { ok: false }>;

/** Raw text as a normaliser reads it: compatibility-normalised (full-width digits become ASCII) and trimmed. */
export function cleanInput(raw: string): { readonly ok: true; readonly text: string } | Refused {
  if (raw.length > maxIndicatorInputLength) return { ok: false, reason: 'fraud/indicator-too-long' };
  const text = raw.normalize('NFKC').trim();
  return text === '' ? { ok: false, reason: 'fraud/indicator-unparseable' } : { ok: true, text };
}

/** Comparable form of a name typed by a person: lower-case ASCII letters and digits only, diacritics removed. */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/giu, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
