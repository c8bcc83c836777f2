import { describe, expect, it } from 'vitest';
import { legalBases, type LegalBasis } from '../legal-source.js';
import { completeDetails, typesWithoutBasisFields, type Details } from '../request.fixtures.js';
import { requestTypeCodes, type RequestTypeCode } from '../request-type-codes.js';
import { requestTypes, validateRequestDetails, type DetailsValidation } from './registry.js';

/**
 * Required on every basis, written out from the Convention's content lists (UN arts 37, 40(15), 42(2), 43-48, 50, 52).
 */
const mlaContent = ['requestingAuthority', 'subjectMatter', 'factsSummary', 'assistanceSought', 'purpose'];
const realTime = [
  'requestingAuthority',
  'factsSummary',
  'communications',
  'ownerOrLocation',
  'justification',
  'collectionPeriod',
  'periodJustification',
  'identifiers',
];
const required: Readonly<Record<RequestTypeCode, readonly string[]>> = {
  PRESERVATION_42: [
    'seekingAuthority',
    'offenceSummary',
    'dataToPreserve',
    'dataCategories',
    'custodianOrLocation',
    'necessity',
    'mlaWillFollow',
    'identifiers',
    'contact24x7',
  ],
  TRAFFIC_PATH_43: ['relatedPreservationReference', 'serviceProviderIdentity', 'serviceProviderCountry', 'pathData'],
  MLA_40: ['assistanceTypes', 'requestingAuthority', 'subjectMatter', 'assistanceSought', 'purpose'],
  STORED_DATA_44: [...mlaContent, 'dataDescription', 'identifiers'],
  REALTIME_TRAFFIC_45: realTime,
  INTERCEPTION_46: [...realTime, 'domesticAuthorisation'],
  LE_INFO_47: ['requestingAgency', 'subject', 'informationSought', 'purpose'],
  SPONTANEOUS_40_51: ['providingAuthority', 'informationProvided', 'relevance'],
  JIT_48: [...mlaContent, 'memberStates', 'duration', 'agreementSummary'],
  FREEZE_CONFISCATE_50: [...mlaContent, 'measure', 'propertyDescription', 'propertyLocation'],
  RETURN_52: [...mlaContent, 'propertyDescription', 'confiscationOrderReference', 'returnPurpose'],
  EXTRADITION_37: ['personSought', 'warrantReference', 'offenceDescription', 'maxPenaltyYears'],
  PROVISIONAL_ARREST_37: ['personSought', 'warrantReference', 'urgency', 'extraditionWillFollow'],
  OTHER_ASSISTANCE: mlaContent,
};

/**
 * Bases each type may rely on: the Budapest Convention has no asset-recovery articles. It does provide
 * for extradition and provisional arrest (art. 24) and interception (art. 34).
 */
const notAllowed: readonly (readonly [RequestTypeCode, LegalBasis])[] = [
  ['FREEZE_CONFISCATE_50', 'BUDAPEST'],
  ['RETURN_52', 'BUDAPEST'],
];

const cases = requestTypeCodes.flatMap((type) =>
  requestTypes[type].allowedBases.map((basis) => [type, basis] as const),
);

function missingOf(result: DetailsValidation): string[] {
  if (!result.ok) throw new Error(`expected a valid draft, got ${JSON.stringify(result.issues)}`);
  return result.missing.map((m) => m.path);
}
function issuesOf(result: DetailsValidation): string[] {
  if (result.ok) throw new Error('expected invalid details');
  return result.issues.map((i) => i.path);
}
const expectedMissing = (type: RequestTypeCode, basis: LegalBasis) => {
  const basisFields = typesWithoutBasisFields.includes(type)
    ? []
    : basis === 'BILATERAL'
      ? ['treatyReference']
      : basis === 'RECIPROCITY'
        ? ['reciprocityAssurance']
        : [];
  return [...required[type], ...basisFields].map((f) => `/details/${f}`).sort();
};

describe('validateRequestDetails', () => {
  it('allows exactly the expected bases', () => {
    for (const type of requestTypeCodes) {
      const expected = legalBases.filter((b) => !notAllowed.some(([t, nb]) => t === type && nb === b));
      expect(requestTypes[type].allowedBases, type).toEqual(expected);
    }
  });

  it.each(cases)('%s on the %s basis: an empty draft lists every required field with its source', (type, basis) => {
    for (const empty of [{}, undefined, null]) {
      const result = validateRequestDetails(type, basis, empty);
      expect(missingOf(result).sort()).toEqual(expectedMissing(type, basis));
      if (result.ok) {
        for (const m of result.missing) {
          expect(m.message).toMatch(
            new RegExp(
              String.raw` is required \((UN Convention against Cybercrime|Budapest Convention|bilateral treaty|` +
                String.raw`reciprocity|operational practice).+\)$`,
            ),
          );
        }
      }
    }
  });

  it.each(cases)('%s on the %s basis: the fixture is complete and valid', (type, basis) => {
    const result = validateRequestDetails(type, basis, completeDetails(type, basis));
    expect(missingOf(result)).toEqual([]);
  });

  it.each(notAllowed)('refuses %s on the %s basis', (type, basis) => {
    const result = validateRequestDetails(type, basis, completeDetails(type));
    expect(issuesOf(result)).toEqual(['/legalBasis']);
    if (!result.ok) expect(result.issues[0]?.message).toContain(`${basis} is not a legal basis`);
  });

  it('saves a half-written draft and lists what is still missing', () => {
    const result = validateRequestDetails('LE_INFO_47', 'UN', { subject: 'A phone number' });
    expect(missingOf(result)).toEqual(['/details/requestingAgency', '/details/informationSought', '/details/purpose']);
  });

  it('refuses wrong types with their paths', () => {
    const wrong: Details = {
      ...completeDetails('PRESERVATION_42'),
      mlaWillFollow: false,
      dataCategories: ['subscriber', 'location'],
      identifiers: [{ kind: 'ip', address: '203.0.113.7', port: 443, observedAt: '2026-10-30T14:03:11' }],
      contact24x7: '   ',
    };
    expect(issuesOf(validateRequestDetails('PRESERVATION_42', 'UN', wrong)).sort()).toEqual(
      [
        '/details/contact24x7',
        '/details/dataCategories/1',
        '/details/identifiers/0/observedAt',
        '/details/mlaWillFollow',
      ].sort(),
    );
    expect(
      issuesOf(
        validateRequestDetails('JIT_48', 'UN', {
          duration: { from: '2027-01-02T00:00:00Z', to: '2027-01-01T00:00:00Z' },
        }),
      ),
    ).toEqual(['/details/duration']);
    expect(issuesOf(validateRequestDetails('TRAFFIC_PATH_43', 'UN', { serviceProviderCountry: 'sg' }))).toEqual([
      '/details/serviceProviderCountry',
    ]);
    expect(issuesOf(validateRequestDetails('MLA_40', 'UN', 'not an object'))).toEqual(['/details']);
  });

  it('refuses unknown fields, naming them, including the basis fields of types that have none', () => {
    expect(issuesOf(validateRequestDetails('MLA_40', 'UN', { ...completeDetails('MLA_40'), hiddenNote: 'x' }))).toEqual(
      ['/details/hiddenNote'],
    );
    expect(
      issuesOf(
        validateRequestDetails('LE_INFO_47', 'BILATERAL', {
          ...completeDetails('LE_INFO_47'),
          treatyReference: 'MLAT',
        }),
      ),
    ).toEqual(['/details/treatyReference']);
    expect(
      issuesOf(validateRequestDetails('EXTRADITION_37', 'UN', { personSought: { name: 'A', alias: 'B' } })),
    ).toEqual(['/details/personSought/alias']);
  });

  describe('MLA_40: facts may be left out only for service of documents (art. 40(15)(c))', () => {
    const withoutFacts = (assistanceTypes: string[]) => {
      const details: Details = { ...completeDetails('MLA_40'), assistanceTypes };
      delete details['factsSummary'];
      return validateRequestDetails('MLA_40', 'UN', details);
    };

    it('does not need facts for service of documents alone', () => {
      expect(missingOf(withoutFacts(['service-of-documents']))).toEqual([]);
    });

    it('needs facts for anything else', () => {
      expect(missingOf(withoutFacts(['service-of-documents', 'taking-evidence']))).toEqual(['/details/factsSummary']);
      expect(missingOf(withoutFacts(['records']))).toEqual(['/details/factsSummary']);
      expect(
        missingOf(
          validateRequestDetails('MLA_40', 'UN', { ...completeDetails('MLA_40'), assistanceTypes: ['records'] }),
        ),
      ).toEqual([]);
    });
  });

  describe('FREEZE_CONFISCATE_50: enforcing a foreign order (art. 50(3)(b))', () => {
    const enforce = (extra: Details) =>
      validateRequestDetails('FREEZE_CONFISCATE_50', 'UN', {
        ...completeDetails('FREEZE_CONFISCATE_50'),
        measure: 'enforce-foreign-order',
        ...extra,
      });

    it('needs the order, its finality and notice to third parties', () => {
      expect(missingOf(enforce({}))).toEqual([
        '/details/orderReference',
        '/details/orderIsFinal',
        '/details/thirdPartyNotice',
      ]);
      expect(
        missingOf(enforce({ orderReference: 'Judgment 7/2026', orderIsFinal: false, thirdPartyNotice: 'Published' })),
      ).toEqual(['/details/orderIsFinal']);
      expect(
        missingOf(enforce({ orderReference: 'Judgment 7/2026', orderIsFinal: true, thirdPartyNotice: 'Published' })),
      ).toEqual([]);
    });

    it('does not ask for an order to freeze', () => {
      expect(
        missingOf(validateRequestDetails('FREEZE_CONFISCATE_50', 'UN', completeDetails('FREEZE_CONFISCATE_50'))),
      ).toEqual([]);
    });
  });

  describe('EXTRADITION_37: at least one year in both States (art. 37(1))', () => {
    it.each([
      [0.5, ['/details/maxPenaltyYears']],
      [0, ['/details/maxPenaltyYears']],
      [1, []],
      [20, []],
    ] as const)('a maximum of %s years', (years, missing) => {
      const result = validateRequestDetails('EXTRADITION_37', 'UN', {
        ...completeDetails('EXTRADITION_37'),
        maxPenaltyYears: years,
      });
      expect(missingOf(result)).toEqual(missing);
      if (result.ok && missing.length > 0) expect(result.missing[0]?.message).toContain('art. 37(1)');
    });

    it.each([
      [0.5, ['/details/requestedStateMaxPenaltyYears']],
      [1, []],
    ] as const)('a maximum of %s years in the requested State, when the request states it', (years, missing) => {
      const result = validateRequestDetails('EXTRADITION_37', 'UN', {
        ...completeDetails('EXTRADITION_37'),
        requestedStateMaxPenaltyYears: years,
      });
      expect(missingOf(result)).toEqual(missing);
      if (result.ok && missing.length > 0) expect(result.missing[0]?.message).toContain('requested State too');
    });

    it('cites Budapest art. 24(1)(a) on the Budapest basis', () => {
      const result = validateRequestDetails('EXTRADITION_37', 'BUDAPEST', {
        ...completeDetails('EXTRADITION_37'),
        maxPenaltyYears: 0.5,
      });
      if (!result.ok) throw new Error('expected a valid draft');
      expect(result.missing[0]?.message).toContain('Budapest Convention art. 24(1)(a)');
    });

    it('refuses a negative penalty as a wrong value', () => {
      expect(
        issuesOf(
          validateRequestDetails('EXTRADITION_37', 'UN', { ...completeDetails('EXTRADITION_37'), maxPenaltyYears: -1 }),
        ),
      ).toEqual(['/details/maxPenaltyYears']);
    });
  });
});
