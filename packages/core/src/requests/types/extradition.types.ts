import { z } from 'zod';
import type { FieldIssue } from '../../errors/domain-error.js';
import { budapestCite } from '../budapest-citations.js';
import { citeLegalSource, type LegalBasis } from '../legal-source.js';
import { extraditionThresholdYears } from '../offences.js';
import { unCite } from '../un-numbering.js';
import {
  allBases,
  basisFields,
  countryCode,
  field,
  narrative,
  optional,
  shortText,
  type Bilingual,
  type FieldSpec,
  type RequestTypeDefinition,
} from './field-spec.js';

const extradition = unCite.extradition;
const budapest = budapestCite.extradition;

const personSought = field(
  'personSought',
  { en: 'Person sought', vi: 'Người bị yêu cầu dẫn độ' },
  z.strictObject({
    name: shortText(200),
    dateOfBirth: z.iso.date().optional(),
    nationality: countryCode.optional(),
    description: narrative(2000).optional(),
  }),
  extradition.article,
);
const warrant = field(
  'warrantReference',
  { en: 'Arrest warrant or judgment', vi: 'Lệnh bắt hoặc bản án' },
  shortText(),
  extradition.article,
);
const penalty = z.number().min(0).max(100);

/** Art. 37(1), Budapest art. 24(1)(a): at least one year's maximum under the law of both States. */
function thresholdIssues(details: Readonly<Record<string, unknown>>, basis: LegalBasis): FieldIssue[] {
  const source = citeLegalSource(basis === 'BUDAPEST' ? budapest.scope : extradition.scope);
  const below = (name: string) => typeof details[name] === 'number' && details[name] < extraditionThresholdYears;
  return [
    ...(below('maxPenaltyYears')
      ? [
          {
            path: '/details/maxPenaltyYears',
            message:
              `extradition needs a maximum of at least ${extraditionThresholdYears} year ` +
              `in the requesting State (${source})`,
          },
        ]
      : []),
    ...(below('requestedStateMaxPenaltyYears')
      ? [
          {
            path: '/details/requestedStateMaxPenaltyYears',
            message:
              `extradition needs a maximum of at least ${extraditionThresholdYears} year ` +
              `in the requested State too (${source})`,
          },
        ]
      : []),
  ];
}

export const extraditionType: RequestTypeDefinition = {
  code: 'EXTRADITION_37',
  title: { en: 'Request for extradition', vi: 'Yêu cầu dẫn độ' },
  legalSource: extradition.article,
  sourceFor: { BUDAPEST: budapest.scope },
  family: 'extradition',
  fields: [
    personSought,
    warrant,
    field('offenceDescription', { en: 'Offence and facts', vi: 'Tội danh và sự việc' }, narrative(), extradition.scope),
    maxPenalty(
      'maxPenaltyYears',
      {
        en: 'Maximum penalty in the requesting State (years)',
        vi: 'Mức hình phạt tối đa tại quốc gia yêu cầu (năm)',
      },
      allBases,
    ),
    // The requested State checks its own law when it accepts; the requesting State may say what it knows.
    maxPenalty(
      'requestedStateMaxPenaltyYears',
      {
        en: 'Maximum penalty for the conduct in the requested State (years), if known',
        vi: 'Mức hình phạt tối đa tại quốc gia được yêu cầu (năm), nếu biết',
      },
      optional,
    ),
    field(
      'assurances',
      { en: 'Assurances offered', vi: 'Các cam kết' },
      narrative(3000),
      extradition.article,
      optional,
    ),
    ...basisFields(),
  ],
  allowedBases: ['UN', 'BUDAPEST', 'BILATERAL', 'RECIPROCITY'],
  responseKinds: ['ACK', 'INFO_REQUEST', 'CONSULTATION', 'ACCEPT', 'REFUSE', 'EXECUTED'],
  check: thresholdIssues,
};

function maxPenalty(name: string, label: Bilingual, requiredFor: readonly LegalBasis[]): FieldSpec {
  return { ...field(name, label, penalty, extradition.scope, requiredFor), sourceFor: { BUDAPEST: budapest.scope } };
}

export const provisionalArrestType: RequestTypeDefinition = {
  code: 'PROVISIONAL_ARREST_37',
  title: { en: 'Request for provisional arrest', vi: 'Yêu cầu bắt giữ tạm thời' },
  legalSource: extradition.provisionalArrest,
  sourceFor: { BUDAPEST: budapest.provisionalArrest },
  family: 'extradition',
  fields: [
    personSought,
    warrant,
    field(
      'urgency',
      { en: 'Why the arrest is urgent', vi: 'Lý do khẩn cấp' },
      narrative(3000),
      extradition.provisionalArrest,
    ),
    field(
      'extraditionWillFollow',
      { en: 'A request for extradition will follow', vi: 'Sẽ gửi yêu cầu dẫn độ' },
      z.literal(true),
      extradition.provisionalArrest,
    ),
    field(
      'whereabouts',
      { en: 'Known whereabouts', vi: 'Nơi ở được biết' },
      narrative(2000),
      extradition.provisionalArrest,
      optional,
    ),
    ...basisFields(),
  ],
  allowedBases: ['UN', 'BUDAPEST', 'BILATERAL', 'RECIPROCITY'],
  // Consultation precedes every refusal in the extradition family (UN art. 37(17)).
  responseKinds: ['ACK', 'INFO_REQUEST', 'CONSULTATION', 'ACCEPT', 'REFUSE', 'EXECUTED'],
};
