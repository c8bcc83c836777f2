import type { RequestTypeCode } from './request-type-codes.js';

/**
 * Grounds for refusing, postponing or objecting (brief §3.1 ReasonCode table): what each means, in
 * the officers' languages, and the request types it can concern at all. Which ground may be raised
 * under which legal basis, and which article allows it, is in `ground-rules.ts`.
 */
export interface ReasonCodeDefinition {
  readonly code: string;
  readonly group: 'UN' | 'BUDAPEST' | 'GENERAL' | 'POSTPONEMENT' | 'FORBIDDEN_SOLE';
  readonly title: { readonly en: string; readonly vi: string };
  /**
   * The types the ground can concern whatever the basis: a bilateral list or reciprocity narrows
   * the grounds offered, never widens them past this (preservation meets only the narrow grounds).
   */
  readonly scope: readonly RequestTypeCode[];
  /** Allowed only together with another ground (fiscal matters, bank secrecy). */
  readonly forbiddenAsSoleGround?: true;
  /** The law lets the requested State assist anyway; the UI says so. */
  readonly discretionary?: true;
}

/** Request types grouped by what a ground can concern. */
export const groundTypes = {
  mla: ['MLA_40', 'STORED_DATA_44', 'JIT_48', 'OTHER_ASSISTANCE'],
  realtime: ['REALTIME_TRAFFIC_45', 'INTERCEPTION_46'],
  asset: ['FREEZE_CONFISCATE_50', 'RETURN_52'],
  preservation: ['PRESERVATION_42'],
  trafficPath: ['TRAFFIC_PATH_43'],
  extradition: ['EXTRADITION_37', 'PROVISIONAL_ARREST_37'],
} as const satisfies Record<string, readonly RequestTypeCode[]>;

/** Requests for assistance under Art. 40's rules: MLA proper, real-time collection, assets. */
export const assistanceRequestTypes: readonly RequestTypeCode[] = [
  ...groundTypes.mla,
  ...groundTypes.realtime,
  ...groundTypes.asset,
];
const narrowTypes: readonly RequestTypeCode[] = [...groundTypes.preservation, ...groundTypes.trafficPath];
const everyDecidedType: readonly RequestTypeCode[] = [
  ...assistanceRequestTypes,
  ...narrowTypes,
  ...groundTypes.extradition,
];

const definitions: readonly ReasonCodeDefinition[] = [
  {
    code: 'NONCONFORMING_REQUEST',
    group: 'UN',
    title: { en: 'The request does not conform to Article 40', vi: 'Yêu cầu không phù hợp Điều 40' },
    scope: assistanceRequestTypes,
  },
  {
    code: 'ESSENTIAL_INTERESTS',
    group: 'UN',
    title: {
      en: 'Prejudice to sovereignty, security, ordre public or other essential interests',
      vi: 'Phương hại chủ quyền, an ninh, trật tự công cộng hoặc lợi ích thiết yếu',
    },
    scope: everyDecidedType,
  },
  {
    code: 'DOMESTIC_LAW_PROHIBITS_SIMILAR',
    group: 'UN',
    title: {
      en: 'Domestic law would prohibit the action for a similar domestic offence',
      vi: 'Pháp luật trong nước cấm hành động tương tự',
    },
    scope: assistanceRequestTypes,
  },
  {
    code: 'CONTRARY_LEGAL_SYSTEM',
    group: 'UN',
    title: {
      en: 'Contrary to the legal system of the requested State',
      vi: 'Trái với hệ thống pháp luật của quốc gia được yêu cầu',
    },
    scope: assistanceRequestTypes,
  },
  {
    code: 'DISCRIMINATORY_PURPOSE',
    group: 'UN',
    title: {
      en:
        'Prosecution or punishment on account of sex, race, language, religion, ' +
        'nationality, ethnic origin or political opinions',
      vi: 'Mục đích truy tố phân biệt đối xử',
    },
    scope: everyDecidedType,
  },
  {
    code: 'NO_DUAL_CRIMINALITY',
    group: 'UN',
    title: { en: 'Absence of dual criminality', vi: 'Không đáp ứng điều kiện tội phạm kép' },
    scope: [...assistanceRequestTypes, ...groundTypes.extradition],
    discretionary: true,
  },
  {
    // Preserving transfers nothing, so data protection is no ground against preservation (brief §1.10).
    code: 'DP_TRANSFER_UNLAWFUL',
    group: 'UN',
    title: { en: 'The transfer of personal data would be unlawful', vi: 'Chuyển giao dữ liệu cá nhân trái pháp luật' },
    scope: assistanceRequestTypes,
  },
  {
    code: 'DC_RESERVATION_PRESERVATION',
    group: 'UN',
    title: {
      en: 'Dual-criminality reservation for preservation of a non-Convention offence',
      vi: 'Bảo lưu về tội phạm kép đối với bảo toàn dữ liệu',
    },
    scope: groundTypes.preservation,
  },
  {
    code: 'INSUFFICIENT_EVIDENCE_TIMELY',
    group: 'UN',
    title: { en: 'Sufficient evidence not received in time', vi: 'Không nhận được đủ chứng cứ kịp thời' },
    scope: ['FREEZE_CONFISCATE_50'],
  },
  {
    code: 'DE_MINIMIS',
    group: 'UN',
    title: { en: 'Property of de minimis value', vi: 'Tài sản có giá trị không đáng kể' },
    scope: ['FREEZE_CONFISCATE_50'],
  },
  {
    code: 'NATIONALITY_AUT_DEDERE',
    group: 'UN',
    title: {
      en: 'The person is a national (aut dedere aut judicare)',
      vi: 'Người bị yêu cầu là công dân (dẫn độ hoặc truy tố)',
    },
    scope: groundTypes.extradition,
  },
  {
    code: 'POLITICAL_OFFENCE',
    group: 'BUDAPEST',
    title: { en: 'Political offence', vi: 'Tội phạm chính trị' },
    scope: everyDecidedType,
  },
  {
    code: 'REQUESTED_STATE_LAW',
    group: 'GENERAL',
    title: {
      en: 'A ground for refusal under the law of the requested State or the applicable treaty',
      vi: 'Căn cứ từ chối theo pháp luật của quốc gia được yêu cầu hoặc điều ước áp dụng',
    },
    scope: [...assistanceRequestTypes, ...groundTypes.extradition],
  },
  {
    code: 'INTERFERES_WITH_PROCEEDINGS',
    group: 'POSTPONEMENT',
    title: {
      en: 'Execution would interfere with ongoing proceedings',
      vi: 'Việc thực hiện cản trở quá trình tố tụng đang diễn ra',
    },
    scope: assistanceRequestTypes,
  },
  {
    code: 'FISCAL_MATTER',
    group: 'FORBIDDEN_SOLE',
    title: { en: 'The offence involves fiscal matters', vi: 'Vấn đề tài chính, thuế' },
    scope: [...assistanceRequestTypes, ...groundTypes.extradition],
    forbiddenAsSoleGround: true,
  },
  {
    code: 'BANK_SECRECY',
    group: 'FORBIDDEN_SOLE',
    title: { en: 'Bank secrecy', vi: 'Bí mật ngân hàng' },
    scope: assistanceRequestTypes,
    forbiddenAsSoleGround: true,
  },
];

export const reasonCodeCatalogue: ReadonlyMap<string, ReasonCodeDefinition> = new Map(
  definitions.map((d) => [d.code, d]),
);
export const reasonCodes: readonly string[] = definitions.map((d) => d.code);
/** The codes a refusal may name (a node's bilateral list is drawn from these). */
export const refusalReasonCodes: readonly string[] = definitions
  .filter((d) => d.group !== 'POSTPONEMENT')
  .map((d) => d.code);

/** Grounds a service provider may raise against a domestic order (brief §3.1 SP-side). */
export const providerObjectionCodes = [
  'INCOMPLETE_OR_ERROR',
  'DATA_NOT_HELD',
  'NOT_ADDRESSEE',
  'TECHNICAL_IMPOSSIBILITY',
  'CONFLICTING_THIRD_COUNTRY_LAW',
] as const;
