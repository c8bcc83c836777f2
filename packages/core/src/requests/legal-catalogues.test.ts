import { describe, expect, it } from 'vitest';
import { caseInputSchema, visiblePersons } from './case.schema.js';
import {
  countryProfiles,
  draftingWarningCodes,
  draftingWarnings,
  draftingWarningText,
  reservationTexts,
} from './country-profiles.js';
import { budapestCite } from './budapest-citations.js';
import { groundsFor } from './ground-rules.js';
import { citeLegalSource, isVerified, practice, un, type LegalBasis, type Verification } from './legal-source.js';
import { reasonCodeCatalogue, reasonCodes } from './reason-codes.js';
import { requestTypeCodes, type RequestTypeCode } from './request-type-codes.js';
import { requestTypes } from './types/registry.js';
import { ids } from './request.fixtures.js';
import { conditionKinds, conditionSchema, conditionSources } from './responses.js';

describe('citeLegalSource', () => {
  it.each([
    [un(42), 'UN Convention against Cybercrime art. 42 [unverified]'],
    [un(42, '3'), 'UN Convention against Cybercrime art. 42(3) [unverified]'],
    [un(42, '2(c)'), 'UN Convention against Cybercrime art. 42(2)(c) [unverified]'],
    [un(2, 'h'), 'UN Convention against Cybercrime art. 2(h) [unverified]'],
    [budapestCite.preservation.contents.data, 'Budapest Convention art. 29(2)(c)'],
    [{ instrument: 'BUDAPEST', article: '29', paragraph: '2' } as const, 'Budapest Convention art. 29(2) [unverified]'],
    [practice('G8 checklist'), 'operational practice (G8/UNODC): G8 checklist'],
  ])('cites %j as %s', (source, expected) => {
    expect(citeLegalSource(source)).toBe(expected);
  });

  it('calls a citation verified only with a complete verification against the official text', () => {
    const checked = budapestCite.mla.politicalOffence;
    const verification: Verification = { ...checked.verification };
    expect(isVerified(checked)).toBe(true);
    const without = (part: keyof Verification) =>
      isVerified({ ...checked, verification: { ...verification, [part]: '' } });
    for (const part of ['officialText', 'paragraph', 'quote', 'verifiedBy', 'verifiedOn'] as const) {
      expect(without(part), part).toBe(false);
    }
    expect(isVerified({ ...checked, verification: { ...verification, officialText: 'a translation' } })).toBe(false);
    expect(isVerified({ ...un(40, '21(a)'), verification })).toBe(false);
    expect(citeLegalSource({ ...checked, verification: { ...verification, quote: '' } })).toContain('[unverified]');
  });
});

describe('the reason codes', () => {
  it('are unique, with titles in both languages and a scope', () => {
    expect(new Set(reasonCodes).size).toBe(reasonCodes.length);
    for (const definition of reasonCodeCatalogue.values()) {
      expect(definition.title.en.length).toBeGreaterThan(0);
      expect(definition.title.vi.length).toBeGreaterThan(0);
      expect(definition.scope.length).toBeGreaterThan(0);
    }
  });

  it('mark exactly fiscal matters and bank secrecy as never a sole ground', () => {
    expect(
      [...reasonCodeCatalogue.values()].filter((d) => d.forbiddenAsSoleGround === true).map((d) => d.code),
    ).toEqual(['FISCAL_MATTER', 'BANK_SECRECY']);
  });

  it.each(requestTypeCodes)('give %s grounds on every basis it allows, each cited to an article', (type) => {
    for (const basis of requestTypes[type].allowedBases) {
      const refuse = groundsFor(type, basis, 'refuse');
      for (const ground of refuse) {
        expect(ground.definition.group, `${type} ${basis}`).not.toBe('POSTPONEMENT');
        expect(citeLegalSource(ground.legalSource)).not.toBe('');
      }
      for (const ground of groundsFor(type, basis, 'postpone')) {
        expect(ground.definition.code).toBe('INTERFERES_WITH_PROCEEDINGS');
      }
    }
  });

  it('never offer the political-offence ground on the UN basis (the UN text has none)', () => {
    for (const type of requestTypeCodes) {
      expect(
        groundsFor(type, 'UN', 'refuse').map((g) => g.definition.code),
        type,
      ).not.toContain('POLITICAL_OFFENCE');
    }
  });

  it('keep type-specific grounds to their types', () => {
    const codes = (type: RequestTypeCode, basis: LegalBasis = 'UN') =>
      groundsFor(type, basis, 'refuse').map((g) => g.definition.code);
    expect(codes('PRESERVATION_42')).toContain('DC_RESERVATION_PRESERVATION');
    expect(codes('MLA_40')).not.toContain('DC_RESERVATION_PRESERVATION');
    expect(codes('EXTRADITION_37')).toContain('NATIONALITY_AUT_DEDERE');
    expect(codes('PRESERVATION_42')).not.toContain('NO_DUAL_CRIMINALITY');
    expect(codes('FREEZE_CONFISCATE_50')).toContain('DE_MINIMIS');
    expect(codes('MLA_40')).not.toContain('DE_MINIMIS');
    // The police-to-police exchange and spontaneous information have no refusal to ground.
    expect(codes('LE_INFO_47')).toEqual([]);
    expect(codes('SPONTANEOUS_40_51', 'RECIPROCITY')).toEqual([]);
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
    expect(reserved).toEqual([
      {
        code: 'reservation-applies',
        params: {
          state: 'SG',
          reservation: 'ART42_DUAL_CRIMINALITY',
          source: 'UN Convention against Cybercrime art. 42(4) [unverified]',
        },
      },
    ]);
    expect(draftingWarnings({ ...draft, type: 'MLA_40', conventionOffence: false }, 'SG')).toEqual([]);
  });

  it('puts each warning in words in both languages, from its code and parameters', () => {
    const [language] = draftingWarnings({ ...draft, languages: ['vi'] }, 'SG');
    expect(draftingWarningText(language!)).toEqual({
      en:
        'Singapore accepts English; this request has no English text (UN Convention ' +
        'against Cybercrime art. 40(14) [unverified])',
      vi:
        'Singapore chấp nhận tiếng Anh; yêu cầu này chưa có bản tiếng Anh (UN Convention ' +
        'against Cybercrime art. 40(14) [unverified])',
    });
    const [reserved] = draftingWarnings({ ...draft, conventionOffence: false }, 'SG');
    const text = draftingWarningText(reserved!);
    expect(text.en).toBe(
      `Singapore ${reservationTexts.ART42_DUAL_CRIMINALITY.en} (UN Convention ` +
        `against Cybercrime art. 42(4) [unverified])`,
    );
    expect(text.vi).toContain(reservationTexts.ART42_DUAL_CRIMINALITY.vi);
    for (const code of draftingWarningCodes) {
      const words = draftingWarningText({
        code,
        params: { state: 'FR', languages: 'fr,en', basis: 'UN', accepted: 'UN' },
      });
      expect(words.en, code).not.toBe(words.vi);
    }
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
