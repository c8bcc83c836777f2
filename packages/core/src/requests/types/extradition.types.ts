import { z } from 'zod';
import { un } from '../legal-source.js';
import { extraditionThresholdYears } from '../offences.js';
import {
  basisFields,
  countryCode,
  field,
  narrative,
  optional,
  shortText,
  type RequestTypeDefinition,
} from './field-spec.js';

const personSought = field(
  'personSought',
  { en: 'Person sought', vi: 'Người bị yêu cầu dẫn độ' },
  z.strictObject({
    name: shortText(200),
    dateOfBirth: z.iso.date().optional(),
    nationality: countryCode.optional(),
    description: narrative(2000).optional(),
  }),
  un(37),
);
const warrant = field(
  'warrantReference',
  { en: 'Arrest warrant or judgment', vi: 'Lệnh bắt hoặc bản án' },
  shortText(),
  un(37),
);

export const extraditionType: RequestTypeDefinition = {
  code: 'EXTRADITION_37',
  title: { en: 'Request for extradition', vi: 'Yêu cầu dẫn độ' },
  legalSource: un(37),
  family: 'extradition',
  fields: [
    personSought,
    warrant,
    field('offenceDescription', { en: 'Offence and facts', vi: 'Tội danh và sự việc' }, narrative(), un(37, '1')),
    field(
      'maxPenaltyYears',
      { en: 'Maximum penalty in the requesting State (years)', vi: 'Mức hình phạt tối đa (năm)' },
      z.number().min(0).max(100),
      un(37, '1'),
    ),
    field('assurances', { en: 'Assurances offered', vi: 'Các cam kết' }, narrative(3000), un(37), optional),
    ...basisFields(),
  ],
  allowedBases: ['UN', 'BILATERAL', 'RECIPROCITY'],
  responseKinds: ['ACK', 'INFO_REQUEST', 'CONSULTATION', 'ACCEPT', 'REFUSE', 'EXECUTED'],
  check: (details) =>
    typeof details['maxPenaltyYears'] === 'number' && details['maxPenaltyYears'] < extraditionThresholdYears
      ? [
          {
            path: '/details/maxPenaltyYears',
            message: `extradition needs a maximum of at least ${extraditionThresholdYears} year (UN Convention against Cybercrime art. 37(1))`,
          },
        ]
      : [],
};

export const provisionalArrestType: RequestTypeDefinition = {
  code: 'PROVISIONAL_ARREST_37',
  title: { en: 'Request for provisional arrest', vi: 'Yêu cầu bắt giữ tạm thời' },
  legalSource: un(37, '9', false),
  family: 'extradition',
  fields: [
    personSought,
    warrant,
    field('urgency', { en: 'Why the arrest is urgent', vi: 'Lý do khẩn cấp' }, narrative(3000), un(37, '9', false)),
    field(
      'extraditionWillFollow',
      { en: 'A request for extradition will follow', vi: 'Sẽ gửi yêu cầu dẫn độ' },
      z.literal(true),
      un(37, '9', false),
    ),
    field(
      'whereabouts',
      { en: 'Known whereabouts', vi: 'Nơi ở được biết' },
      narrative(2000),
      un(37, '9', false),
      optional,
    ),
    ...basisFields(),
  ],
  allowedBases: ['UN', 'BILATERAL', 'RECIPROCITY'],
  // Consultation precedes every refusal in the extradition family (UN art. 37).
  responseKinds: ['ACK', 'INFO_REQUEST', 'CONSULTATION', 'ACCEPT', 'REFUSE', 'EXECUTED'],
};
