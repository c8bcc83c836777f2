import { z } from 'zod';
import { budapestCite } from '../budapest-citations.js';
import { practice, type LegalSource } from '../legal-source.js';
import { unCite } from '../un-numbering.js';
import {
  basisFields,
  countryCode,
  dataCategories,
  dateRange,
  field,
  identifiersField,
  narrative,
  optional,
  shortText,
  type FieldSpec,
  type RequestTypeDefinition,
} from './field-spec.js';

const contents = unCite.preservation.contents;
/** Under the Budapest Convention the same contents come from its art. 29(2), confidentiality from 27(8). */
const budapestContents = new Map<LegalSource, LegalSource>([
  [contents.seekingAuthority, budapestCite.preservation.contents.seekingAuthority],
  [contents.offence, budapestCite.preservation.contents.offence],
  [contents.data, budapestCite.preservation.contents.data],
  [contents.custodian, budapestCite.preservation.contents.custodian],
  [contents.necessity, budapestCite.preservation.contents.necessity],
  [contents.followUp, budapestCite.preservation.contents.followUp],
  [contents.confidentiality, budapestCite.mla.confidentiality],
]);

/** Art. 42(2) contents (the Budapest Convention's art. 29(2) list, with an added item (g)). */
function preservationFields(): FieldSpec[] {
  return [
    field(
      'seekingAuthority',
      { en: 'Authority seeking preservation', vi: 'Cơ quan đề nghị bảo toàn' },
      shortText(),
      contents.seekingAuthority,
    ),
    field(
      'offenceSummary',
      { en: 'Offence and short summary of the facts', vi: 'Tội danh và tóm tắt sự việc' },
      narrative(5000),
      contents.offence,
    ),
    field(
      'dataToPreserve',
      {
        en: 'Stored data to be preserved and its relation to the offence',
        vi: 'Dữ liệu cần bảo toàn và mối liên hệ với tội phạm',
      },
      narrative(5000),
      contents.data,
    ),
    field('dataCategories', { en: 'Data categories', vi: 'Loại dữ liệu' }, dataCategories, unCite.definitions.article),
    field(
      'custodianOrLocation',
      { en: 'Custodian of the data or location of the system', vi: 'Nơi lưu giữ dữ liệu hoặc vị trí hệ thống' },
      narrative(2000),
      contents.custodian,
    ),
    field(
      'necessity',
      { en: 'Why preservation is necessary', vi: 'Sự cần thiết của việc bảo toàn' },
      narrative(3000),
      contents.necessity,
    ),
    field(
      'mlaWillFollow',
      { en: 'A request for mutual legal assistance will follow', vi: 'Sẽ gửi yêu cầu tương trợ tư pháp tiếp theo' },
      z.literal(true, {
        error: 'must be true: preservation is granted pending a follow-up request (UN art. 42(2)(f))',
      }),
      contents.followUp,
    ),
    field(
      'confidentiality',
      { en: 'Confidentiality and no notification of the user', vi: 'Giữ bí mật và không thông báo cho người dùng' },
      z.strictObject({ requested: z.boolean(), noUserNotification: z.boolean() }),
      contents.confidentiality,
      optional,
    ),
    field(
      'identifiers',
      { en: 'Exact identifiers (account, URL, IP with port and zoned time)', vi: 'Định danh chính xác' },
      identifiersField,
      practice('G8 preservation checklist: exact identifiers'),
    ),
    field(
      'serviceProvider',
      { en: 'Service provider holding the data', vi: 'Doanh nghiệp lưu giữ dữ liệu' },
      shortText(),
      practice('G8 checklist: name of the service provider'),
      optional,
    ),
    field(
      'dateRange',
      { en: 'Date range of the data', vi: 'Khoảng thời gian của dữ liệu' },
      dateRange,
      practice('G8 checklist: date range with time zone'),
      optional,
    ),
    field(
      'contact24x7',
      { en: 'Contact reachable around the clock', vi: 'Đầu mối liên lạc 24/7' },
      shortText(),
      unCite.network.pointOfContact,
    ),
    ...basisFields(),
  ];
}

export const preservationType: RequestTypeDefinition = {
  code: 'PRESERVATION_42',
  title: {
    en: 'Request for expedited preservation of stored electronic data',
    vi: 'Yêu cầu bảo toàn khẩn cấp dữ liệu điện tử được lưu trữ',
  },
  legalSource: unCite.preservation.article,
  sourceFor: { BUDAPEST: budapestCite.preservation.request },
  family: 'preservation',
  fields: preservationFields().map((f) => {
    const budapest = budapestContents.get(f.legalSource);
    return budapest === undefined ? f : { ...f, sourceFor: { BUDAPEST: budapest } };
  }),
  allowedBases: ['UN', 'BUDAPEST', 'BILATERAL', 'RECIPROCITY'],
  responseKinds: ['ACK', 'INFO_REQUEST', 'ACCEPT', 'REFUSE', 'PRESERVED', 'WARNING_ART42', 'ART43_DISCLOSURE'],
};

export const trafficPathType: RequestTypeDefinition = {
  code: 'TRAFFIC_PATH_43',
  title: {
    en: 'Expedited disclosure of preserved traffic data (communication path)',
    vi: 'Tiết lộ khẩn cấp dữ liệu lưu lượng đã được bảo toàn',
  },
  legalSource: unCite.trafficPath.article,
  sourceFor: { BUDAPEST: budapestCite.trafficPath.disclosure },
  family: 'traffic-path',
  fields: trafficPathFields().map((f) => ({ ...f, sourceFor: { BUDAPEST: budapestCite.trafficPath.disclosure } })),
  allowedBases: ['UN', 'BUDAPEST', 'BILATERAL', 'RECIPROCITY'],
  responseKinds: ['ACK'],
};

/** Art. 43(1): enough traffic data to identify the other provider and the path. */
function trafficPathFields(): FieldSpec[] {
  return [
    field(
      'relatedPreservationReference',
      { en: 'Preservation request being executed', vi: 'Yêu cầu bảo toàn đang thực hiện' },
      shortText(100),
      unCite.trafficPath.disclosure,
    ),
    field(
      'serviceProviderIdentity',
      { en: 'Service provider in the communication path', vi: 'Doanh nghiệp trong đường truyền' },
      shortText(),
      unCite.trafficPath.disclosure,
    ),
    field(
      'serviceProviderCountry',
      { en: 'Country of that service provider', vi: 'Quốc gia của doanh nghiệp đó' },
      countryCode,
      unCite.trafficPath.disclosure,
    ),
    field(
      'pathData',
      { en: 'Traffic data identifying the path', vi: 'Dữ liệu lưu lượng xác định đường truyền' },
      narrative(5000),
      unCite.trafficPath.disclosure,
    ),
  ];
}
