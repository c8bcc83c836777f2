import { z } from 'zod';
import { boundedText } from '../support/bounded-text.js';
import { rawIdentifierSchema, transferSchema } from './report.schema.js';
import { firstContactChannels, scamTypeCodes } from './scam-types.js';

/** Limits of the public form: a citizen's report is small, and a flood costs its sender, not the node. */
export const citizenReportLimits = {
  maxBodyBytes: 64 * 1024,
  maxIdentifiers: 20,
  maxTransfers: 20,
  maxNarrativeChars: 8000,
} as const;

/** The answer to a proof-of-work challenge: the challenge as given, and the number found for it. */
export const proofOfWorkSchema = z.strictObject({
  challenge: z.string().min(1).max(400),
  solution: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
});

/** How the reporter may be reached; each part optional, sealed at rest, never shared beyond the node. */
export const reporterContactSchema = z.strictObject({
  name: boundedText(200).optional(),
  phone: boundedText(40).optional(),
  email: boundedText(254).optional(),
});

const narrative = boundedText(citizenReportLimits.maxNarrativeChars, { multiline: true });
const transfers = z.array(transferSchema).max(citizenReportLimits.maxTransfers).default([]);
const identifiers = z.array(rawIdentifierSchema).max(citizenReportLimits.maxIdentifiers).default([]);

/** A citizen's report from the public page: what happened, the money lost, the scammer's identifiers. */
export const citizenReportInputSchema = z.strictObject({
  narrative,
  scamType: z.enum(scamTypeCodes),
  occurredAt: z.iso.datetime({ offset: true }),
  firstContact: z.enum(firstContactChannels),
  province: boundedText(100).optional(),
  transfers,
  identifiers,
  contact: reporterContactSchema.optional(),
  proofOfWork: proofOfWorkSchema,
});
export type CitizenReportInput = z.infer<typeof citizenReportInputSchema>;

/** More information on a report already made: at least one part. */
export const citizenAdditionInputSchema = z
  .strictObject({ narrative: narrative.optional(), transfers, identifiers })
  .refine((a) => a.narrative !== undefined || a.transfers.length > 0 || a.identifiers.length > 0, {
    message: 'add a description, a transfer or an identifier',
  });
export type CitizenAdditionInput = z.infer<typeof citizenAdditionInputSchema>;

/** The public statuses a reporter sees, in order of progress. */
export const citizenReportStatuses = ['received', 'under-review', 'confirmed', 'shared', 'funds-frozen'] as const;
export type CitizenReportStatus = (typeof citizenReportStatuses)[number];
