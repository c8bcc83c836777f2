import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accepted, expectIdempotent, runs } from './indicator.fixtures.js';
import { normaliseIp } from './normalise-ip.js';

const octets = fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 4, maxLength: 4 });
const groups = fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 8, maxLength: 8 });

describe('normaliseIp', () => {
  it('writes IPv4 as four decimal octets and IPv6 compressed in lower case', () => {
    expect(accepted(normaliseIp('8.8.8.8')).facts).toEqual({ version: 4 });
    expect(accepted(normaliseIp('010.001.1.1')).valueNorm).toBe('10.1.1.1');
    const v6 = accepted(normaliseIp('[2001:0DB8:0000:0000:0000:0000:0000:0001]'));
    expect(v6.hashKey).toBe('ip|2001:db8::1');
    expect(v6.facts).toEqual({ version: 6 });
  });

  it('refuses shorthand, out-of-range and non-IP text', () => {
    for (const raw of ['1.2.3', '256.1.1.1', '0x7f.0.0.1', 'example.com', '2001:db8::zz', 'fe80::1%eth0', '::1::2']) {
      expect(normaliseIp(raw)).toEqual({ ok: false, reason: 'fraud/indicator-unparseable' });
    }
  });

  it('maps padded IPv4 octets to one indicator, idempotently', () => {
    fc.assert(
      fc.property(octets, fc.boolean(), (parts, pad) => {
        const plain = parts.join('.');
        const raw = pad ? parts.map((p) => String(p).padStart(3, '0')).join('.') : ` ${plain} `;
        expect(expectIdempotent(normaliseIp, raw).valueNorm).toBe(plain);
      }),
      runs,
    );
  });

  it('maps expanded, upper-case and bracketed IPv6 to one indicator, idempotently', () => {
    fc.assert(
      fc.property(groups, (parts) => {
        const expanded = parts.map((g) => g.toString(16).padStart(4, '0')).join(':');
        const canonical = accepted(normaliseIp(expanded));
        for (const raw of [expanded.toUpperCase(), `[${expanded}]`, parts.map((g) => g.toString(16)).join(':')]) {
          expect(expectIdempotent(normaliseIp, raw).hashKey).toBe(canonical.hashKey);
        }
      }),
      runs,
    );
  });
});
