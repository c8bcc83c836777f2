import { cleanInput, indicator, refuse, type NormaliseResult } from './indicator-result.js';
import { normaliseDomain } from './normalise-domain.js';

/** A dot-atom local part (RFC 5322 §3.2.3); quoted local parts are left as text. */
const localPart = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/i;

/**
 * An e-mail address as `local@domain`, the domain as its A-label. The local part is lower-cased too: RFC 5321 lets
 * it be case-sensitive, but no large mail provider treats it so, and one scam address reported in two casings must
 * be one indicator (docs/fraud-indicators.md).
 */
export function normaliseEmail(raw: string): NormaliseResult {
  const input = cleanInput(raw);
  if (!input.ok) return input;
  const text = input.text.replace(/^mailto:/i, '').replace(/^<(.*)>$/, '$1');
  const at = text.lastIndexOf('@');
  const local = text.slice(0, at);
  if (at < 1 || local.length > 64 || !localPart.test(local)) return refuse('fraud/indicator-unparseable');
  const domain = normaliseDomain(text.slice(at + 1));
  if (!domain.ok || /[/?#:]/.test(text.slice(at + 1))) return refuse('fraud/indicator-unparseable');
  const facts = domain.indicator.facts;
  const unicode = typeof facts['unicode'] === 'string' ? facts['unicode'] : domain.indicator.valueNorm;
  const value = `${local.toLowerCase()}@${domain.indicator.valueNorm}`;
  return indicator('email', value, `${local.toLowerCase()}@${unicode}`, {
    domain: domain.indicator.valueNorm,
    registrableDomain: facts['registrableDomain'] ?? null,
  });
}
