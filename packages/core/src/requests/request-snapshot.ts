import { z } from 'zod';
import type { Permission } from '../auth/roles.js';
import type { LegalBasis } from './legal-source.js';
import type { RequestTypeCode } from './request-type-codes.js';
import { conditionSchema } from './responses.js';
import { answerChannels, timelineNoteSchema } from './timeline-notes.js';

/** What the rules need to know about a request; the server maps its rows to this. */
export interface RequestSnapshot {
  readonly id: string;
  readonly type: RequestTypeCode;
  readonly direction: 'outgoing' | 'incoming';
  readonly state: string;
  readonly legalBasis: LegalBasis;
  readonly details: Readonly<Record<string, unknown>>;
  readonly emergency: boolean;
  readonly urgent: boolean;
  /** Everyone who created, edited or submitted it: none of them may approve it. */
  readonly draftedBy: readonly string[];
  readonly consultationRecorded: boolean;
  /** The latest date a provider confirmed the data preserved until, under this node's orders or mirrored. */
  readonly preservedUntil: string | null;
  /** Domestic orders made for this request that still wait on their provider. */
  readonly openOrders: number;
}

/**
 * Who acts: an officer (`user`), the legal clock (`system`), a partner node whose act is mirrored
 * (`peer`), or one of this node's domestic orders whose event the request records (`order`).
 */
export interface TransitionActor {
  readonly kind: 'user' | 'system' | 'peer' | 'order';
  readonly userId: string | null;
  readonly permissions: ReadonlySet<Permission>;
}

const text = z.string().trim().min(1).max(10_000);
const instant = z.iso.datetime({ offset: true });

/**
 * What an officer may send with a transition; which parts are required depends on its guards. Text
 * typed by the officer is kept as typed, with the language it was typed in (`language`).
 */
export const transitionPayloadSchema = z.strictObject({
  note: text.optional(),
  information: text.optional(),
  reasonCodes: z
    .array(z.string().regex(/^[A-Z_0-9]{2,60}$/))
    .max(10)
    .optional(),
  reasons: text.optional(),
  conditions: z.array(conditionSchema).max(20).optional(),
  preservedUntil: z.iso.datetime({ offset: true }).optional(),
  authorisedStart: z.iso.datetime({ offset: true }).optional(),
  authorisedEnd: z.iso.datetime({ offset: true }).optional(),
  linkedRequestId: z.string().min(1).max(64).optional(),
  thirdState: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  /** Accepting an extradition: the maximum penalty for the conduct under the requested State's law. */
  requestedStateMaxPenaltyYears: z.number().min(0).max(100).optional(),
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/)
    .optional(),
});

/** What one of this node's domestic orders tells the request it executes (never typed by an officer). */
export const orderFactsSchema = z.strictObject({
  reference: z.string().min(4).max(60),
  /** The end of the order's current period: what the requesting State is shown as ordered. */
  periodEnd: instant.optional(),
  /** An answer an officer recorded for a provider not on the platform: how and when it arrived. */
  recorded: z.strictObject({ channel: z.enum(answerChannels), receivedAt: instant }).optional(),
  partial: z.boolean().optional(),
});
export type OrderFacts = z.infer<typeof orderFactsSchema>;

/** Everything a recorded transition may carry: the officer's part, and the node's own notes and order facts. */
export const recordedPayloadSchema = transitionPayloadSchema.extend({
  notes: z.array(timelineNoteSchema).max(5).optional(),
  order: orderFactsSchema.optional(),
});
export type TransitionPayload = z.infer<typeof recordedPayloadSchema>;
