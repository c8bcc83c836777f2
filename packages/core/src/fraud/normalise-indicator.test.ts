import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorCatalogue } from '../errors/error-codes.js';
import { maxIndicatorInputLength } from './indicator-result.js';
import { indicatorTypeCodes, indicatorTypes, isIndicatorType } from './indicator-types.js';
import { accepted, runs } from './indicator.fixtures.js';
import { normaliseIndicator } from './normalise-indicator.js';

/** One value of every type, as a reporter might type it, and its canonical key. */
const examples: Record<(typeof indicatorTypeCodes)[number], readonly [string, string]> = {
  phone: ['0912 345 678', 'phone|+84912345678'],
  'vn-account': ['VCB 0071 000 123 456', 'vn-account|VN:970436:0071000123456'],
  iban: ['gb82 west 1234 5698 7654 32', 'iban|GB82WEST12345698765432'],
  url: ['HTTP://User.GitHub.io/login#x', 'url|http://user.github.io/login'],
  domain: ['User.GitHub.io', 'domain|user.github.io'],
  ip: ['[2001:DB8::1]', 'ip|2001:db8::1'],
  btc: ['BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4', 'btc|bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4'],
  eth: ['0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed', 'eth|0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed'],
  tron: ['TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', 'tron|TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t'],
  'e-wallet': ['MoMo 0912345678', 'e-wallet|momo:+84912345678'],
  social: ['https://t.me/LuaDao_Bot', 'social|telegram:luadao_bot'],
  email: ['Support@Example.COM', 'email|support@example.com'],
};

/** Text a reporter could type: digits, letters, separators, Vietnamese letters and a few URL characters. */
const anyText = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: fc.constantFrom(...'0123456789 +-.:/@?#xXabcTvnêđ'), maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);

describe('normaliseIndicator', () => {
  it.each(indicatorTypeCodes)('normalises a %s and labels the type in both languages', (type) => {
    const [raw, hashKey] = examples[type];
    expect(accepted(normaliseIndicator(type, raw)).hashKey).toBe(hashKey);
    expect(indicatorTypes[type].code).toBe(type);
    expect(indicatorTypes[type].label.vi).not.toBe('');
    expect(indicatorTypes[type].label.en).not.toBe('');
  });

  it('passes hints on to the normaliser', () => {
    expect(accepted(normaliseIndicator('vn-account', '0071000123456', { bank: 'VCB' })).valueNorm).toBe(
      'VN:970436:0071000123456',
    );
    expect(accepted(normaliseIndicator('social', 'LuaDao', { platform: 'tiktok' })).valueNorm).toBe('tiktok:luadao');
  });

  it('refuses an unknown type and an oversized value', () => {
    expect(isIndicatorType('fax')).toBe(false);
    expect(normaliseIndicator('fax', '0912345678')).toEqual({ ok: false, reason: 'fraud/indicator-unknown-type' });
    const long = 'a'.repeat(maxIndicatorInputLength + 1);
    for (const type of indicatorTypeCodes) {
      expect(normaliseIndicator(type, long)).toEqual({ ok: false, reason: 'fraud/indicator-too-long' });
    }
  });

  it('never throws: any text becomes an idempotent indicator or a refusal with a catalogued code', () => {
    fc.assert(
      fc.property(fc.constantFrom(...indicatorTypeCodes), anyText, (type, raw) => {
        const result = normaliseIndicator(type, raw);
        if (!result.ok) {
          expect(errorCatalogue[result.reason]).toBe('invalid');
          return;
        }
        const again = accepted(normaliseIndicator(type, result.indicator.valueNorm));
        expect(again.hashKey).toBe(result.indicator.hashKey);
        expect(result.indicator.hashKey).toBe(`${type}|${result.indicator.valueNorm}`);
      }),
      { ...runs, numRuns: 600 },
    );
  });
});
