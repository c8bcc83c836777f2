import { z } from 'zod';
import { budapestCite } from '../budapest-citations.js';
import { citeLegalSource } from '../legal-source.js';
import { unCite } from '../un-numbering.js';
import {
  basisFields,
  dateRange,
  field,
  identifiersField,
  narrative,
  optional,
  shortText,
  type FieldSpec,
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
  legalSource: unCite.mla.article,
  sourceFor: { BUDAPEST: budapestCite.mla.widestMeasure },
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
              `is required unless the request is only for service of documents ` +
              `(${citeLegalSource(unCite.mla.contents.facts)})`,
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
  legalSource: unCite.storedData.article,
  sourceFor: { BUDAPEST: budapestCite.storedData.request },
  family: 'mla',
  fields: [
    ...mlaContentFields(),
    field(
      'dataDescription',
      { en: 'Stored data to be searched, seized or disclosed', vi: 'Dữ liệu cần khám xét, thu giữ hoặc cung cấp' },
      narrative(5000),
      unCite.storedData.request,
    ),
    field(
      'identifiers',
      { en: 'Identifiers of the data', vi: 'Định danh dữ liệu' },
      identifiersField,
      unCite.storedData.request,
    ),
    field(
      'linkedPreservationReference',
      { en: 'Preservation request this follows', vi: 'Yêu cầu bảo toàn liên quan' },
      shortText(100),
      unCite.storedData.request,
      optional,
    ),
    field(
      'vulnerableData',
      { en: 'Data particularly vulnerable to loss or modification', vi: 'Dữ liệu dễ bị mất hoặc thay đổi' },
      z.boolean(),
      unCite.storedData.expedited,
      optional,
    ),
    ...basisFields(),
  ],
  allowedBases: allBases,
  responseKinds: mlaResponses,
};

/**
 * Arts 45 and 46 share one content list (paragraph 3). Under the Budapest Convention, arts 33 and 34
 * leave the contents to the treaties and domestic law they point to: the field cites that article.
 */
function realTimeFields(kind: 'traffic' | 'content'): FieldSpec[] {
  const article = kind === 'traffic' ? unCite.realtimeTraffic : unCite.interception;
  const budapest = kind === 'traffic' ? budapestCite.realtimeTraffic : budapestCite.interception;
  const fields = [
    field(
      'requestingAuthority',
      { en: 'Requesting authority', vi: 'Cơ quan yêu cầu' },
      shortText(),
      article.contents.requestingAuthority,
    ),
    field(
      'factsSummary',
      { en: 'Main facts and nature of the investigation', vi: 'Sự việc chính và tính chất điều tra' },
      narrative(),
      article.contents.facts,
    ),
    field(
      'communications',
      {
        en: 'Communications concerned and their link to the offence',
        vi: 'Liên lạc liên quan và mối liên hệ với tội phạm',
      },
      narrative(5000),
      article.contents.communications,
    ),
    field(
      'ownerOrLocation',
      {
        en: 'Owner or user of the communications, or location of the system',
        vi: 'Chủ sở hữu, người dùng hoặc vị trí hệ thống',
      },
      narrative(2000),
      article.contents.ownerOrLocation,
    ),
    field(
      'justification',
      {
        en: kind === 'traffic' ? 'Justification for collection' : 'Justification for interception',
        vi: 'Căn cứ cần thiết',
      },
      narrative(5000),
      article.contents.justification,
    ),
    field(
      'collectionPeriod',
      { en: 'Collection period', vi: 'Thời gian thu thập' },
      dateRange,
      article.contents.period,
    ),
    field(
      'periodJustification',
      { en: 'Justification for the length of the period', vi: 'Lý do của thời gian đề nghị' },
      narrative(3000),
      article.contents.period,
    ),
    field(
      'identifiers',
      { en: 'Target identifiers', vi: 'Định danh đối tượng' },
      identifiersField,
      article.contents.communications,
    ),
  ];
  return fields.map((f) => ({ ...f, sourceFor: { BUDAPEST: budapest } }));
}

export const realtimeTrafficType: RequestTypeDefinition = {
  code: 'REALTIME_TRAFFIC_45',
  title: {
    en: 'Mutual legal assistance: real-time collection of traffic data',
    vi: 'Tương trợ tư pháp: thu thập dữ liệu lưu lượng theo thời gian thực',
  },
  legalSource: unCite.realtimeTraffic.article,
  sourceFor: { BUDAPEST: budapestCite.realtimeTraffic },
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
  legalSource: unCite.interception.article,
  sourceFor: { BUDAPEST: budapestCite.interception },
  family: 'realtime',
  fields: [
    ...realTimeFields('content'),
    field(
      'domesticAuthorisation',
      { en: 'Domestic interception authorisation (Art. 30)', vi: 'Quyết định cho phép đánh chặn trong nước' },
      shortText(300),
      unCite.powers.interception,
    ),
    field(
      'minimisationNotes',
      { en: 'Minimisation', vi: 'Biện pháp giảm thiểu' },
      narrative(3000),
      unCite.interception.article,
      optional,
    ),
    ...basisFields(),
  ],
  allowedBases: allBases,
  responseKinds: mlaResponses,
};

export const otherAssistanceType: RequestTypeDefinition = {
  code: 'OTHER_ASSISTANCE',
  title: { en: 'Other assistance', vi: 'Tương trợ khác' },
  legalSource: unCite.mla.otherAssistance,
  sourceFor: { BUDAPEST: budapestCite.mla.widestMeasure },
  family: 'mla',
  fields: [...mlaContentFields(), ...basisFields()],
  allowedBases: allBases,
  responseKinds: mlaResponses,
};
