import { z } from 'zod';
import { legalBases } from '../requests/legal-source.js';
import { requestTypeCodes } from '../requests/request-type-codes.js';
import { recordedPayloadSchema } from '../requests/request-snapshot.js';
import { evidenceOfferedPayloadSchema } from './evidence-transfer.js';

/** What travels between nodes. Each type has a payload schema checked after decryption. */
export const federationMessageTypes = ['request.sent', 'request.transition', 'evidence.offered'] as const;
export type FederationMessageType = (typeof federationMessageTypes)[number];

const country = z.string().regex(/^[A-Z]{2}$/);

export const requestSentPayloadSchema = z.strictObject({
  reference: z.string().min(4).max(60),
  type: z.enum(requestTypeCodes),
  legalBasis: z.enum(legalBases),
  requestingState: country,
  requestedState: country,
  language: z.string().regex(/^[a-z]{2,3}$/),
  translations: z
    .array(z.strictObject({ language: z.string(), status: z.enum(['pending', 'machine', 'certified']) }))
    .max(10),
  priority: z.enum(['emergency', 'urgent', 'normal']),
  emergencyJustification: z.string().max(4000).nullable(),
  details: z.record(z.string(), z.unknown()),
  createdAt: z.iso.datetime(),
  sentBy: z.string().max(200),
  /** The legal rule set the request was made under; absent from partners on versions before rule sets. */
  ruleSetVersion: z.string().max(40).optional(),
});
export type RequestSentPayload = z.infer<typeof requestSentPayloadSchema>;

export const requestTransitionPayloadSchema = z.strictObject({
  reference: z.string().min(4).max(60),
  action: z.string().regex(/^[a-z][a-z-]{1,40}$/),
  fromState: z.string().max(60),
  toState: z.string().max(60),
  payload: recordedPayloadSchema,
  occurredAt: z.iso.datetime(),
  actorName: z.string().max(200),
  /** The rule set the sender applied to this step (its current one). */
  ruleSetVersion: z.string().max(40).optional(),
});
export type RequestTransitionPayload = z.infer<typeof requestTransitionPayloadSchema>;

export const messagePayloadSchemas = {
  'request.sent': requestSentPayloadSchema,
  'request.transition': requestTransitionPayloadSchema,
  'evidence.offered': evidenceOfferedPayloadSchema,
} as const satisfies Record<FederationMessageType, z.ZodType>;
