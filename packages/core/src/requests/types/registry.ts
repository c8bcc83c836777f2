import { z } from 'zod';
import type { FieldIssue } from '../../errors/domain-error.js';
import { citeLegalSource, type LegalBasis, type LegalSource } from '../legal-source.js';
import type { RequestTypeCode } from '../request-type-codes.js';
import { freezeConfiscateType, returnOfProceedsType } from './asset.types.js';
import { jointInvestigationType, leInformationType, spontaneousInformationType } from './cooperation.types.js';
import { extraditionType, provisionalArrestType } from './extradition.types.js';
import type { FieldSpec, RequestTypeDefinition } from './field-spec.js';
import { interceptionType, mlaType, otherAssistanceType, realtimeTrafficType, storedDataType } from './mla.types.js';
import { preservationType, trafficPathType } from './preservation.types.js';

export const requestTypes: Readonly<Record<RequestTypeCode, RequestTypeDefinition>> = {
  PRESERVATION_42: preservationType,
  TRAFFIC_PATH_43: trafficPathType,
  MLA_40: mlaType,
  STORED_DATA_44: storedDataType,
  REALTIME_TRAFFIC_45: realtimeTrafficType,
  INTERCEPTION_46: interceptionType,
  LE_INFO_47: leInformationType,
  SPONTANEOUS_40_51: spontaneousInformationType,
  JIT_48: jointInvestigationType,
  FREEZE_CONFISCATE_50: freezeConfiscateType,
  RETURN_52: returnOfProceedsType,
  EXTRADITION_37: extraditionType,
  PROVISIONAL_ARREST_37: provisionalArrestType,
  OTHER_ASSISTANCE: otherAssistanceType,
};

export function fieldSource(spec: FieldSpec, basis: LegalBasis): LegalSource {
  return spec.sourceFor?.[basis] ?? spec.legalSource;
}

/** The article a request of this type rests on under its basis (Budapest art. 29 for a Budapest preservation). */
export function typeSource(code: RequestTypeCode, basis: LegalBasis): LegalSource {
  const type = requestTypes[code];
  return type.sourceFor?.[basis] ?? type.legalSource;
}

/** Every field optional: a draft may be saved half-written, but never with a wrong value. */
const draftSchemas = new Map<RequestTypeCode, z.ZodType>();
function draftSchema(type: RequestTypeDefinition): z.ZodType {
  let schema = draftSchemas.get(type.code);
  if (schema === undefined) {
    schema = z.strictObject(Object.fromEntries(type.fields.map((f) => [f.name, f.schema.optional()])));
    draftSchemas.set(type.code, schema);
  }
  return schema;
}

export type DetailsValidation =
  | { readonly ok: true; readonly details: Readonly<Record<string, unknown>>; readonly missing: readonly FieldIssue[] }
  | { readonly ok: false; readonly issues: readonly FieldIssue[] };

/**
 * Checks a request's type-specific details under its legal basis. Wrong values always fail;
 * missing required fields are returned in `missing` (every one, each with its legal source)
 * so a draft can be saved and submission can refuse with the complete list.
 */
export function validateRequestDetails(code: RequestTypeCode, basis: LegalBasis, details: unknown): DetailsValidation {
  const type = requestTypes[code];
  if (!type.allowedBases.includes(basis)) {
    return {
      ok: false,
      issues: [
        {
          path: '/legalBasis',
          message:
            `${basis} is not a legal basis for ${type.title.en}; ` +
            `allowed: ${type.allowedBases.join(', ')} (${citeLegalSource(type.legalSource)})`,
        },
      ],
    };
  }
  const parsed = draftSchema(type).safeParse(details ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => ({
        path:
          '/details' +
          (issue.path.length > 0 ? `/${issue.path.join('/')}` : '') +
          (issue.code === 'unrecognized_keys' ? `/${issue.keys.join(',')}` : ''),
        message: issue.message,
      })),
    };
  }
  const values = parsed.data as Record<string, unknown>;
  const missing: FieldIssue[] = type.fields
    .filter((f) => f.requiredFor.includes(basis) && values[f.name] === undefined)
    .map((f) => ({
      path: `/details/${f.name}`,
      message: `${f.label.en} is required (${citeLegalSource(fieldSource(f, basis))})`,
    }));
  const crossField = missing.length === 0 ? (type.check?.(values, basis) ?? []) : [];
  return { ok: true, details: values, missing: [...missing, ...crossField] };
}
