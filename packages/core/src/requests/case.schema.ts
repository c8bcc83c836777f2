import { z } from 'zod';
import { boundedText } from '../support/bounded-text.js';
import { identifierSchema } from './identifiers.js';
import { offenceCodes } from './offences.js';

const text = (max: number) => boundedText(max, { multiline: true });

export const offenceSchema = z.strictObject({
  code: z.enum(offenceCodes),
  domesticProvision: text(200).optional(),
  statutoryMaxPenaltyYears: z.number().min(0).max(100).nullable(),
  conductDescription: text(5000).describe('what was done, in words, for the dual-criminality test'),
  viaIct: z.boolean().optional(),
});

export const jurisdictionBases = [
  'territory',
  'flag-ship',
  'aircraft',
  'victim-national',
  'offender-national',
  'stateless-resident',
  'laundering-preparatory',
  'against-state',
  'aut-dedere',
] as const;

export const personSchema = z.strictObject({
  role: z.enum(['suspect', 'victim', 'witness']),
  name: text(200),
  dateOfBirth: z.iso.date().optional(),
  nationality: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  notes: text(2000).optional(),
  /** A protected witness is visible only to the officers named here (user ids). */
  protectedWitness: z.boolean().default(false),
  visibleTo: z.array(z.string().min(1).max(64)).max(50).default([]),
});

export const caseInputSchema = z.strictObject({
  domesticReference: text(100),
  title: text(300),
  summary: text(10_000),
  offences: z.array(offenceSchema).min(1).max(50),
  persons: z.array(personSchema).max(200).default([]),
  identifiers: z.array(identifierSchema).max(500).default([]),
  jurisdictionBases: z.array(z.enum(jurisdictionBases)).max(9).default([]),
  parallelProceedings: z
    .array(
      z.strictObject({
        country: z.string().regex(/^[A-Z]{2}$/),
        authority: text(200),
        reference: text(100).optional(),
        notes: text(2000).optional(),
      }),
    )
    .max(50)
    .default([]),
});

export type CaseInput = z.input<typeof caseInputSchema>;
export type CaseData = z.output<typeof caseInputSchema>;
export type Person = z.output<typeof personSchema>;

/** What a given officer may see of a case's persons: protected witnesses only if named. */
export function visiblePersons(persons: readonly Person[], userId: string | null): Person[] {
  return persons.filter((p) => !p.protectedWitness || (userId !== null && p.visibleTo.includes(userId)));
}
