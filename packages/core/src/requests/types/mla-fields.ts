import { z } from 'zod';
import { unCite } from '../un-numbering.js';
import { allBases, field, narrative, optional, shortText, type FieldSpec } from './field-spec.js';

/** The content list of every MLA request (UN art. 40(15); paragraph numbers unverified, see un-numbering.ts). */
export function mlaContentFields(options: { factsRequired?: boolean } = {}): FieldSpec[] {
  return [
    field(
      'requestingAuthority',
      { en: 'Requesting authority', vi: 'Cơ quan yêu cầu' },
      shortText(),
      unCite.mla.contents.requestingAuthority,
    ),
    field(
      'subjectMatter',
      {
        en: 'Subject matter and nature of the proceedings, and the authority conducting them',
        vi: 'Nội dung, tính chất vụ việc và cơ quan tiến hành',
      },
      narrative(5000),
      unCite.mla.contents.subjectMatter,
    ),
    field(
      'factsSummary',
      { en: 'Summary of the relevant facts', vi: 'Tóm tắt sự việc' },
      narrative(),
      unCite.mla.contents.facts,
      options.factsRequired === false ? optional : allBases,
    ),
    field(
      'assistanceSought',
      { en: 'Assistance sought and procedures requested', vi: 'Nội dung tương trợ và thủ tục đề nghị' },
      narrative(5000),
      unCite.mla.contents.assistanceSought,
    ),
    field(
      'personsAndItems',
      { en: 'Persons, items and accounts concerned', vi: 'Người, đồ vật, tài khoản liên quan' },
      narrative(5000),
      unCite.mla.contents.persons,
      optional,
    ),
    field(
      'purpose',
      { en: 'Purpose of the evidence or action', vi: 'Mục đích của chứng cứ hoặc hành động' },
      narrative(3000),
      unCite.mla.contents.purpose,
    ),
    field(
      'deadlineSought',
      { en: 'Deadline sought and reasons', vi: 'Thời hạn đề nghị và lý do' },
      z.strictObject({ date: z.iso.date(), reasons: narrative(2000) }),
      unCite.mla.execution,
      optional,
    ),
    field(
      'confidentialityRequested',
      { en: 'Confidentiality requested', vi: 'Đề nghị giữ bí mật' },
      z.boolean(),
      unCite.mla.confidentiality,
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
  unCite.mla.purposes,
);
