import type { NormaliseHints, NormaliseResult } from './indicator-result.js';
import { isIndicatorType, type IndicatorType } from './indicator-types.js';
import { normaliseBtc } from './normalise-btc.js';
import { normaliseDomain } from './normalise-domain.js';
import { normaliseEmail } from './normalise-email.js';
import { normaliseEth } from './normalise-eth.js';
import { normaliseEWallet } from './normalise-e-wallet.js';
import { normaliseIban } from './normalise-iban.js';
import { normaliseIp } from './normalise-ip.js';
import { normalisePhone } from './normalise-phone.js';
import { normaliseSocial } from './normalise-social.js';
import { normaliseTron } from './normalise-tron.js';
import { normaliseUrl } from './normalise-url.js';
import { normaliseVnAccount } from './normalise-vn-account.js';

const normalisers: Readonly<Record<IndicatorType, (raw: string, hints: NormaliseHints) => NormaliseResult>> = {
  phone: normalisePhone,
  'vn-account': normaliseVnAccount,
  iban: normaliseIban,
  url: normaliseUrl,
  domain: normaliseDomain,
  ip: normaliseIp,
  btc: normaliseBtc,
  eth: normaliseEth,
  tron: normaliseTron,
  'e-wallet': normaliseEWallet,
  social: normaliseSocial,
  email: normaliseEmail,
};

/**
 * The one entry point: the raw value a reporter gave for an indicator of `type`, with hints from the report, becomes
 * an indicator or a refusal with a stable code. A refused value stays on the report as text and never becomes an
 * indicator. Pure: no I/O, no clock.
 */
export function normaliseIndicator(type: string, raw: string, hints: NormaliseHints = {}): NormaliseResult {
  if (!isIndicatorType(type)) return { ok: false, reason: 'fraud/indicator-unknown-type' };
  return normalisers[type](raw, hints);
}
