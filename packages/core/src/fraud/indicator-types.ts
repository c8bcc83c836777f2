import type { Bilingual } from '../requests/types/field-spec.js';

/** The kinds of scam indicator a report may carry (fraud brief §2), as a versioned code list. */
export const indicatorTypeCodes = [
  'phone',
  'vn-account',
  'iban',
  'url',
  'domain',
  'ip',
  'btc',
  'eth',
  'tron',
  'e-wallet',
  'social',
  'email',
] as const;
export type IndicatorType = (typeof indicatorTypeCodes)[number];

export const indicatorTypesVersion = '2026-12-08';

export interface IndicatorTypeDefinition {
  readonly code: IndicatorType;
  readonly label: Bilingual;
  /** The canonical form `valueNorm` takes, as documented in docs/fraud-indicators.md. */
  readonly canonicalForm: string;
}

const define = (code: IndicatorType, en: string, vi: string, canonicalForm: string): IndicatorTypeDefinition => ({
  code,
  label: { en, vi },
  canonicalForm,
});

export const indicatorTypes: Readonly<Record<IndicatorType, IndicatorTypeDefinition>> = {
  phone: define('phone', 'Phone number', 'Số điện thoại', 'E.164'),
  'vn-account': define('vn-account', 'Vietnamese bank account', 'Tài khoản ngân hàng Việt Nam', 'VN:{BIN6}:{digits}'),
  iban: define('iban', 'IBAN', 'Số IBAN', 'IBAN electronic format'),
  url: define('url', 'Web address (URL)', 'Địa chỉ web (URL)', 'URL.href without fragment'),
  domain: define('domain', 'Domain name', 'Tên miền', 'lower-case A-label'),
  ip: define('ip', 'IP address', 'Địa chỉ IP', 'dotted IPv4 or compressed IPv6'),
  btc: define('btc', 'Bitcoin address', 'Địa chỉ Bitcoin', 'base58 as given, bech32 lower-case'),
  eth: define('eth', 'Ethereum (EVM) address', 'Địa chỉ Ethereum (EVM)', 'EIP-55 checksummed'),
  tron: define('tron', 'TRON address', 'Địa chỉ TRON', 'base58check'),
  'e-wallet': define('e-wallet', 'E-wallet', 'Ví điện tử', '{provider}:{E.164 or wallet id}'),
  social: define('social', 'Social media account', 'Tài khoản mạng xã hội', '{platform}:{handle or numeric id}'),
  email: define('email', 'E-mail address', 'Địa chỉ e-mail', 'lower-case local@A-label'),
};

export function isIndicatorType(value: string): value is IndicatorType {
  return (indicatorTypeCodes as readonly string[]).includes(value);
}
