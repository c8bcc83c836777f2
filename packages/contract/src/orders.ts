import {
  answerChannels,
  nonDisclosureSchema,
  orderAuthorisationSchema,
  orderDocumentSchema,
  orderInputSchema,
  orderPayloadSchema,
  orderScopeSchema,
  orderTypeCodes,
  providerObjectionCodes,
  roles,
} from '@hanoi247/core';
import { z } from 'zod';
import { idSchema, safeText } from './common.js';

/** What an officer may record for a provider: what the provider would otherwise do in its portal. */
export const recordableActions = ['acknowledge', 'confirm-preservation', 'object'] as const;
export type RecordableAction = (typeof recordableActions)[number];

export const orderParams = z.strictObject({ orderId: idSchema });
const bilingual = z.object({ en: z.string(), vi: z.string() });

export const createOrderBody = orderInputSchema.meta({ id: 'CreateDomesticOrder' });

export const orderTransitionBody = z
  .strictObject({
    action: z.string().regex(/^[a-z][a-z-]{1,40}$/, 'must be an action name such as authorise'),
    payload: orderPayloadSchema.default({}),
  })
  .meta({ id: 'DomesticOrderTransition' });

export const amendOrderBody = z
  .strictObject({
    note: safeText(4000),
    grounds: orderInputSchema.shape.grounds.optional(),
    scope: orderScopeSchema.optional(),
    durationDays: z.number().int().min(1).max(366).optional(),
    authorisedPeriod: z
      .strictObject({ start: z.iso.datetime({ offset: true }), end: z.iso.datetime({ offset: true }) })
      .optional(),
    nonDisclosure: nonDisclosureSchema.optional(),
  })
  .meta({ id: 'AmendDomesticOrder' });

export const fromRequestBody = z
  .strictObject({
    orders: z
      .array(
        z.strictObject({
          providerId: idSchema,
          type: z.enum(orderTypeCodes).optional(),
          authorisation: orderAuthorisationSchema,
          grounds: orderInputSchema.shape.grounds.optional(),
          scope: orderScopeSchema.partial().optional(),
          durationDays: z.number().int().min(1).max(366).optional(),
          nonDisclosure: nonDisclosureSchema.optional(),
        }),
      )
      .min(1)
      .max(20),
  })
  .meta({ id: 'DomesticOrdersFromRequest' });

export const listOrdersQuery = z.strictObject({
  providerId: idSchema.optional(),
  requestId: idSchema.optional(),
  state: z
    .string()
    .regex(/^[A-Z_]{2,40}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

const clockSchema = z.object({
  ruleId: z.string(),
  status: z.string(),
  startedAt: z.string(),
  dueAt: z.string(),
  warnAt: z.string(),
  closedAt: z.string().nullable(),
  escalatedAt: z.string().nullable(),
});

const sharedOrderFields = {
  id: z.string(),
  reference: z.string(),
  type: z.enum(orderTypeCodes),
  typeTitle: bilingual,
  legalSource: z.object({ instrument: z.string(), article: z.string(), paragraph: z.string().optional() }),
  state: z.string(),
  stateLabel: bilingual,
  emergencyJustification: z.string().nullable(),
  emergency: z
    .object({
      justification: z.string(),
      officer: z.string(),
      callback: z.object({
        role: z.string(),
        name: z.string(),
        phone: z.string().optional(),
        email: z.string().optional(),
      }),
    })
    .nullable()
    .describe('an emergency order as served: the issuing officer and the directory contact to call back before acting'),
  terms: z.object({
    authorisation: z.object({ body: z.string(), reviewType: z.string(), decisionReference: z.string() }),
    grounds: z.string(),
    scope: z.object({
      identifiers: z.array(z.record(z.string(), z.unknown())),
      dataCategories: z.array(z.string()),
      dateRange: z.object({ from: z.string(), to: z.string(), timeZone: z.string() }),
    }),
    durationDays: z.number().nullable(),
    authorisedPeriod: z.object({ start: z.string(), end: z.string() }).nullable(),
    nonDisclosure: z.object({ required: z.boolean(), until: z.string().nullable() }),
  }),
  periods: z
    .array(z.object({ n: z.number().int(), start: z.string(), end: z.string(), renewedBy: z.string().nullable() }))
    .readonly()
    .describe('preservation periods, each at most 90 days, each starting where the previous ended'),
  preservedUntil: z.string().nullable(),
  preservedWhat: z.string().nullable(),
  objection: z.object({ reasonCode: z.string(), note: z.string(), at: z.string() }).nullable(),
  servedAt: z.string().nullable(),
  revision: z
    .number()
    .int()
    .describe('the signed revision the provider holds (0 at service, +1 per renewal or re-service)'),
  deadlines: z
    .array(clockSchema)
    .readonly()
    .describe('the provider\u2019s clocks and the preservation lapse, seen by both sides'),
  availableActions: z.array(z.object({ action: z.string(), label: bilingual })).readonly(),
  updatedAt: z.string(),
  version: z.number().int(),
};

export const providerOrderViewSchema = z
  .object({
    ...sharedOrderFields,
    maxProductionBytes: z
      .number()
      .int()
      .positive()
      .describe('the largest production file this node accepts, in bytes: check before hashing or sending'),
  })
  .meta({ id: 'ProviderOrder' });

export const officerOrderViewSchema = z
  .object({
    ...sharedOrderFields,
    provider: z.object({ id: z.string(), legalName: z.string() }),
    requestId: z.string().nullable(),
    requestReference: z.string().nullable(),
    draftedBy: z.array(z.string()).readonly(),
    authorisedBy: z.string().nullable(),
    authorisedAt: z.string().nullable(),
    createdAt: z.string(),
    withheldActions: z
      .array(
        z.object({ action: z.string(), label: bilingual, code: z.string(), roles: z.array(z.enum(roles)).readonly() }),
      )
      .readonly()
      .describe(
        'actions of this step the caller may not take (their stable refusal code) and the roles that may: ' +
          'e.g. confirming a production that discloses evidence abroad needs evidence:export',
      ),
  })
  .meta({ id: 'DomesticOrder' });

export const orderTimelineSchema = z.object({
  events: z.array(
    z.object({
      action: z.string(),
      side: z.string(),
      fromState: z.string().nullable(),
      toState: z.string().nullable(),
      occurredAt: z.string(),
      payload: z.record(z.string(), z.unknown()),
      actorName: z.string().optional(),
      kind: z.string().optional(),
      label: bilingual.describe(
        'what happened, in words: the machine\u2019s label of the action, or the node\u2019s own event',
      ),
    }),
  ),
});

export const signedOrderSchema = z
  .object({
    format: z.literal('hanoi247-signed-order'),
    order: orderDocumentSchema,
    jws: z.string().describe('compact JWS (EdDSA) over the RFC 8785 form of `order`'),
    descriptor: z.unknown().optional().describe('the issuing node\u2019s signed descriptor'),
  })
  .meta({
    id: 'SignedDomesticOrder',
    description: 'Save as order.json and check offline: hanoi247 verify-order order.json --descriptor node.json',
  });

export const confirmPreservationBody = z
  .strictObject({
    preservedUntil: z.iso
      .datetime({ offset: true })
      .describe(
        'until when the data is preserved: in the future and not after the end of ' +
          'the order\u2019s current period (order/preserved-until-beyond-period); ' +
          'an earlier date is a partial confirmation',
      ),
    what: safeText(4000).describe('what was preserved'),
  })
  .meta({ id: 'ConfirmPreservation' });

export const objectBody = z
  .strictObject({ reasonCode: z.enum(providerObjectionCodes), note: safeText(4000) })
  .meta({ id: 'ObjectToOrder' });

/** An answer of a provider not on the platform, recorded by an officer with its document (kept as evidence). */
export const providerAnswerBody = z
  .strictObject({
    action: z.enum(recordableActions),
    payload: orderPayloadSchema.default({}),
    receivedAt: z.iso.datetime({ offset: true }).describe('when the provider\u2019s answer arrived, with its zone'),
    channel: z.enum(answerChannels),
    from: z
      .strictObject({ name: safeText(200), role: safeText(200).optional() })
      .describe('who answered for the provider (kept on this node, never sent to the partner State)'),
    evidenceItemId: idSchema.describe('the answer itself, already an evidence item of the request the order executes'),
  })
  .meta({ id: 'RecordedProviderAnswer' });

export const productionHeaders = z.object({
  'x-content-sha256': z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'your SHA-256 of the file, 64 hex characters')
    .describe('your SHA-256 of the file: it must equal ours or nothing is kept'),
  'x-filename': z.string().min(1).max(600).describe('the file name, percent-encoded UTF-8'),
  'x-data-category': z.enum(['subscriber', 'traffic', 'content', 'other']),
  'x-media-type': z
    .string()
    .max(200)
    .optional()
    .describe('the file\u2019s media type; it is stored, never used to serve the file inline'),
  'content-length': z.string().regex(/^\d+$/).optional(),
});

export const productionReceiptSchema = z
  .object({
    evidence: z.object({
      id: z.string(),
      sha256: z.string(),
      size: z.number().int(),
      filename: z.string(),
      mediaType: z.string(),
      createdAt: z.string(),
    }),
    providerSha256: z.string(),
    order: providerOrderViewSchema,
  })
  .meta({ id: 'ProductionReceipt' });

export const providerOrdersQuery = z.strictObject({
  state: z
    .string()
    .regex(/^[A-Z_]{2,40}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const providerOrdersSchema = z.object({ orders: z.array(providerOrderViewSchema) });
export const officerOrdersSchema = z.object({ orders: z.array(officerOrderViewSchema) });
export const ordersFromRequestSchema = z.object({ requestState: z.string(), orders: z.array(officerOrderViewSchema) });
