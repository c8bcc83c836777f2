import { un, type LegalBasis, type LegalSource } from './legal-source.js';
import type { RequestTypeCode } from './request-type-codes.js';

/**
 * What a State has notified: accepted languages, reservations and declarations, designated
 * authorities and channels. Seeded here for the demo States; the federation directory
 * replaces these with each partner's signed descriptor. Illustrative, not official.
 */
export interface Reservation {
  readonly code: 'ART42_DUAL_CRIMINALITY' | 'ART23_REALTIME' | 'RECIPROCITY_NOT_ACCEPTED';
  readonly description: string;
  readonly legalSource: LegalSource;
}

export interface CountryProfile {
  readonly country: string;
  readonly name: { readonly en: string; readonly vi: string };
  readonly languages: readonly string[];
  readonly reservations: readonly Reservation[];
  readonly acceptedBases: readonly LegalBasis[];
  readonly authorities: readonly { readonly kind: 'CENTRAL_AUTHORITY' | 'POC_24_7'; readonly name: string }[];
  readonly illustrative: boolean;
}

export const countryProfiles: Readonly<Record<string, CountryProfile>> = {
  VN: {
    country: 'VN',
    name: { en: 'Viet Nam', vi: 'Việt Nam' },
    languages: ['vi', 'en'],
    reservations: [],
    acceptedBases: ['UN', 'BILATERAL', 'RECIPROCITY'],
    authorities: [
      { kind: 'POC_24_7', name: 'A05, Ministry of Public Security' },
      { kind: 'CENTRAL_AUTHORITY', name: 'Supreme People\u2019s Procuracy' },
    ],
    illustrative: true,
  },
  SG: {
    country: 'SG',
    name: { en: 'Singapore', vi: 'Singapore' },
    languages: ['en'],
    reservations: [
      {
        code: 'ART42_DUAL_CRIMINALITY',
        description: 'may refuse preservation for non-Convention offences where dual criminality will fail',
        legalSource: un(42, '4', false),
      },
    ],
    acceptedBases: ['UN', 'BILATERAL'],
    authorities: [
      { kind: 'POC_24_7', name: 'Singapore Police Force 24/7 desk' },
      { kind: 'CENTRAL_AUTHORITY', name: 'Attorney-General\u2019s Chambers' },
    ],
    illustrative: true,
  },
  FR: {
    country: 'FR',
    name: { en: 'France', vi: 'Pháp' },
    languages: ['fr', 'en'],
    reservations: [],
    acceptedBases: ['UN', 'BUDAPEST', 'BILATERAL', 'RECIPROCITY'],
    authorities: [
      { kind: 'POC_24_7', name: 'OFAC 24/7 point of contact' },
      { kind: 'CENTRAL_AUTHORITY', name: 'Bureau de l\u2019entraide pénale internationale' },
    ],
    illustrative: true,
  },
};

const languageNames: Readonly<Record<string, string>> = {
  en: 'English',
  vi: 'Vietnamese',
  fr: 'French',
  zh: 'Chinese',
  ar: 'Arabic',
  ru: 'Russian',
  es: 'Spanish',
};

export interface DraftForChecks {
  readonly type: RequestTypeCode;
  readonly legalBasis: LegalBasis;
  readonly languages: readonly string[];
  /** Null when no case is attached yet: the offence, and so the reservation, is unknown. */
  readonly conventionOffence: boolean | null;
}

export interface DraftingWarning {
  readonly code: 'language-not-accepted' | 'reservation-applies' | 'basis-not-accepted' | 'unknown-state';
  readonly message: string;
}

/** Checks run as the officer types: warnings, because the officer may know better. */
export function draftingWarnings(draft: DraftForChecks, requestedState: string): DraftingWarning[] {
  const profile = countryProfiles[requestedState];
  if (profile === undefined) {
    return [
      {
        code: 'unknown-state',
        message: `no directory profile for ${requestedState}: languages and reservations cannot be checked`,
      },
    ];
  }
  const warnings: DraftingWarning[] = [];
  if (!draft.languages.some((l) => profile.languages.includes(l))) {
    const names = profile.languages.map((l) => languageNames[l] ?? l).join(' or ');
    warnings.push({
      code: 'language-not-accepted',
      message: `${profile.name.en} accepts ${names}; this request has no ${names} text (UN art. 40(14))`,
    });
  }
  if (!profile.acceptedBases.includes(draft.legalBasis)) {
    warnings.push({
      code: 'basis-not-accepted',
      message: `${profile.name.en} does not cooperate on the ${draft.legalBasis} basis; use ${profile.acceptedBases.join(', ')}`,
    });
  }
  if (
    draft.type === 'PRESERVATION_42' &&
    draft.conventionOffence === false &&
    profile.reservations.some((r) => r.code === 'ART42_DUAL_CRIMINALITY')
  ) {
    warnings.push({
      code: 'reservation-applies',
      message: `${profile.name.en} reserved the right to refuse preservation for non-Convention offences without dual criminality (UN art. 42(4))`,
    });
  }
  return warnings;
}
