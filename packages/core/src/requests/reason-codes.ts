import { un, type LegalSource } from './legal-source.js';
import type { RequestTypeCode } from './request-type-codes.js';

/**
 * Grounds for refusing, postponing or objecting (brief §3.1 ReasonCode table), each with
 * the request types it may be used for and its legal source.
 */
export interface ReasonCodeDefinition {
  readonly code: string;
  readonly group: 'UN' | 'BUDAPEST' | 'PROVIDER' | 'POSTPONEMENT' | 'FORBIDDEN_SOLE';
  readonly title: { readonly en: string; readonly vi: string };
  readonly legalSource: LegalSource;
  readonly allowedFor: readonly RequestTypeCode[] | 'all';
  /** Allowed only together with another ground (Art. 40: fiscal matters, bank secrecy). */
  readonly forbiddenAsSoleGround?: true;
  /** The law lets the requested State assist anyway; the UI says so. */
  readonly discretionary?: true;
}

const mlaTypes: readonly RequestTypeCode[] = [
  'MLA_40',
  'STORED_DATA_44',
  'REALTIME_TRAFFIC_45',
  'INTERCEPTION_46',
  'JIT_48',
  'FREEZE_CONFISCATE_50',
  'RETURN_52',
  'OTHER_ASSISTANCE',
];
const preservationTypes: readonly RequestTypeCode[] = ['PRESERVATION_42', 'TRAFFIC_PATH_43'];
const extraditionTypes: readonly RequestTypeCode[] = ['EXTRADITION_37', 'PROVISIONAL_ARREST_37'];

const definitions: readonly ReasonCodeDefinition[] = [
  {
    code: 'NONCONFORMING_REQUEST',
    group: 'UN',
    title: { en: 'The request does not conform to Article 40', vi: 'Yêu cầu không phù hợp Điều 40' },
    legalSource: un(40, '21(a)', false),
    allowedFor: [...mlaTypes],
  },
  {
    code: 'ESSENTIAL_INTERESTS',
    group: 'UN',
    title: {
      en: 'Prejudice to sovereignty, security, ordre public or other essential interests',
      vi: 'Phương hại chủ quyền, an ninh, trật tự công cộng hoặc lợi ích thiết yếu',
    },
    legalSource: un(40, '21(b)', false),
    allowedFor: [...mlaTypes, ...preservationTypes, ...extraditionTypes],
  },
  {
    code: 'DOMESTIC_LAW_PROHIBITS_SIMILAR',
    group: 'UN',
    title: {
      en: 'Domestic law would prohibit the action for a similar domestic offence',
      vi: 'Pháp luật trong nước cấm hành động tương tự',
    },
    legalSource: un(40, '21(c)', false),
    allowedFor: [...mlaTypes],
  },
  {
    code: 'CONTRARY_LEGAL_SYSTEM',
    group: 'UN',
    title: {
      en: 'Contrary to the legal system of the requested State',
      vi: 'Trái với hệ thống pháp luật của quốc gia được yêu cầu',
    },
    legalSource: un(40, '21(d)', false),
    allowedFor: [...mlaTypes],
  },
  {
    code: 'DISCRIMINATORY_PURPOSE',
    group: 'UN',
    title: {
      en: 'Prosecution or punishment on account of sex, race, language, religion, nationality, ethnic origin or political opinions',
      vi: 'Mục đích truy tố phân biệt đối xử',
    },
    legalSource: un(40, '22', false),
    allowedFor: 'all',
  },
  {
    code: 'NO_DUAL_CRIMINALITY',
    group: 'UN',
    title: { en: 'Absence of dual criminality', vi: 'Không đáp ứng điều kiện tội phạm kép' },
    legalSource: un(40, '9', false),
    allowedFor: [...mlaTypes, ...extraditionTypes],
    discretionary: true,
  },
  {
    code: 'DP_TRANSFER_UNLAWFUL',
    group: 'UN',
    title: { en: 'The transfer of personal data would be unlawful', vi: 'Chuyển giao dữ liệu cá nhân trái pháp luật' },
    legalSource: un(36, '1'),
    allowedFor: 'all',
  },
  {
    code: 'DC_RESERVATION_PRESERVATION',
    group: 'UN',
    title: {
      en: 'Dual-criminality reservation for preservation of a non-Convention offence',
      vi: 'Bảo lưu về tội phạm kép đối với bảo toàn dữ liệu',
    },
    legalSource: un(42, '4', false),
    allowedFor: ['PRESERVATION_42'],
  },
  {
    code: 'INSUFFICIENT_EVIDENCE_TIMELY',
    group: 'UN',
    title: { en: 'Sufficient evidence not received in time', vi: 'Không nhận được đủ chứng cứ kịp thời' },
    legalSource: un(50),
    allowedFor: ['FREEZE_CONFISCATE_50', 'RETURN_52'],
  },
  {
    code: 'DE_MINIMIS',
    group: 'UN',
    title: { en: 'Property of de minimis value', vi: 'Tài sản có giá trị không đáng kể' },
    legalSource: un(50),
    allowedFor: ['FREEZE_CONFISCATE_50', 'RETURN_52'],
  },
  {
    code: 'NATIONALITY_AUT_DEDERE',
    group: 'UN',
    title: {
      en: 'The person is a national (aut dedere aut judicare)',
      vi: 'Người bị yêu cầu là công dân (dẫn độ hoặc truy tố)',
    },
    legalSource: un(37, '11', false),
    allowedFor: extraditionTypes,
  },
  {
    code: 'POLITICAL_OFFENCE',
    group: 'BUDAPEST',
    title: { en: 'Political offence', vi: 'Tội phạm chính trị' },
    legalSource: { instrument: 'BUDAPEST', article: '27', paragraph: '4(a)', verified: true },
    allowedFor: 'all',
  },
  {
    code: 'INTERFERES_WITH_PROCEEDINGS',
    group: 'POSTPONEMENT',
    title: {
      en: 'Execution would interfere with ongoing proceedings',
      vi: 'Việc thực hiện cản trở quá trình tố tụng đang diễn ra',
    },
    legalSource: un(40, '25', false),
    allowedFor: 'all',
  },
  {
    code: 'FISCAL_MATTER',
    group: 'FORBIDDEN_SOLE',
    title: { en: 'The offence involves fiscal matters', vi: 'Vấn đề tài chính, thuế' },
    legalSource: un(40, '22', false),
    allowedFor: 'all',
    forbiddenAsSoleGround: true,
  },
  {
    code: 'BANK_SECRECY',
    group: 'FORBIDDEN_SOLE',
    title: { en: 'Bank secrecy', vi: 'Bí mật ngân hàng' },
    legalSource: un(40, '8', false),
    allowedFor: 'all',
    forbiddenAsSoleGround: true,
  },
];

export const reasonCodeCatalogue: ReadonlyMap<string, ReasonCodeDefinition> = new Map(
  definitions.map((d) => [d.code, d]),
);
export const reasonCodes: readonly string[] = definitions.map((d) => d.code);

/** Grounds a service provider may raise against a domestic order (brief §3.1 SP-side). */
export const providerObjectionCodes = [
  'INCOMPLETE_OR_ERROR',
  'DATA_NOT_HELD',
  'NOT_ADDRESSEE',
  'TECHNICAL_IMPOSSIBILITY',
  'CONFLICTING_THIRD_COUNTRY_LAW',
] as const;

export function reasonCodesFor(type: RequestTypeCode, purpose: 'refuse' | 'postpone'): ReasonCodeDefinition[] {
  return definitions.filter((d) => {
    const allowed = d.allowedFor === 'all' || d.allowedFor.includes(type);
    if (!allowed) return false;
    return purpose === 'postpone' ? d.group === 'POSTPONEMENT' : d.group !== 'POSTPONEMENT';
  });
}
