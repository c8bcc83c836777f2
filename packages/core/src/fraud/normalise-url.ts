import { cleanInput, indicator, refuse, type Indicator, type NormaliseResult } from './indicator-result.js';
import { normaliseDomain } from './normalise-domain.js';
import { normaliseIp } from './normalise-ip.js';

const hasScheme = /^[a-z][a-z0-9+.-]*:/i;
const webSchemes = new Set(['http:', 'https:']);

function parseWebUrl(text: string): URL | undefined {
  try {
    const url = new URL(hasScheme.test(text) && !/^[^:/]+:\d/.test(text) ? text : `http://${text}`);
    return webSchemes.has(url.protocol) ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The indicator of the URL's host: a domain, or an IP address written as the host. */
function hostIndicator(url: URL): NormaliseResult {
  return url.hostname.startsWith('[') || /^[\d.]+$/.test(url.hostname)
    ? normaliseIp(url.hostname)
    : normaliseDomain(url.hostname);
}

/** The address as people read it: the host in Unicode, everything else as in `href`. */
function displayOf(url: URL, unicodeHost: string): string {
  const credentials = url.password === '' ? url.username : `${url.username}:${url.password}`;
  const userinfo = credentials === '' ? '' : `${credentials}@`;
  const port = url.port === '' ? '' : `:${url.port}`;
  return `${url.protocol}//${userinfo}${unicodeHost}${port}${url.pathname}${url.search}`;
}

/**
 * A web address as `URL.href` (scheme and host lower-cased, default port dropped, host as A-labels) without its
 * fragment, an empty query or trailing slashes. Only http and https are indicators; `javascript:` and `data:` are
 * text. The host becomes a derived domain or IP indicator.
 */
export function normaliseUrl(raw: string): NormaliseResult {
  const input = cleanInput(raw);
  if (!input.ok) return input;
  const url = parseWebUrl(input.text);
  if (url === undefined || url.hostname === '') return refuse('fraud/indicator-unparseable');
  url.hash = '';
  if (url.search === '') url.search = '';
  url.pathname = url.pathname.replace(/\/+$/, '') || '/';
  const host = hostIndicator(url);
  if (!host.ok) return host;
  const derived: Indicator = host.indicator;
  const unicodeHost = typeof derived.facts['unicode'] === 'string' ? derived.facts['unicode'] : url.hostname;
  return indicator(
    'url',
    url.href,
    displayOf(url, unicodeHost),
    {
      host: url.hostname,
      unicodeHost,
      registrableDomain: derived.facts['registrableDomain'] ?? null,
      rootPage: url.pathname === '/' && url.search === '',
    },
    [derived],
  );
}
