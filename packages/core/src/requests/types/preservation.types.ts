import { z } from 'zod';
import { practice, un, type LegalSource } from '../legal-source.js';
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

const budapest = (paragraph: string): LegalSource => ({
  instrument: 'BUDAPEST',
  article: '29',
  paragraph,
  verified: true,
});

/** Art. 42(3) contents; the Budapest Convention's Art. 29(2) asks for the same list. */
function preservationFields(): FieldSpec[] {
  return [
    field(
      'seekingAuthority',
      { en: 'Authority seeking preservation', vi: 'Cơ quan đề nghị bảo toàn' },
      shortText(),
      un(42, '3(a)', false),
    ),
    field(
      'offenceSummary',
      { en: 'Offence and short summary of the facts', vi: 'Tội danh và tóm tắt sự việc' },
      narrative(5000),
      un(42, '3(b)', false),
    ),
    field(
      'dataToPreserve',
      {
        en: 'Stored data to be preserved and its relation to the offence',
        vi: 'Dữ liệu cần bảo toàn và mối liên hệ với tội phạm',
      },
      narrative(5000),
      un(42, '3(c)', false),
    ),
    field('dataCategories', { en: 'Data categories', vi: 'Loại dữ liệu' }, dataCategories, un(2)),
    field(
      'custodianOrLocation',
      { en: 'Custodian of the data or location of the system', vi: 'Nơi lưu giữ dữ liệu hoặc vị trí hệ thống' },
      narrative(2000),
      un(42, '3(d)', false),
    ),
    field(
      'necessity',
      { en: 'Why preservation is necessary', vi: 'Sự cần thiết của việc bảo toàn' },
      narrative(3000),
      un(42, '3(e)', false),
    ),
    field(
      'mlaWillFollow',
      { en: 'A request for mutual legal assistance will follow', vi: 'Sẽ gửi yêu cầu tương trợ tư pháp tiếp theo' },
      z.literal(true, {
        error: 'must be true: preservation is granted pending a follow-up request (UN art. 42(3)(f))',
      }),
      un(42, '3(f)', false),
    ),
    field(
      'confidentiality',
      { en: 'Confidentiality and no notification of the user', vi: 'Giữ bí mật và không thông báo cho người dùng' },
      z.strictObject({ requested: z.boolean(), noUserNotification: z.boolean() }),
      un(42, '3(g)', false),
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
      un(41, '1', false),
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
  legalSource: un(42),
  family: 'preservation',
  // Under the Budapest Convention the same contents come from its Art. 29(2).
  fields: preservationFields().map((f) =>
    f.legalSource.instrument === 'UN' && f.legalSource.article === '42'
      ? { ...f, sourceFor: { BUDAPEST: budapest('2') } }
      : f,
  ),
  allowedBases: ['UN', 'BUDAPEST', 'BILATERAL', 'RECIPROCITY'],
  responseKinds: ['ACK', 'INFO_REQUEST', 'ACCEPT', 'REFUSE', 'PRESERVED', 'WARNING_ART42', 'ART43_DISCLOSURE'],
};

export const trafficPathType: RequestTypeDefinition = {
  code: 'TRAFFIC_PATH_43',
  title: {
    en: 'Expedited disclosure of preserved traffic data (communication path)',
    vi: 'Tiết lộ khẩn cấp dữ liệu lưu lượng đã được bảo toàn',
  },
  legalSource: un(43),
  family: 'traffic-path',
  fields: [
    field(
      'relatedPreservationReference',
      { en: 'Preservation request being executed', vi: 'Yêu cầu bảo toàn đang thực hiện' },
      shortText(100),
      un(43, '1'),
    ),
    field(
      'serviceProviderIdentity',
      { en: 'Service provider in the communication path', vi: 'Doanh nghiệp trong đường truyền' },
      shortText(),
      un(43, '1'),
    ),
    field(
      'serviceProviderCountry',
      { en: 'Country of that service provider', vi: 'Quốc gia của doanh nghiệp đó' },
      countryCode,
      un(43, '1'),
    ),
    field(
      'pathData',
      { en: 'Traffic data identifying the path', vi: 'Dữ liệu lưu lượng xác định đường truyền' },
      narrative(5000),
      un(43, '1'),
    ),
  ],
  allowedBases: ['UN', 'BUDAPEST', 'BILATERAL', 'RECIPROCITY'],
  responseKinds: ['ACK'],
};
