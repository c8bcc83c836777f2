import { describe, expect, it } from 'vitest';
import { citeLegalSource, isVerified, officialTexts, verificationProblems } from '../requests/legal-source.js';
import { allLegalSources, legalCatalogues } from './legal-sources.js';

const located = allLegalSources();

describe('every legal source the product holds', () => {
  it.each(Object.keys(legalCatalogues))('is found in %s', (name) => {
    expect(
      located.filter((l) => l.where === name || l.where.startsWith(`${name}.`) || l.where.startsWith(`${name}[`))
        .length,
    ).toBeGreaterThan(0);
  });

  it('reaches into fields, per-basis sources, transitions and rules', () => {
    const where = located.map((l) => l.where);
    for (const place of [
      'requestTypes.PRESERVATION_42.fields[0].legalSource',
      'requestTypes.PRESERVATION_42.fields[0].sourceFor.BUDAPEST',
      'requestTypes.INTERCEPTION_46.sourceFor.BUDAPEST',
      'deadlineRules[4].sourceFor.INTERCEPTION_46',
      'groundRules[0].source',
      'countryProfiles.SG.reservations[0].legalSource',
    ]) {
      expect(where).toContain(place);
    }
    expect(where.some((w) => /^stateMachines\.\w+\.transitions\[\d+\]\.legalSource$/.test(w))).toBe(true);
    expect(where.some((w) => /^orderTransitions\[\d+\]\.legalSource$/.test(w))).toBe(true);
  });

  it('cites each one', () => {
    for (const { where, source } of located) expect(citeLegalSource(source), where).not.toBe('');
  });

  it('marks a citation verified only with the official text, paragraph, quotation, reviewer and date', () => {
    const verified = located.filter((l) => l.source.verification !== undefined);
    for (const { where, source } of verified) {
      expect(verificationProblems(source), where).toEqual([]);
      expect(source.verification?.officialText, where).toBe(officialTexts[source.instrument]);
      expect(isVerified(source), where).toBe(true);
    }
  });

  it('marks no UN citation verified while the official text (A/RES/79/243, annex) has not been read', () => {
    expect(located.filter((l) => l.source.instrument === 'UN' && isVerified(l.source)).map((l) => l.where)).toEqual([]);
  });
});
