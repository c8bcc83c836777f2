import { z } from 'zod';
import type { Permission } from '../auth/roles.js';
import type { LegalBasis } from './legal-source.js';
import type { RequestTypeCode } from './request-type-codes.js';
import { conditionSchema } from './responses.js';

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
}

export interface TransitionActor {
  readonly kind: 'user' | 'system' | 'peer';
  readonly userId: string | null;
  readonly permissions: ReadonlySet<Permission>;
}

const text = z.string().trim().min(1).max(10_000);

/** Everything a transition may carry; which parts are required depends on its guards. */
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
});
export type TransitionPayload = z.infer<typeof transitionPayloadSchema>;
