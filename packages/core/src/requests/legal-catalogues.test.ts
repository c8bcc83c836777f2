import { describe, expect, it } from 'vitest';
import { caseInputSchema, visiblePersons } from './case.schema.js';
import { countryProfiles, draftingWarnings } from './country-profiles.js';
import { citeLegalSource, practice, un } from './legal-source.js';
import { reasonCodeCatalogue, reasonCodes, reasonCodesFor } from './reason-codes.js';
import { requestTypeCodes } from './request-type-codes.js';
import { ids } from './request.fixtures.js';
import { conditionKinds, conditionSchema, conditionSources } from './responses.js';

describe('citeLegalSource', () => {
  it.each([
    [un(42), 'UN Convention against Cybercrime art. 42'],
    [un(42, '3'), 'UN Convention against Cybercrime art. 42(3)'],
    [un(42, '3(c)', false), 'UN Convention against Cybercrime art. 42(3)(c) [unverified]'],
    [un(2, 'h'), 'UN Convention against Cybercrime art. 2(h)'],
    [
      { instrument: 'BUDAPEST', article: '29', paragraph: '2', verified: true } as const,
      'Budapest Convention art. 29(2)',
    ],
    [practice('G8 checklist'), 'operational practice (G8/UNODC): G8 checklist'],
  ])('cites %j as %s', (source, expected) => {
    expect(citeLegalSource(source)).toBe(expected);
  });
});

describe('the reason codes', () => {
  it('are unique, each with a source and titles in both languages', () => {
    expect(new Set(reasonCodes).size).toBe(reasonCodes.length);
    for (const definition of reasonCodeCatalogue.values()) {
      expect(definition.title.en.length).toBeGreaterThan(0);
      expect(definition.title.vi.length).toBeGreaterThan(0);
      expect(citeLegalSource(definition.legalSource)).toContain(' art. ');
    }
  });

  it('mark exactly fiscal matters and bank secrecy as never a sole ground', () => {
    expect(
      [...reasonCodeCatalogue.values()].filter((d) => d.forbiddenAsSoleGround === true).map((d) => d.code),
    ).toEqual(['FISCAL_MATTER', 'BANK_SECRECY']);
  });

  it.each(requestTypeCodes)('give %s refusal grounds and exactly one postponement ground', (type) => {
    const refuse = reasonCodesFor(type, 'refuse').map((d) => d.code);
    expect(refuse).toEqual(
      expect.arrayContaining([
        'DISCRIMINATORY_PURPOSE',
        'DP_TRANSFER_UNLAWFUL',
        'POLITICAL_OFFENCE',
        'FISCAL_MATTER',
        'BANK_SECRECY',
      ]),
    );
    expect(refuse).not.toContain('INTERFERES_WITH_PROCEEDINGS');
    expect(reasonCodesFor(type, 'postpone').map((d) => d.code)).toEqual(['INTERFERES_WITH_PROCEEDINGS']);
  });

  it('keep type-specific grounds to their types', () => {
    expect(reasonCodesFor('PRESERVATION_42', 'refuse').map((d) => d.code)).toContain('DC_RESERVATION_PRESERVATION');
    expect(reasonCodesFor('MLA_40', 'refuse').map((d) => d.code)).not.toContain('DC_RESERVATION_PRESERVATION');
    expect(reasonCodesFor('EXTRADITION_37', 'refuse').map((d) => d.code)).toContain('NATIONALITY_AUT_DEDERE');
    expect(reasonCodesFor('PRESERVATION_42', 'refuse').map((d) => d.code)).not.toContain('NO_DUAL_CRIMINALITY');
    expect(reasonCodesFor('LE_INFO_47', 'refuse').map((d) => d.code)).not.toContain('ESSENTIAL_INTERESTS');
  });
});

describe('conditions', () => {
  it('carry a legal source per kind and need words', () => {
    for (const kind of conditionKinds) {
      expect(citeLegalSource(conditionSources[kind])).toMatch(/^UN Convention against Cybercrime art\. (36|40)/);
    }
    expect(conditionSchema.safeParse({ kind: 'CONFIDENTIALITY', text: 'Keep it confidential' }).success).toBe(true);
    expect(conditionSchema.safeParse({ kind: 'CONFIDENTIALITY', text: '  ' }).success).toBe(false);
    expect(conditionSchema.safeParse({ kind: 'EMBARGO', text: 'x' }).success).toBe(false);
  });
});

describe('draftingWarnings', () => {
  const draft = { type: 'PRESERVATION_42', legalBasis: 'UN', languages: ['en'], conventionOffence: true } as const;

  it('is silent when language, basis and reservations fit', () => {
    expect(draftingWarnings(draft, 'SG')).toEqual([]);
    expect(draftingWarnings({ ...draft, languages: ['vi'] }, 'VN')).toEqual([]);
  });

  it('warns about a language, a basis or a reservation of the requested State', () => {
    expect(draftingWarnings({ ...draft, languages: ['vi'] }, 'SG').map((w) => w.code)).toEqual([
      'language-not-accepted',
    ]);
    expect(draftingWarnings({ ...draft, legalBasis: 'RECIPROCITY' }, 'SG').map((w) => w.code)).toEqual([
      'basis-not-accepted',
    ]);
    expect(draftingWarnings({ ...draft, legalBasis: 'BUDAPEST' }, 'VN').map((w) => w.code)).toEqual([
      'basis-not-accepted',
    ]);
    const reserved = draftingWarnings({ ...draft, conventionOffence: false }, 'SG');
    expect(reserved.map((w) => w.code)).toEqual(['reservation-applies']);
    expect(reserved[0]?.message).toContain('UN art. 42(4)');
    expect(draftingWarnings({ ...draft, type: 'MLA_40', conventionOffence: false }, 'SG')).toEqual([]);
  });

  it('warns that a State without a profile cannot be checked', () => {
    expect(draftingWarnings(draft, 'ZZ').map((w) => w.code)).toEqual(['unknown-state']);
  });

  it('marks the seeded profiles as illustrative', () => {
    for (const profile of Object.values(countryProfiles)) expect(profile.illustrative).toBe(true);
  });
});

describe('case files', () => {
  const base = {
    domesticReference: 'VKS-2026-17',
    title: 'Hospital ransomware',
    summary: 'Encrypted on 30 October',
    offences: [{ code: 'ART_9', statutoryMaxPenaltyYears: 7, conductDescription: 'Encrypted the data' }],
  };

  it('parses a minimal case and fills the defaults', () => {
    expect(caseInputSchema.parse(base)).toMatchObject({
      persons: [],
      identifiers: [],
      jurisdictionBases: [],
      parallelProceedings: [],
    });
  });

  it('refuses no offence, control characters and unknown fields', () => {
    expect(caseInputSchema.safeParse({ ...base, offences: [] }).success).toBe(false);
    expect(caseInputSchema.safeParse({ ...base, title: 'Hospital\u0007' }).success).toBe(false);
    expect(caseInputSchema.safeParse({ ...base, secret: true }).success).toBe(false);
  });

  it('shows a protected witness only to the officers named', () => {
    const parsed = caseInputSchema.parse({
      ...base,
      persons: [
        { role: 'suspect', name: 'A' },
        { role: 'witness', name: 'B', protectedWitness: true, visibleTo: [ids.caOfficer] },
      ],
    });
    expect(visiblePersons(parsed.persons, ids.caOfficer).map((p) => p.name)).toEqual(['A', 'B']);
    expect(visiblePersons(parsed.persons, ids.drafter).map((p) => p.name)).toEqual(['A']);
    expect(visiblePersons(parsed.persons, null).map((p) => p.name)).toEqual(['A']);
  });
});
