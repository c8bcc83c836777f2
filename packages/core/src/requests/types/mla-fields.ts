import { z } from 'zod';
import { un } from '../legal-source.js';
import { allBases, field, narrative, optional, shortText, type FieldSpec } from './field-spec.js';

/** The content list of every MLA request (UN art. 40(15), paragraph numbers [V]). */
export function mlaContentFields(options: { factsRequired?: boolean } = {}): FieldSpec[] {
  return [
    field(
      'requestingAuthority',
      { en: 'Requesting authority', vi: 'Cơ quan yêu cầu' },
      shortText(),
      un(40, '15(a)', false),
    ),
    field(
      'subjectMatter',
      {
        en: 'Subject matter and nature of the proceedings, and the authority conducting them',
        vi: 'Nội dung, tính chất vụ việc và cơ quan tiến hành',
      },
      narrative(5000),
      un(40, '15(b)', false),
    ),
    field(
      'factsSummary',
      { en: 'Summary of the relevant facts', vi: 'Tóm tắt sự việc' },
      narrative(),
      un(40, '15(c)', false),
      options.factsRequired === false ? optional : allBases,
    ),
    field(
      'assistanceSought',
      { en: 'Assistance sought and procedures requested', vi: 'Nội dung tương trợ và thủ tục đề nghị' },
      narrative(5000),
      un(40, '15(d)', false),
    ),
    field(
      'personsAndItems',
      { en: 'Persons, items and accounts concerned', vi: 'Người, đồ vật, tài khoản liên quan' },
      narrative(5000),
      un(40, '15(e)', false),
      optional,
    ),
    field(
      'purpose',
      { en: 'Purpose of the evidence or action', vi: 'Mục đích của chứng cứ hoặc hành động' },
      narrative(3000),
      un(40, '15(f)', false),
    ),
    field(
      'deadlineSought',
      { en: 'Deadline sought and reasons', vi: 'Thời hạn đề nghị và lý do' },
      z.strictObject({ date: z.iso.date(), reasons: narrative(2000) }),
      un(40, '16', false),
      optional,
    ),
    field(
      'confidentialityRequested',
      { en: 'Confidentiality requested', vi: 'Đề nghị giữ bí mật' },
      z.boolean(),
      un(40, '20', false),
      optional,
    ),
  ];
}

export const assistanceTypes = [
  'taking-evidence',
  'service-of-documents',
  'search-seizure-freezing',
  'stored-electronic-data',
  'real-time-traffic',
  'interception',
  'examining-objects-sites',
  'information-expert-evaluations',
  'records',
  'tracing-proceeds',
  'voluntary-appearance',
  'recovering-proceeds',
  'other',
] as const;

export const assistanceTypesField = field(
  'assistanceTypes',
  { en: 'Types of assistance', vi: 'Loại hình tương trợ' },
  z.array(z.enum(assistanceTypes)).min(1).max(assistanceTypes.length),
  un(40, '3', false),
);
