import type { LegalSource } from './legal-source.js';
import { unCite } from './un-numbering.js';

/** Convention offences (Arts 7-17) plus OTHER for offences defined only by domestic law. */
export const offenceCodes = [
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
] as const;
export type OffenceCode = (typeof offenceCodes)[number];

export interface OffenceDefinition {
  readonly code: OffenceCode;
  readonly title: { readonly en: string; readonly vi: string };
  readonly legalSource: LegalSource | null;
}

export const offenceCatalogue: Readonly<Record<OffenceCode, OffenceDefinition>> = {
  ART_7: {
    code: 'ART_7',
    title: { en: 'Illegal access to an ICT system', vi: 'Truy cập trái phép' },
    legalSource: unCite.offences.illegalAccess,
  },
  ART_8: {
    code: 'ART_8',
    title: { en: 'Illegal interception', vi: 'Chặn thu trái phép' },
    legalSource: unCite.offences.illegalInterception,
  },
  ART_9: {
    code: 'ART_9',
    title: { en: 'Interference with electronic data', vi: 'Can thiệp dữ liệu điện tử' },
    legalSource: unCite.offences.dataInterference,
  },
  ART_10: {
    code: 'ART_10',
    title: { en: 'Interference with an ICT system', vi: 'Tấn công vào hệ thống thông tin' },
    legalSource: unCite.offences.systemInterference,
  },
  ART_11: {
    code: 'ART_11',
    title: { en: 'Misuse of devices', vi: 'Phát tán phần mềm độc hại, lạm dụng thiết bị' },
    legalSource: unCite.offences.misuseOfDevices,
  },
  ART_12: {
    code: 'ART_12',
    title: { en: 'ICT-related forgery', vi: 'Giả mạo liên quan đến hệ thống thông tin' },
    legalSource: unCite.offences.forgery,
  },
  ART_13: {
    code: 'ART_13',
    title: { en: 'ICT-related theft or fraud', vi: 'Gian lận điện tử; lừa đảo trực tuyến' },
    legalSource: unCite.offences.theftOrFraud,
  },
  ART_14: {
    code: 'ART_14',
    title: {
      en: 'Online child sexual abuse or exploitation material',
      vi: 'Xâm hại, bóc lột tình dục trẻ em qua môi trường mạng',
    },
    legalSource: unCite.offences.childSexualAbuseMaterial,
  },
  ART_15: {
    code: 'ART_15',
    title: { en: 'Solicitation or grooming of a child', vi: 'Dụ dỗ trẻ em qua mạng' },
    legalSource: unCite.offences.grooming,
  },
  ART_16: {
    code: 'ART_16',
    title: {
      en: 'Non-consensual dissemination of intimate images',
      vi: 'Phát tán hình ảnh riêng tư không có sự đồng ý',
    },
    legalSource: unCite.offences.intimateImages,
  },
  ART_17: {
    code: 'ART_17',
    title: { en: 'Laundering of proceeds of crime', vi: 'Rửa tiền' },
    legalSource: unCite.offences.laundering,
  },
  OTHER: {
    code: 'OTHER',
    title: { en: 'Other offence under domestic law', vi: 'Tội phạm khác theo pháp luật quốc gia' },
    legalSource: null,
  },
};

/** Art. 2(h): a serious crime carries a maximum of at least four years' deprivation of liberty. */
export const seriousCrimeThresholdYears = 4;
export const seriousCrimeSource = unCite.definitions.seriousCrime;
/** Art. 37(1): extradition needs at least one year's maximum in both States. */
export const extraditionThresholdYears = 1;

export interface OffenceForEligibility {
  readonly code: OffenceCode;
  readonly statutoryMaxPenaltyYears: number | null;
}

export interface Eligibility {
  readonly eligible: boolean;
  readonly basis: 'convention-offence' | 'serious-crime' | null;
  /** Shown to the officer: where the law leaves discretion, never a silent pass. */
  readonly warnings: readonly string[];
}

/**
 * Evidence cooperation and the 24/7 network cover Convention offences and serious crimes
 * (Arts 35, 40, 41). Anything else is not refused here, but flagged for the officer.
 */
export function checkEligibility(offences: readonly OffenceForEligibility[]): Eligibility {
  if (offences.length === 0) {
    return {
      eligible: false,
      basis: null,
      warnings: ['no offence is recorded; eligibility cannot be assessed (UN art. 35, 40, 41)'],
    };
  }
  if (offences.some((o) => o.code !== 'OTHER')) return { eligible: true, basis: 'convention-offence', warnings: [] };
  const serious = offences.filter((o) => (o.statutoryMaxPenaltyYears ?? 0) >= seriousCrimeThresholdYears);
  if (serious.length > 0) return { eligible: true, basis: 'serious-crime', warnings: [] };
  const unknown = offences.some((o) => o.statutoryMaxPenaltyYears === null);
  return {
    eligible: false,
    basis: null,
    warnings: [
      unknown
        ? 'the maximum penalty is not recorded: cooperation under the Convention needs ' +
          'a Convention offence or a serious crime (maximum of at least 4 years, UN art. 2(h))'
        : 'no Convention offence and no serious crime (maximum of at least 4 years, ' +
          'UN art. 2(h)): the requested State may decline; consider another legal basis',
    ],
  };
}
