import fc from 'fast-check';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { accepted, expectIdempotent, grouped, runs, separator } from './indicator.fixtures.js';
import { normalisePhone } from './normalise-phone.js';

/** Viettel, Vinaphone, MobiFone, Vietnamobile and Gmobile mobile prefixes (after the leading 0). */
const mobilePrefixes = ['32', '33', '34', '35', '36', '37', '38', '39', '70', '76', '77', '78', '79', '81', '82'];
const morePrefixes = ['83', '84', '85', '86', '88', '89', '90', '91', '93', '94', '96', '97', '98', '56', '58'];
const vnMobile = fc
  .tuple(fc.constantFrom(...mobilePrefixes, ...morePrefixes), fc.stringMatching(/^\d{7}$/))
  .map(([prefix, rest]) => `${prefix}${rest}`)
  // Fraud brief §7: keep only the numbers the metadata knows as mobile (not every range of a prefix is allocated).
  .filter((subscriber) => parsePhoneNumberFromString(`0${subscriber}`, 'VN')?.getType() === 'MOBILE');

describe('normalisePhone', () => {
  it('writes the brief examples in E.164 with their line type', () => {
    for (const raw of ['0912 345 678', '+84 912345678', '0084912345678', '(+84) 912-345-678', 'tel:+84912345678']) {
      const phone = accepted(normalisePhone(raw));
      expect(phone.hashKey).toBe('phone|+84912345678');
      expect(phone.facts).toEqual({ lineType: 'MOBILE', country: 'VN' });
    }
    expect(accepted(normalisePhone('1900 1234')).facts['lineType']).toBe('PREMIUM_RATE');
    expect(accepted(normalisePhone('1800 1234')).facts['lineType']).toBe('TOLL_FREE');
  });

  it('reads full-width digits as ASCII', () => {
    expect(accepted(normalisePhone('０９１２３４５６７８')).valueNorm).toBe('+84912345678');
  });

  it('uses the default country hint for national numbers, and ignores an unknown one', () => {
    expect(accepted(normalisePhone('020 7946 0018', { defaultCountry: 'GB' })).valueNorm).toBe('+442079460018');
    expect(accepted(normalisePhone('0912345678', { defaultCountry: 'ZZ' })).valueNorm).toBe('+84912345678');
    expect(accepted(normalisePhone('+44 20 7946 0018')).facts['country']).toBe('GB');
  });

  it('refuses text that is no number, and numbers no plan allows', () => {
    expect(normalisePhone('call me')).toEqual({ ok: false, reason: 'fraud/indicator-unparseable' });
    expect(normalisePhone('0912')).toEqual({ ok: false, reason: 'fraud/indicator-invalid-number' });
    expect(normalisePhone('   ')).toEqual({ ok: false, reason: 'fraud/indicator-unparseable' });
    expect(normalisePhone('0'.repeat(5000))).toEqual({ ok: false, reason: 'fraud/indicator-too-long' });
  });

  it('maps national, +84, 0084 and 84 forms with any grouping to one indicator, idempotently', () => {
    fc.assert(
      fc.property(
        vnMobile,
        fc.constantFrom('0', '+84', '0084', '+84 ', '84'),
        separator,
        fc.array(fc.nat(), { maxLength: 3 }),
        (subscriber, prefix, sep, cuts) => {
          const phone = expectIdempotent(normalisePhone, `${prefix}${grouped(subscriber, cuts, sep)}`);
          expect(phone.valueNorm).toBe(`+84${subscriber}`);
          expect(phone.facts['lineType']).toBe('MOBILE');
        },
      ),
      runs,
    );
  });
});
