import { z } from 'zod';
import { un } from '../legal-source.js';
import {
  basisFields,
  dateRange,
  field,
  identifiersField,
  narrative,
  optional,
  shortText,
  type RequestTypeDefinition,
} from './field-spec.js';
import { assistanceTypesField, mlaContentFields } from './mla-fields.js';

const mlaResponses = [
  'ACK',
  'INFO_REQUEST',
  'CONSULTATION',
  'ACCEPT',
  'ACCEPT_WITH_CONDITIONS',
  'PARTIAL',
  'POSTPONE',
  'REFUSE',
  'EXECUTED',
] as const;
const allBases = ['UN', 'BUDAPEST', 'BILATERAL', 'RECIPROCITY'] as const;

export const mlaType: RequestTypeDefinition = {
  code: 'MLA_40',
  title: { en: 'Request for mutual legal assistance', vi: 'Yêu cầu tương trợ tư pháp về hình sự' },
  legalSource: un(40),
  family: 'mla',
  fields: [assistanceTypesField, ...mlaContentFields({ factsRequired: false }), ...basisFields()],
  allowedBases: allBases,
  responseKinds: mlaResponses,
  // Facts may be left out only when the request is solely for service of documents (UN art. 40(15)(c)).
  check: (details) => {
    const types = details['assistanceTypes'];
    const onlyService = Array.isArray(types) && types.length === 1 && types[0] === 'service-of-documents';
    return onlyService || details['factsSummary'] !== undefined
      ? []
      : [
          {
            path: '/details/factsSummary',
            message:
              'is required unless the request is only for service of documents (UN Convention against Cybercrime art. 40(15)(c) [unverified])',
          },
        ];
  },
};

export const storedDataType: RequestTypeDefinition = {
  code: 'STORED_DATA_44',
  title: {
    en: 'Mutual legal assistance: access to stored electronic data',
    vi: 'Tương trợ tư pháp: tiếp cận dữ liệu điện tử được lưu trữ',
  },
  legalSource: un(44),
  family: 'mla',
  fields: [
    ...mlaContentFields(),
    field(
      'dataDescription',
      { en: 'Stored data to be searched, seized or disclosed', vi: 'Dữ liệu cần khám xét, thu giữ hoặc cung cấp' },
      narrative(5000),
      un(44, '1'),
    ),
    field('identifiers', { en: 'Identifiers of the data', vi: 'Định danh dữ liệu' }, identifiersField, un(44, '1')),
    field(
      'linkedPreservationReference',
      { en: 'Preservation request this follows', vi: 'Yêu cầu bảo toàn liên quan' },
      shortText(100),
      un(44, '1'),
      optional,
    ),
    field(
      'vulnerableData',
      { en: 'Data particularly vulnerable to loss or modification', vi: 'Dữ liệu dễ bị mất hoặc thay đổi' },
      z.boolean(),
      un(44, '3', false),
      optional,
    ),
    ...basisFields(),
  ],
  allowedBases: allBases,
  responseKinds: mlaResponses,
};

function realTimeFields(kind: 'traffic' | 'content') {
  const article = kind === 'traffic' ? 45 : 46;
  return [
    field(
      'requestingAuthority',
      { en: 'Requesting authority', vi: 'Cơ quan yêu cầu' },
      shortText(),
      un(article, '2(a)', false),
    ),
    field(
      'factsSummary',
      { en: 'Main facts and nature of the investigation', vi: 'Sự việc chính và tính chất điều tra' },
      narrative(),
      un(article, '2(b)', false),
    ),
    field(
      'communications',
      {
        en: 'Communications concerned and their link to the offence',
        vi: 'Liên lạc liên quan và mối liên hệ với tội phạm',
      },
      narrative(5000),
      un(article, '2(c)', false),
    ),
    field(
      'ownerOrLocation',
      {
        en: 'Owner or user of the communications, or location of the system',
        vi: 'Chủ sở hữu, người dùng hoặc vị trí hệ thống',
      },
      narrative(2000),
      un(article, '2(d)', false),
    ),
    field(
      'justification',
      {
        en: kind === 'traffic' ? 'Justification for collection' : 'Justification for interception',
        vi: 'Căn cứ cần thiết',
      },
      narrative(5000),
      un(article, '2(e)', false),
    ),
    field(
      'collectionPeriod',
      { en: 'Collection period', vi: 'Thời gian thu thập' },
      dateRange,
      un(article, '2(f)', false),
    ),
    field(
      'periodJustification',
      { en: 'Justification for the length of the period', vi: 'Lý do của thời gian đề nghị' },
      narrative(3000),
      un(article, '2(f)', false),
    ),
    field('identifiers', { en: 'Target identifiers', vi: 'Định danh đối tượng' }, identifiersField, un(article, '1')),
  ];
}

export const realtimeTrafficType: RequestTypeDefinition = {
  code: 'REALTIME_TRAFFIC_45',
  title: {
    en: 'Mutual legal assistance: real-time collection of traffic data',
    vi: 'Tương trợ tư pháp: thu thập dữ liệu lưu lượng theo thời gian thực',
  },
  legalSource: un(45),
  family: 'realtime',
  fields: [...realTimeFields('traffic'), ...basisFields()],
  allowedBases: allBases,
  responseKinds: mlaResponses,
};

export const interceptionType: RequestTypeDefinition = {
  code: 'INTERCEPTION_46',
  title: {
    en: 'Mutual legal assistance: interception of content data',
    vi: 'Tương trợ tư pháp: đánh chặn dữ liệu nội dung',
  },
  legalSource: un(46),
  family: 'realtime',
  fields: [
    ...realTimeFields('content'),
    field(
      'domesticAuthorisation',
      { en: 'Domestic interception authorisation (Art. 30)', vi: 'Quyết định cho phép đánh chặn trong nước' },
      shortText(300),
      un(30),
    ),
    field('minimisationNotes', { en: 'Minimisation', vi: 'Biện pháp giảm thiểu' }, narrative(3000), un(46), optional),
    ...basisFields(),
  ],
  allowedBases: ['UN', 'BILATERAL', 'RECIPROCITY'],
  responseKinds: mlaResponses,
};

export const otherAssistanceType: RequestTypeDefinition = {
  code: 'OTHER_ASSISTANCE',
  title: { en: 'Other assistance', vi: 'Tương trợ khác' },
  legalSource: un(40, '3(m)', false),
  family: 'mla',
  fields: [...mlaContentFields(), ...basisFields()],
  allowedBases: allBases,
  responseKinds: mlaResponses,
};
