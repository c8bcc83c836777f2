import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { citeLegalSource } from './legal-source.js';
import {
  checkEligibility,
  extraditionThresholdYears,
  offenceCatalogue,
  offenceCodes,
  seriousCrimeSource,
  seriousCrimeThresholdYears,
  type OffenceForEligibility,
} from './offences.js';

const other = (years: number | null): OffenceForEligibility => ({ code: 'OTHER', statutoryMaxPenaltyYears: years });

describe('the offence catalogue', () => {
  it('lists Arts 7-17 of the Convention, each with its article, and OTHER without one', () => {
    expect(offenceCodes).toEqual([
      'ART_7',
      'ART_8',
      'ART_9',
      'ART_10',
      'ART_11',
      'ART_12',
      'ART_13',
      'ART_14',
      'ART_15',
      'ART_16',
      'ART_17',
      'OTHER',
    ]);
    for (const code of offenceCodes.filter((c) => c !== 'OTHER')) {
      expect(offenceCatalogue[code].legalSource).toEqual({ instrument: 'UN', article: code.slice(4) });
      expect(offenceCatalogue[code].title.en.length).toBeGreaterThan(0);
      expect(offenceCatalogue[code].title.vi.length).toBeGreaterThan(0);
    }
    expect(offenceCatalogue.OTHER.legalSource).toBeNull();
  });

  it('uses the thresholds of arts 2(h) and 37(1)', () => {
    expect(seriousCrimeThresholdYears).toBe(4);
    // Unverified: its earlier "verified" mark had no recorded reading of the official text.
    expect(citeLegalSource(seriousCrimeSource)).toBe('UN Convention against Cybercrime art. 2(h) [unverified]');
    expect(extraditionThresholdYears).toBe(1);
  });
});

describe('checkEligibility', () => {
  it('finds a Convention offence eligible, whatever else is recorded', () => {
    expect(checkEligibility([{ code: 'ART_13', statutoryMaxPenaltyYears: 2 }])).toEqual({
      eligible: true,
      basis: 'convention-offence',
      warnings: [],
    });
    expect(checkEligibility([other(1), { code: 'ART_7', statutoryMaxPenaltyYears: null }])).toEqual({
      eligible: true,
      basis: 'convention-offence',
      warnings: [],
    });
  });

  it('finds a domestic offence with a maximum of four years or more a serious crime', () => {
    expect(checkEligibility([other(4)])).toEqual({ eligible: true, basis: 'serious-crime', warnings: [] });
    expect(checkEligibility([other(3), other(12)])).toEqual({ eligible: true, basis: 'serious-crime', warnings: [] });
  });

  it('does not pass a three-year domestic offence silently', () => {
    const result = checkEligibility([other(3)]);
    expect(result).toMatchObject({ eligible: false, basis: null });
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toContain('no Convention offence and no serious crime');
    expect(result.warnings[0]).toContain('UN art. 2(h)');
    expect(checkEligibility([other(3.99)]).eligible).toBe(false);
  });

  it('warns when the maximum penalty is not recorded', () => {
    const result = checkEligibility([other(null)]);
    expect(result).toMatchObject({ eligible: false, basis: null });
    expect(result.warnings[0]).toContain('maximum penalty is not recorded');
    expect(checkEligibility([other(2), other(null)]).warnings[0]).toContain('maximum penalty is not recorded');
  });

  it('warns when no offence is recorded', () => {
    const result = checkEligibility([]);
    expect(result).toMatchObject({ eligible: false, basis: null });
    expect(result.warnings[0]).toContain('no offence is recorded');
  });

  it('either finds a basis or explains why not, never a silent refusal or pass (property)', () => {
    const offence = fc.record({
      code: fc.constantFrom(...offenceCodes),
      statutoryMaxPenaltyYears: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(offence, { maxLength: 6 }), (offences) => {
        const result = checkEligibility(offences);
        const convention = offences.some((o) => o.code !== 'OTHER');
        const serious = offences.some((o) => (o.statutoryMaxPenaltyYears ?? 0) >= 4);
        expect(result.eligible).toBe(convention || serious);
        expect(result.basis).toBe(convention ? 'convention-offence' : serious ? 'serious-crime' : null);
        expect(result.eligible ? result.warnings.length === 0 : result.warnings.length === 1).toBe(true);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
