import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { identifierSchema } from './identifiers.js';

const valid = (value: unknown) => identifierSchema.safeParse(value).success;
const runs = { seed: 42, numRuns: 200 } as const;

/** ISO 13616 check, computed here independently of the schema: the remainder mod 97 of the rearranged IBAN. */
function mod97(numeric: string): number {
  let remainder = 0;
  for (const digit of numeric) remainder = (remainder * 10 + Number(digit)) % 97;
  return remainder;
}
const toNumeric = (text: string) => [...text].map((c) => (/[A-Z]/.test(c) ? String(c.charCodeAt(0) - 55) : c)).join('');
function ibanFor(country: string, bban: string): string {
  const check = 98 - mod97(toNumeric(`${bban}${country}00`));
  return `${country}${String(check).padStart(2, '0')}${bban}`;
}

const knownIbans = ['GB82 WEST 1234 5698 7654 32', 'DE89 3704 0044 0532 0130 00', 'FR14 2004 1010 0505 0001 3M02 606'];

describe('phone numbers', () => {
  it.each(['+84912345678', '+6561234567', '+12025550123', '+4420794600'])('accepts E.164 %s', (e164) => {
    expect(valid({ kind: 'phone', e164 })).toBe(true);
  });

  it.each(['0912345678', '+0912345678', '+84 912 345 678', '+84-912-345-678', '+12345', '+1234567890123456', ''])(
    'refuses %j',
    (e164) => {
      expect(valid({ kind: 'phone', e164 })).toBe(false);
    },
  );
});

describe('IP addresses', () => {
  const ip = (address: string, port: number | null, observedAt: string) => ({ kind: 'ip', address, port, observedAt });

  it('accepts IPv4 and IPv6 with port and a zoned timestamp', () => {
    expect(valid(ip('203.0.113.7', 443, '2026-11-02T14:03:11+07:00'))).toBe(true);
    expect(valid(ip('2001:db8::1', 51234, '2026-11-02T07:03:11Z'))).toBe(true);
    expect(valid(ip('2001:0db8:0000:0000:0000:ff00:0042:8329', 0, '2026-11-02T07:03:11.250-05:00'))).toBe(true);
    expect(valid(ip('198.51.100.1', null, '2026-11-02T07:03:11Z'))).toBe(true);
  });

  it('refuses a timestamp without its zone, or no timestamp', () => {
    expect(valid(ip('203.0.113.7', 443, '2026-11-02T14:03:11'))).toBe(false);
    expect(valid(ip('203.0.113.7', 443, '2026-11-02'))).toBe(false);
    expect(valid({ kind: 'ip', address: '203.0.113.7', port: 443 })).toBe(false);
  });

  it.each([
    ['an address out of range', ip('256.1.1.1', 80, '2026-11-02T07:03:11Z')],
    ['a host name', ip('example.com', 80, '2026-11-02T07:03:11Z')],
    ['a port out of range', ip('203.0.113.7', 65_536, '2026-11-02T07:03:11Z')],
    ['a fractional port', ip('203.0.113.7', 80.5, '2026-11-02T07:03:11Z')],
    ['a missing port', { kind: 'ip', address: '203.0.113.7', observedAt: '2026-11-02T07:03:11Z' }],
  ])('refuses %s', (_name, value) => {
    expect(valid(value)).toBe(false);
  });
});

describe('IBANs', () => {
  it.each(knownIbans)('accepts %s, with or without spaces, in any case', (iban) => {
    expect(valid({ kind: 'iban', iban })).toBe(true);
    expect(valid({ kind: 'iban', iban: iban.replace(/ /g, '') })).toBe(true);
    expect(valid({ kind: 'iban', iban: iban.toLowerCase() })).toBe(true);
  });

  it('stores the IBAN without spaces, in capitals', () => {
    expect(identifierSchema.parse({ kind: 'iban', iban: 'gb82 west 1234 5698 7654 32' })).toEqual({
      kind: 'iban',
      iban: 'GB82WEST12345698765432',
    });
  });

  it.each([
    'GB82 WEST 1234 5698 7654 33',
    'GB28 WEST 1234 5698 7654 32',
    'DE89 3704 0044 0532 0130 01',
    'GB82',
    'XX00 0000',
    'GB82 WEST 1234 5698 7654 3!',
  ])('refuses %s', (iban) => {
    expect(valid({ kind: 'iban', iban })).toBe(false);
  });

  it('refuses any single changed digit (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...knownIbans),
        fc.nat(),
        fc.integer({ min: 1, max: 9 }),
        (spaced, position, delta) => {
          const iban = spaced.replace(/ /g, '');
          const digits = [...iban].flatMap((c, i) => (/\d/.test(c) ? [i] : []));
          const at = digits[position % digits.length]!;
          const changed = `${iban.slice(0, at)}${(Number(iban[at]) + delta) % 10}${iban.slice(at + 1)}`;
          expect(valid({ kind: 'iban', iban: changed })).toBe(false);
        },
      ),
      runs,
    );
  });

  it('accepts IBANs built with a correct checksum, and refuses them with one digit changed (property)', () => {
    const bban = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 18, maxLength: 18 });
    fc.assert(
      fc.property(bban, fc.nat(), fc.integer({ min: 1, max: 9 }), (digits, position, delta) => {
        const iban = ibanFor('DE', digits);
        expect(valid({ kind: 'iban', iban })).toBe(true);
        const at = 2 + (position % (iban.length - 2));
        expect(
          valid({ kind: 'iban', iban: `${iban.slice(0, at)}${(Number(iban[at]) + delta) % 10}${iban.slice(at + 1)}` }),
        ).toBe(false);
      }),
      runs,
    );
  });
});

describe('domains', () => {
  it.each([
    'example.com',
    'mail.example.co.uk',
    'xn--bcher-kva.example',
    'xn--80ak6aa92e.com',
    'EXAMPLE.COM',
    'a-b.example',
  ])('accepts %s', (name) => {
    expect(valid({ kind: 'domain', name })).toBe(true);
  });

  it.each([
    'exa mple.com',
    '-example.com',
    'example-.com',
    'example',
    'example..com',
    'bücher.example',
    `${'a'.repeat(64)}.com`,
    'http://example.com',
  ])('refuses %j', (name) => {
    expect(valid({ kind: 'domain', name })).toBe(false);
  });
});

describe('wallets, e-mail addresses, URLs, accounts', () => {
  it('accepts wallet addresses of 20-100 letters and digits on a known chain', () => {
    expect(valid({ kind: 'wallet', chain: 'bitcoin', address: 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq' })).toBe(
      true,
    );
    expect(valid({ kind: 'wallet', chain: 'ethereum', address: '0x52908400098527886E0F7030069857D2E4169EE7' })).toBe(
      true,
    );
    expect(valid({ kind: 'wallet', chain: 'tron', address: 'TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7' })).toBe(true);
  });

  it.each([
    ['too short', { kind: 'wallet', chain: 'bitcoin', address: '1BoatSLRHtKNngkdXEeo'.slice(0, 19) }],
    ['with punctuation', { kind: 'wallet', chain: 'bitcoin', address: 'bc1q-ar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq' }],
    ['on an unknown chain', { kind: 'wallet', chain: 'dogecoin', address: 'DH5yaieqoZN36fDVciNyRueRGvGLR3mr7L' }],
  ])('refuses a wallet %s', (_name, value) => {
    expect(valid(value)).toBe(false);
  });

  it('checks e-mail addresses and http(s) URLs', () => {
    expect(valid({ kind: 'email', address: 'suspect.one@example.net' })).toBe(true);
    for (const address of ['not-an-email', 'a@', '@example.net', 'a b@example.net']) {
      expect(valid({ kind: 'email', address }), address).toBe(false);
    }
    expect(valid({ kind: 'url', url: 'https://example.com/path?q=1' })).toBe(true);
    expect(valid({ kind: 'url', url: 'ftp://example.com/file' })).toBe(false);
    expect(valid({ kind: 'url', url: 'javascript:alert(1)' })).toBe(false);
  });

  it('checks accounts and bank accounts, and refuses unknown kinds and keys', () => {
    expect(valid({ kind: 'account', service: 'ExampleMail', handle: 'suspect' })).toBe(true);
    expect(valid({ kind: 'account', service: ' ', handle: 'suspect' })).toBe(false);
    expect(valid({ kind: 'bank-account', bank: 'Vietcombank', accountNumber: '0071-000-123456', country: 'VN' })).toBe(
      true,
    );
    expect(valid({ kind: 'bank-account', bank: 'Vietcombank', accountNumber: '007 100', country: 'VN' })).toBe(false);
    expect(valid({ kind: 'bank-account', bank: 'Vietcombank', accountNumber: '0071000123456', country: 'vn' })).toBe(
      false,
    );
    expect(valid({ kind: 'imei', value: '490154203237518' })).toBe(false);
    expect(valid({ kind: 'phone', e164: '+84912345678', note: 'extra' })).toBe(false);
  });
});
