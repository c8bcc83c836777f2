import { citeLegalSource, type LegalBasis, type LegalSource } from './legal-source.js';
import type { RequestTypeCode } from './request-type-codes.js';
import type { Bilingual } from './types/field-spec.js';
import { unCite } from './un-numbering.js';

/**
 * What a State has notified: accepted languages, reservations and declarations, designated
 * authorities and channels. Seeded here for the demo States; the federation directory
 * replaces these with each partner's signed descriptor. Illustrative, not official.
 */
export const reservationCodes = ['ART42_DUAL_CRIMINALITY', 'ART23_REALTIME', 'RECIPROCITY_NOT_ACCEPTED'] as const;
export type ReservationCode = (typeof reservationCodes)[number];

/** A reservation is a code: its words live here, in both languages, and each reader sees their own. */
export interface Reservation {
  readonly code: ReservationCode;
  readonly legalSource: LegalSource;
}

export const reservationTexts: Readonly<Record<ReservationCode, Bilingual>> = {
  ART42_DUAL_CRIMINALITY: {
    en: 'may refuse preservation for non-Convention offences where dual criminality will fail',
    vi: 'có thể từ chối bảo toàn dữ liệu đối với tội phạm ngoài Công ước khi không đáp ứng điều kiện tội phạm kép',
  },
  ART23_REALTIME: {
    en: 'real-time collection of traffic data only for the offences it has listed',
    vi: 'chỉ thu thập dữ liệu lưu lượng theo thời gian thực đối với các tội phạm đã liệt kê',
  },
  RECIPROCITY_NOT_ACCEPTED: {
    en: 'does not cooperate on the basis of reciprocity alone',
    vi: 'không hợp tác chỉ trên cơ sở có đi có lại',
  },
};

export interface CountryProfile {
  readonly country: string;
  readonly name: Bilingual;
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
    reservations: [{ code: 'ART42_DUAL_CRIMINALITY', legalSource: unCite.preservation.dualCriminalityReservation }],
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

const languageNames: Readonly<Record<string, Bilingual>> = {
  en: { en: 'English', vi: 'tiếng Anh' },
  vi: { en: 'Vietnamese', vi: 'tiếng Việt' },
  fr: { en: 'French', vi: 'tiếng Pháp' },
  zh: { en: 'Chinese', vi: 'tiếng Trung' },
  ar: { en: 'Arabic', vi: 'tiếng Ả Rập' },
  ru: { en: 'Russian', vi: 'tiếng Nga' },
  es: { en: 'Spanish', vi: 'tiếng Tây Ban Nha' },
};

export interface DraftForChecks {
  readonly type: RequestTypeCode;
  readonly legalBasis: LegalBasis;
  readonly languages: readonly string[];
  /** Null when no case is attached yet: the offence is unknown, and so is the reservation. */
  readonly conventionOffence: boolean | null;
}

export const draftingWarningCodes = [
  'language-not-accepted',
  'reservation-applies',
  'basis-not-accepted',
  'unknown-state',
] as const;
export type DraftingWarningCode = (typeof draftingWarningCodes)[number];

/**
 * A warning is a code and its parameters (codes of States, languages and bases, and a citation);
 * `draftingWarningText` puts it in words in each language.
 */
export interface DraftingWarning {
  readonly code: DraftingWarningCode;
  readonly params: Readonly<Record<string, string>>;
}

type Words = (params: Readonly<Record<string, string>>, language: keyof Bilingual) => string;

const stateName = (code: string | undefined, language: keyof Bilingual): string =>
  (code === undefined ? undefined : countryProfiles[code]?.name[language]) ?? code ?? '?';
const namesOf = (codes: string | undefined, language: keyof Bilingual, or: string): string =>
  (codes ?? '')
    .split(',')
    .filter((c) => c !== '')
    .map((c) => languageNames[c]?.[language] ?? c)
    .join(or);

const warningWords: Readonly<Record<DraftingWarningCode, Words>> = {
  'unknown-state': (p, l) =>
    l === 'en'
      ? `no directory profile for ${p['state'] ?? '?'}: languages and reservations cannot be checked`
      : `chưa có hồ sơ danh bạ của ${p['state'] ?? '?'}: không thể kiểm tra ngôn ngữ và bảo lưu`,
  'language-not-accepted': (p, l) => {
    const names = namesOf(p['languages'], l, l === 'en' ? ' or ' : ' hoặc ');
    return l === 'en'
      ? `${stateName(p['state'], l)} accepts ${names}; this request has no ${names} text (${p['source'] ?? ''})`
      : `${stateName(p['state'], l)} chấp nhận ${names}; yêu cầu này chưa có bản ${names} (${p['source'] ?? ''})`;
  },
  'basis-not-accepted': (p, l) =>
    l === 'en'
      ? `${stateName(p['state'], l)} does not cooperate on the ${p['basis'] ?? '?'} basis; use ${p['accepted'] ?? ''}`
      : `${stateName(p['state'], l)} không hợp tác trên cơ sở ${p['basis'] ?? '?'}; hãy dùng ${p['accepted'] ?? ''}`,
  'reservation-applies': (p, l) => {
    const code = reservationCodes.find((c) => c === p['reservation']);
    const words = code === undefined ? (p['reservation'] ?? '?') : reservationTexts[code][l];
    return `${stateName(p['state'], l)} ${words} (${p['source'] ?? ''})`;
  },
};

/** The warning in words, in both languages. */
export function draftingWarningText(warning: DraftingWarning): Bilingual {
  const words = warningWords[warning.code];
  return { en: words(warning.params, 'en'), vi: words(warning.params, 'vi') };
}

/** Checks run as the officer types: warnings, because the officer may know better. */
export function draftingWarnings(draft: DraftForChecks, requestedState: string): DraftingWarning[] {
  const profile = countryProfiles[requestedState];
  if (profile === undefined) return [{ code: 'unknown-state', params: { state: requestedState } }];
  const warnings: DraftingWarning[] = [];
  if (!draft.languages.some((l) => profile.languages.includes(l))) {
    warnings.push({
      code: 'language-not-accepted',
      params: {
        state: profile.country,
        languages: profile.languages.join(','),
        source: citeLegalSource(unCite.mla.formAndLanguage),
      },
    });
  }
  if (!profile.acceptedBases.includes(draft.legalBasis)) {
    warnings.push({
      code: 'basis-not-accepted',
      params: { state: profile.country, basis: draft.legalBasis, accepted: profile.acceptedBases.join(', ') },
    });
  }
  const reservation = profile.reservations.find((r) => r.code === 'ART42_DUAL_CRIMINALITY');
  if (draft.type === 'PRESERVATION_42' && draft.conventionOffence === false && reservation !== undefined) {
    warnings.push({
      code: 'reservation-applies',
      params: {
        state: profile.country,
        reservation: reservation.code,
        source: citeLegalSource(reservation.legalSource),
      },
    });
  }
  return warnings;
}
