import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { cleanInput, indicator, refuse, type NormaliseHints, type NormaliseResult } from './indicator-result.js';

/** Numbers written without a country code are read as Vietnamese unless the report says otherwise. */
const fallbackCountry: CountryCode = 'VN';

function countryOf(hints: NormaliseHints): CountryCode {
  const wanted = hints.defaultCountry?.toUpperCase();
  return wanted !== undefined && isSupportedCountry(wanted) ? wanted : fallbackCountry;
}

/**
 * A phone number in E.164 (`0912 345 678`, `+84 912345678` and `0084912345678` are all `+84912345678`), with its
 * line type from libphonenumber-js's full metadata (MOBILE, FIXED_LINE, PREMIUM_RATE, TOLL_FREE…).
 */
export function normalisePhone(raw: string, hints: NormaliseHints = {}): NormaliseResult {
  const input = cleanInput(raw);
  if (!input.ok) return input;
  const parsed = parsePhoneNumberFromString(input.text.replace(/^tel:/i, ''), countryOf(hints));
  if (parsed === undefined) return refuse('fraud/indicator-unparseable');
  if (!parsed.isValid()) return refuse('fraud/indicator-invalid-number');
  return indicator('phone', parsed.number, parsed.formatInternational(), {
    lineType: parsed.getType() ?? 'UNKNOWN',
    country: parsed.country ?? null,
  });
}
