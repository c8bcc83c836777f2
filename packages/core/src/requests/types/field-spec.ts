import { z } from 'zod';
import { identifierSchema } from '../identifiers.js';
import type { LegalBasis, LegalSource } from '../legal-source.js';
import type { ResponseKind } from '../responses.js';
import type { RequestTypeCode } from '../request-type-codes.js';
import type { FieldIssue } from '../../errors/domain-error.js';
import { boundedText } from '../../support/bounded-text.js';

export interface Bilingual {
  readonly en: string;
  readonly vi: string;
}

/**
 * One field of a request: its schema, its label in the officers' languages, the legal
 * source that asks for it, and when it is required. Required-ness depends on the legal
 * basis (brief §1.8: "validation rules are selected by that value").
 */
export interface FieldSpec {
  readonly name: string;
  readonly label: Bilingual;
  readonly schema: z.ZodType;
  readonly legalSource: LegalSource;
  readonly requiredFor: readonly LegalBasis[];
  /** Where another instrument is the source under a given basis (e.g. Budapest art. 29(2)). */
  readonly sourceFor?: Partial<Record<LegalBasis, LegalSource>>;
}

export type StateMachineFamily =
  'preservation' | 'traffic-path' | 'mla' | 'realtime' | 'le-exchange' | 'asset' | 'extradition';

export interface RequestTypeDefinition {
  readonly code: RequestTypeCode;
  readonly title: Bilingual;
  readonly legalSource: LegalSource;
  /** Where another instrument is the basis of the whole request (e.g. Budapest art. 29 for preservation). */
  readonly sourceFor?: Partial<Record<LegalBasis, LegalSource>>;
  readonly family: StateMachineFamily;
  readonly fields: readonly FieldSpec[];
  readonly allowedBases: readonly LegalBasis[];
  readonly responseKinds: readonly ResponseKind[];
  /** Cross-field rules a field list cannot express; run only on complete requests. */
  readonly check?: (details: Readonly<Record<string, unknown>>, basis: LegalBasis) => FieldIssue[];
}

export const allBases: readonly LegalBasis[] = ['UN', 'BUDAPEST', 'BILATERAL', 'RECIPROCITY'];
export const optional: readonly LegalBasis[] = [];

export const narrative = (max = 10_000) => boundedText(max, { multiline: true });
export const shortText = (max = 300) => narrative(max);
export const countryCode = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code');
export const zonedTimestamp = z.iso.datetime({
  offset: true,
  error: 'must be an ISO-8601 timestamp with its zone, such as 2026-11-02T14:03:11+07:00',
});
export const identifiersField = z.array(identifierSchema).min(1, 'name at least one identifier').max(500);
/** The message of a range whose end comes before its start: the server answers it with its own code. */
export const reversedRangeMessage = 'from must not be after to';
export const dateRange = z
  .strictObject({ from: zonedTimestamp, to: zonedTimestamp })
  .refine((r) => Date.parse(r.from) <= Date.parse(r.to), reversedRangeMessage);
export const dataCategories = z
  .array(z.enum(['subscriber', 'traffic', 'content', 'other']))
  .min(1)
  .max(4);

export function field(
  name: string,
  label: Bilingual,
  schema: z.ZodType,
  legalSource: LegalSource,
  requiredFor: readonly LegalBasis[] = allBases,
): FieldSpec {
  return { name, label, schema, legalSource, requiredFor };
}

/** Fields every basis-dependent request carries about the basis itself. */
export function basisFields(): FieldSpec[] {
  return [
    field(
      'treatyReference',
      { en: 'Treaty relied on', vi: 'Điều ước được viện dẫn' },
      shortText(300),
      {
        instrument: 'BILATERAL',
        article: '-',
        note: 'the treaty governs when one exists (UN art. 40(6))',
      },
      ['BILATERAL'],
    ),
    field(
      'reciprocityAssurance',
      { en: 'Assurance of reciprocity', vi: 'Cam kết có đi có lại' },
      narrative(2000),
      {
        instrument: 'RECIPROCITY',
        article: '-',
        note: 'assistance without a treaty needs an assurance of reciprocity',
      },
      ['RECIPROCITY'],
    ),
  ];
}
