import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accepted, expectIdempotent, runs } from './indicator.fixtures.js';
import { normaliseUrl } from './normalise-url.js';

const host = fc.constantFrom('vietcombank-secure.top', 'xn--vitcombank-m7a.com', 'user.github.io', 'shop.com.vn');
const segment = fc.stringMatching(/^[a-zA-Z0-9_.~-]{1,10}$/).filter((s) => s !== '.' && s !== '..');
const query = fc.option(fc.stringMatching(/^[a-z]{1,5}=[a-z0-9]{1,5}$/), { nil: undefined });

describe('normaliseUrl', () => {
  it('lower-cases scheme and host, drops the default port, the fragment and trailing slashes', () => {
    const url = accepted(normaliseUrl('HTTPS://Vietcombank-Secure.TOP:443/Dang-Nhap/#otp'));
    expect(url.hashKey).toBe('url|https://vietcombank-secure.top/Dang-Nhap');
    expect(url.derived.map((d) => d.hashKey)).toEqual(['domain|vietcombank-secure.top']);
    expect(url.facts).toMatchObject({ host: 'vietcombank-secure.top', rootPage: false });
  });

  it('reads an address without a scheme as http, and shows the host in Unicode', () => {
    const url = accepted(normaliseUrl('vêitcombank.com/login?'));
    expect(url.valueNorm).toBe('http://xn--vitcombank-m7a.com/login');
    expect(url.valueDisplay).toBe('http://vêitcombank.com/login');
    expect(url.derived[0]!.facts['unicode']).toBe('vêitcombank.com');
  });

  it('derives an IP indicator from an address written with one', () => {
    expect(accepted(normaliseUrl('http://8.8.8.8/')).derived.map((d) => d.hashKey)).toEqual(['ip|8.8.8.8']);
    const v6 = accepted(normaliseUrl('http://[2001:DB8::1]:8080/x'));
    expect(v6.valueNorm).toBe('http://[2001:db8::1]:8080/x');
    expect(v6.derived.map((d) => d.hashKey)).toEqual(['ip|2001:db8::1']);
  });

  it('keeps a host with a port and credentials as given', () => {
    const url = accepted(normaliseUrl('http://www.vietcombank.com.vn@evil.top:8080/'));
    expect(url.valueNorm).toBe('http://www.vietcombank.com.vn@evil.top:8080/');
    expect(url.derived.map((d) => d.hashKey)).toEqual(['domain|evil.top']);
  });

  it('refuses other schemes and hosts that are no registrable domain', () => {
    for (const raw of [
      'javascript:alert(1)',
      'data:text/html,hi',
      'ftp://example.com/',
      'http://localhost/',
      'mailto:a@b.vn',
    ]) {
      expect(normaliseUrl(raw).ok).toBe(false);
    }
    expect(normaliseUrl('http://bank.notatld/')).toEqual({ ok: false, reason: 'fraud/indicator-unparseable' });
  });

  it('maps case, default port, fragment, empty query and trailing slashes to one indicator, idempotently', () => {
    fc.assert(
      fc.property(host, fc.array(segment, { maxLength: 3 }), query, fc.boolean(), (h, path, q, tls) => {
        const scheme = tls ? 'https' : 'http';
        const base = `${scheme}://${h}/${path.join('/')}${q === undefined ? '' : `?${q}`}`;
        const url = expectIdempotent(normaliseUrl, base);
        const port = tls ? ':443' : ':80';
        const variants = [
          `${scheme.toUpperCase()}://${h.toUpperCase()}${port}/${path.join('/')}${q === undefined ? '' : `?${q}`}`,
          `${base}#fragment`,
          q === undefined ? `${base}/?` : `${base}#`,
          q === undefined ? `${base}//` : base,
        ];
        for (const raw of variants) expect(accepted(normaliseUrl(raw)).hashKey).toBe(url.hashKey);
        expect(url.derived).toHaveLength(1);
      }),
      runs,
    );
  });
});
