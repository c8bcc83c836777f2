import punycode from 'punycode/punycode.js';
import { parse } from 'tldts';
import { cleanInput, indicator, refuse, type NormaliseResult } from './indicator-result.js';

const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i;

/** The host of a domain, a host with a path, or a URL, as the WHATWG URL parser writes it (lower-case A-labels). */
function aLabelHost(text: string): string | undefined {
  try {
    return new URL(hasScheme.test(text) ? text : `http://${text}`).hostname.replace(/\.$/, '');
  } catch {
    return undefined;
  }
}

function unicodeOf(host: string): string {
  try {
    return punycode.toUnicode(host);
  } catch {
    return host;
  }
}

/** "vêitcombank.com (xn--vitcombank-m7a.com)": an internationalised name always shows both forms. */
function displayOf(host: string, unicode: string): string {
  return unicode === host ? host : `${unicode} (${host})`;
}

/**
 * A domain name as its lower-case A-label (punycode), with the registrable domain from the public suffix list,
 * private domains included: `user.github.io` keeps its own registrable domain rather than collapsing into
 * `github.io`. The Unicode form is kept beside the A-label so a homograph is visible.
 */
export function normaliseDomain(raw: string): NormaliseResult {
  const input = cleanInput(raw);
  if (!input.ok) return input;
  const host = aLabelHost(input.text);
  if (host === undefined || host === '') return refuse('fraud/indicator-unparseable');
  const parsed = parse(host, { allowPrivateDomains: true });
  if (parsed.isIp !== false || parsed.domain === null || parsed.publicSuffix === null) {
    return refuse('fraud/indicator-unparseable');
  }
  if (parsed.isIcann !== true && parsed.isPrivate !== true) return refuse('fraud/indicator-unparseable');
  const unicode = unicodeOf(host);
  return indicator('domain', host, displayOf(host, unicode), {
    unicode,
    idn: unicode !== host,
    registrableDomain: parsed.domain,
    registrableDomainUnicode: unicodeOf(parsed.domain),
    publicSuffix: parsed.publicSuffix,
    privateSuffix: parsed.isPrivate === true,
  });
}
