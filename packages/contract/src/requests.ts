import { legalBases, requestTypeCodes, roles, transitionPayloadSchema } from '@hanoi247/core';
import { z } from 'zod';
import { idSchema, safeText } from './common.js';

const country = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as SG');
const language = z.string().regex(/^[a-z]{2,3}$/, 'must be an ISO 639 language code such as en or vi');
const translations = z.array(z.strictObject({ language, status: z.enum(['pending', 'machine', 'certified']) })).max(10);
const priority = z.enum(['emergency', 'urgent', 'normal']);
/** Type-specific fields are validated against the request-type registry in the service. */
const details = z
  .record(z.string(), z.unknown())
  .meta({ description: 'fields of the request type: see GET /api/v1/request-types' });

export const createRequestBody = z
  .strictObject({
    caseId: idSchema.optional(),
    type: z.enum(requestTypeCodes),
    legalBasis: z.enum(legalBases),
    requestedState: country,
    language,
    translations: translations.optional(),
    priority: priority.default('normal'),
    emergencyJustification: safeText(4000).optional(),
    details: details.default({}),
  })
  .meta({ id: 'CreateRequest' });

export const incomingRequestBody = z
  .strictObject({
    reference: z
      .string()
      .regex(
        /^[A-Z]{2}-[0-9A-Za-z/-]{1,40}$/,
        'must be the requesting State\u2019s reference, starting with its country code',
      ),
    requestingState: country,
    type: z.enum(requestTypeCodes),
    legalBasis: z.enum(legalBases),
    language,
    translations: translations.optional(),
    priority: priority.default('normal'),
    emergencyJustification: safeText(4000).optional(),
    details: details.default({}),
  })
  .meta({ id: 'RecordIncomingRequest' });

export const updateRequestBody = z
  .strictObject({
    version: z.number().int().min(1).describe('the version you read: a change made meanwhile gives 409'),
    language: language.optional(),
    translations: translations.optional(),
    priority: priority.optional(),
    emergencyJustification: safeText(4000).optional(),
    details: details.optional(),
  })
  .meta({ id: 'UpdateDraftRequest' });

export const transitionBody = z
  .strictObject({
    action: z.string().regex(/^[a-z][a-z-]{1,40}$/, 'must be an action name such as approve'),
    payload: transitionPayloadSchema.default({}),
  })
  .meta({ id: 'RequestTransition' });

export const requestParams = z.strictObject({ requestId: idSchema });

export const listRequestsQuery = z.strictObject({
  direction: z.enum(['outgoing', 'incoming']).optional(),
  type: z.enum(requestTypeCodes).optional(),
  state: z
    .string()
    .regex(/^[A-Z_]{2,40}$/)
    .optional(),
  country: country.optional(),
  caseId: idSchema.optional(),
  assignee: z
    .union([z.enum(['me', 'unassigned']), idSchema])
    .optional()
    .describe('a user id, me, or unassigned'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

const assigneeSchema = z.object({ id: z.string(), displayName: z.string() });
const bilingual = z.object({ en: z.string(), vi: z.string() });
const issue = z.object({ path: z.string(), message: z.string() });

export const requestViewSchema = z
  .object({
    id: z.string(),
    reference: z.string(),
    caseId: z.string().nullable(),
    type: z.string(),
    typeTitle: bilingual,
    direction: z.enum(['outgoing', 'incoming']),
    state: z.string(),
    stateLabel: bilingual,
    legalBasis: z.string(),
    requestingState: z.string(),
    requestedState: z.string(),
    language: z.string(),
    translations: z.array(z.object({ language: z.string(), status: z.string() })).readonly(),
    priority: priority,
    emergencyJustification: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    consultationRecordedAt: z.string().nullable(),
    parentRequestId: z.string().nullable(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
    preservedUntil: z
      .string()
      .nullable()
      .describe('the latest date a provider confirmed the data preserved until, under a domestic order'),
    ruleSetVersion: z
      .string()
      .nullable()
      .describe(
        'the version of the legal rule set the request was made under (the partner\u2019s, for an incoming one)',
      ),
    preservationOrderedUntil: z
      .string()
      .nullable()
      .describe('the end of the domestic order\u2019s current period, renewals included'),
    availableActions: z.array(z.object({ action: z.string(), label: bilingual, permission: z.string() })).readonly(),
    nextStep: z
      .object({
        owner: z.enum(['viewer', 'colleague', 'order', 'partner', 'none']),
        actions: z.array(z.object({ action: z.string(), label: bilingual })).readonly(),
        roles: z.array(z.enum(roles)).readonly(),
        dueAt: z.string().nullable(),
      })
      .describe(
        'who acts next: the viewer, a colleague holding one of `roles`, the domestic ' +
          'order (the provider), the partner, or nobody; by when',
      ),
    missing: z.array(issue).readonly().describe('required fields still missing, each with its legal source'),
    warnings: z.array(z.string()).readonly().describe('eligibility warnings, and whether they could be checked'),
    draftingWarnings: z
      .array(
        z.object({
          code: z.string(),
          params: z.record(z.string(), z.string()),
          text: bilingual,
        }),
      )
      .readonly()
      .describe(
        'the requested State\u2019s languages, bases and reservations against the ' +
          'draft: a code, its parameters, its words',
      ),
    conditions: z
      .array(
        z.object({
          id: z.string(),
          kind: z.string(),
          text: z.string(),
          status: z.string(),
          eventId: z.string(),
          createdAt: z.string(),
          decidedAt: z.string().nullable(),
        }),
      )
      .readonly(),
    deadlines: z
      .array(
        z.object({
          id: z.string(),
          ruleId: z.string(),
          status: z.string(),
          startedAt: z.string(),
          dueAt: z.string(),
          warnAt: z.string(),
          closedAt: z.string().nullable(),
          escalatedAt: z.string().nullable(),
          requestId: z.string(),
        }),
      )
      .readonly(),
    links: z.array(z.object({ toReference: z.string(), kind: z.string(), createdAt: z.string() })).readonly(),
    assignedTo: z.string().nullable(),
    assignee: assigneeSchema.nullable(),
  })
  .meta({ id: 'Request' });

export const assignmentBody = z
  .strictObject({ userId: idSchema.nullable().describe('the officer to assign, or null to unassign') })
  .meta({ id: 'RequestAssignment' });

/** Names and ids only: what the assignment picker needs, nothing of the officers' accounts. */
export const assignableOfficersSchema = z
  .strictObject({ officers: z.array(z.strictObject({ id: z.string(), displayName: z.string() })).readonly() })
  .meta({ id: 'AssignableOfficers' });

export const queueItemSchema = z.object({
  id: z.string(),
  reference: z.string(),
  type: z.string(),
  direction: z.enum(['outgoing', 'incoming']),
  state: z.string(),
  priority: priority,
  requestingState: z.string(),
  requestedState: z.string(),
  nextDueAt: z.string().nullable(),
  createdAt: z.string(),
  assignee: assigneeSchema.nullable(),
  escalated: z.boolean().describe('a clock of the request was breached and escalated, and is not closed'),
});

export const timelineSchema = z.object({
  events: z
    .array(
      z.object({
        id: z.string(),
        kind: z.string(),
        action: z.string(),
        fromState: z.string().nullable(),
        toState: z.string().nullable(),
        responseKind: z.string().nullable(),
        actorId: z.string().nullable(),
        actorName: z.string(),
        occurredAt: z.string(),
        payload: z.record(z.string(), z.unknown()),
        label: bilingual.describe(
          'what happened, in words: the machine\u2019s label of the action, either side\u2019s',
        ),
      }),
    )
    .readonly(),
});

export const requestDocumentQuery = z.strictObject({
  languages: z
    .string()
    .regex(/^[a-z]{2}(,[a-z]{2}){0,3}$/, 'a comma-separated list of language codes such as vi,en')
    .transform((v) => v.split(','))
    .optional(),
});

export const queueSchema = z.object({ requests: z.array(queueItemSchema).readonly() });
export const responseDocumentParams = z.strictObject({ requestId: idSchema, eventId: idSchema });
export const requestDocumentSchema = z.object({
  record: z.unknown(),
  canonical: z.string(),
  digest: z.string(),
  signature: z.object({ alg: z.literal('EdDSA'), keyId: z.string(), fingerprint: z.string(), value: z.string() }),
});
