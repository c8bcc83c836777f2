import { cleanInput, indicator, refuse, type NormaliseResult } from './indicator-result.js';

const dottedQuad = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/**
 * The canonical text of an IP address, or undefined: IPv4 as four decimal octets (leading zeros read as decimal,
 * never octal; shorthand forms such as `1.2.3` refused), IPv6 compressed in lower case by the WHATWG URL parser.
 */
export function canonicalIp(text: string): { readonly value: string; readonly version: 4 | 6 } | undefined {
  const bare = text.replace(/^\[(.*)\]$/, '$1');
  const quad = dottedQuad.exec(bare);
  if (quad) {
    const octets = quad.slice(1).map(Number);
    return octets.every((octet) => octet <= 255) ? { value: octets.join('.'), version: 4 } : undefined;
  }
  if (!bare.includes(':') || !/^[0-9a-f:.]+$/i.test(bare)) return undefined;
  try {
    return { value: new URL(`http://[${bare}]/`).hostname.slice(1, -1), version: 6 };
  } catch {
    return undefined;
  }
}

/** An IPv4 or IPv6 address in canonical text. */
export function normaliseIp(raw: string): NormaliseResult {
  const input = cleanInput(raw);
  if (!input.ok) return input;
  const ip = canonicalIp(input.text);
  if (ip === undefined) return refuse('fraud/indicator-unparseable');
  return indicator('ip', ip.value, ip.value, { version: ip.version });
}
