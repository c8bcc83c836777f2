import { z } from 'zod';
import { budapestCite } from '../budapest-citations.js';
import type { LegalSource } from '../legal-source.js';
import { unCite } from '../un-numbering.js';
import { conditionSchema } from '../responses.js';
import {
  basisFields,
  countryCode,
  dateRange,
  field,
  narrative,
  optional,
  shortText,
  type RequestTypeDefinition,
} from './field-spec.js';
import { mlaContentFields } from './mla-fields.js';

const conditionsField = (source: LegalSource) =>
  field(
    'conditions',
    { en: 'Conditions on use and confidentiality', vi: 'Điều kiện sử dụng và bảo mật' },
    z.array(conditionSchema).max(20),
    source,
    optional,
  );

export const leInformationType: RequestTypeDefinition = {
  code: 'LE_INFO_47',
  title: {
    en: 'Police-to-police information request',
    vi: 'Yêu cầu trao đổi thông tin giữa cơ quan thực thi pháp luật',
  },
  legalSource: unCite.lawEnforcement.article,
  family: 'le-exchange',
  fields: [
    field(
      'requestingAgency',
      { en: 'Requesting agency', vi: 'Cơ quan yêu cầu' },
      shortText(),
      unCite.lawEnforcement.cooperation,
    ),
    field(
      'subject',
      { en: 'Subject of the inquiry', vi: 'Nội dung cần xác minh' },
      narrative(5000),
      unCite.lawEnforcement.inquiries,
    ),
    field(
      'informationSought',
      { en: 'Information sought', vi: 'Thông tin cần cung cấp' },
      narrative(5000),
      unCite.lawEnforcement.cooperation,
    ),
    field('purpose', { en: 'Purpose', vi: 'Mục đích' }, narrative(2000), unCite.lawEnforcement.cooperation),
    conditionsField(unCite.lawEnforcement.article),
  ],
  allowedBases: ['UN', 'BUDAPEST', 'BILATERAL', 'RECIPROCITY'],
  responseKinds: ['ACK', 'ACCEPT_WITH_CONDITIONS', 'EXECUTED', 'REFUSE'],
};

export const spontaneousInformationType: RequestTypeDefinition = {
  code: 'SPONTANEOUS_40_51',
  title: { en: 'Spontaneous information', vi: 'Cung cấp thông tin tự nguyện' },
  legalSource: unCite.mla.spontaneousInformation,
  sourceFor: { BUDAPEST: budapestCite.mla.spontaneousInformation },
  family: 'le-exchange',
  fields: [
    field(
      'providingAuthority',
      { en: 'Providing authority', vi: 'Cơ quan cung cấp' },
      shortText(),
      unCite.mla.spontaneousInformation,
    ),
    field(
      'informationProvided',
      { en: 'Information provided', vi: 'Thông tin được cung cấp' },
      narrative(),
      unCite.mla.spontaneousInformation,
    ),
    field(
      'relevance',
      { en: 'Why it may help the receiving State', vi: 'Lý do thông tin có thể hữu ích' },
      narrative(3000),
      unCite.mla.spontaneousInformation,
    ),
    field(
      'concernsProceeds',
      { en: 'Concerns proceeds of crime (Art. 51)', vi: 'Liên quan đến tài sản do phạm tội mà có' },
      z.boolean(),
      unCite.assets.spontaneousInformation,
      optional,
    ),
    conditionsField(unCite.mla.spontaneousConditions),
  ],
  allowedBases: ['UN', 'BUDAPEST', 'BILATERAL', 'RECIPROCITY'],
  responseKinds: ['ACK', 'ACCEPT_WITH_CONDITIONS', 'EXECUTED'],
};

export const jointInvestigationType: RequestTypeDefinition = {
  code: 'JIT_48',
  title: { en: 'Joint investigation team', vi: 'Nhóm điều tra chung' },
  legalSource: unCite.jointInvestigations.article,
  family: 'mla',
  fields: [
    ...mlaContentFields(),
    field(
      'memberStates',
      { en: 'States taking part', vi: 'Các quốc gia tham gia' },
      z.array(countryCode).min(1).max(20),
      unCite.jointInvestigations.article,
    ),
    field(
      'duration',
      { en: 'Duration of the team', vi: 'Thời hạn hoạt động' },
      dateRange,
      unCite.jointInvestigations.article,
    ),
    field(
      'agreementSummary',
      { en: 'Agreement or arrangement', vi: 'Thỏa thuận thành lập' },
      narrative(5000),
      unCite.jointInvestigations.article,
    ),
    field(
      'sharedEvidenceRules',
      { en: 'Rules for sharing evidence', vi: 'Quy tắc chia sẻ chứng cứ' },
      narrative(3000),
      unCite.jointInvestigations.article,
      optional,
    ),
    ...basisFields(),
  ],
  allowedBases: ['UN', 'BUDAPEST', 'BILATERAL', 'RECIPROCITY'],
  responseKinds: [
    'ACK',
    'INFO_REQUEST',
    'CONSULTATION',
    'ACCEPT',
    'ACCEPT_WITH_CONDITIONS',
    'PARTIAL',
    'POSTPONE',
    'REFUSE',
    'EXECUTED',
  ],
};
