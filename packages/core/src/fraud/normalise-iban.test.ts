import fc from 'fast-check';
import { composeIBAN } from 'ibantools';
import { describe, expect, it } from 'vitest';
import { accepted, expectIdempotent, otherChar, replaceAt, runs } from './indicator.fixtures.js';
import { normaliseIban } from './normalise-iban.js';

/** German IBANs: an 18-digit BBAN, check digits computed by ibantools from random digits. */
const germanIban = fc
  .stringMatching(/^\d{18}$/)
  .map((bban) => composeIBAN({ countryCode: 'DE', bban }))
  .filter((iban): iban is string => iban !== null);

/** Writes an IBAN the ways people do: groups of four, lower case, dashes, an "IBAN" label. */
function variants(iban: string): string[] {
  const groups = iban.match(/.{1,4}/g)!;
  return [iban, groups.join(' '), iban.toLowerCase(), groups.join('-'), `IBAN ${groups.join(' ')}`, `iban:${iban}`];
}

describe('normaliseIban', () => {
  it('keeps the electronic format and shows groups of four', () => {
    const iban = accepted(normaliseIban('GB82 WEST 1234 5698 7654 32'));
    expect(iban.hashKey).toBe('iban|GB82WEST12345698765432');
    expect(iban.valueDisplay).toBe('GB82 WEST 1234 5698 7654 32');
    expect(iban.facts).toEqual({ country: 'GB' });
    expect(accepted(normaliseIban('nl91 abna 0417 1643 00')).valueNorm).toBe('NL91ABNA0417164300');
  });

  it('refuses a wrong check digit as a checksum error and anything else as unparseable', () => {
    expect(normaliseIban('GB82WEST12345698765433')).toEqual({ ok: false, reason: 'fraud/indicator-invalid-checksum' });
    expect(normaliseIban('GB82WEST1234')).toEqual({ ok: false, reason: 'fraud/indicator-unparseable' });
    expect(normaliseIban('not an iban')).toEqual({ ok: false, reason: 'fraud/indicator-unparseable' });
  });

  it('maps formatting variants of one IBAN to one indicator, idempotently', () => {
    fc.assert(
      fc.property(germanIban, (iban) => {
        for (const raw of variants(iban)) expect(expectIdempotent(normaliseIban, raw).valueNorm).toBe(iban);
      }),
      runs,
    );
  });

  it('refuses an IBAN with one digit changed', () => {
    fc.assert(
      fc.property(germanIban, fc.nat(), fc.nat(), (iban, at, pick) => {
        const position = 2 + (at % (iban.length - 2));
        const changed = replaceAt(iban, position, otherChar('0123456789', iban[position]!, pick));
        expect(normaliseIban(changed)).toEqual({ ok: false, reason: 'fraud/indicator-invalid-checksum' });
      }),
      runs,
    );
  });
});
