import { z } from 'zod';
import type { Permission } from '../auth/roles.js';
import { providerObjectionCodes } from '../requests/reason-codes.js';
import { boundedText } from '../support/bounded-text.js';
import type { OrderSide } from './order.machine.js';
import type { OrderTypeCode } from './order-types.js';

/** One period of preservation. Renewals chain: each starts where the previous one ended. */
export interface OrderPeriod {
  readonly n: number;
  readonly start: string;
  readonly end: string;
  readonly renewedBy: 'officer' | 'system' | null;
}

/** What the rules need to know about an order; the server maps its rows to this. */
export interface OrderSnapshot {
  readonly type: OrderTypeCode;
  readonly state: string;
  readonly emergency: boolean;
  /** The officer who drafted it and everyone who amended it: none of them may authorise it. */
  readonly draftedBy: readonly string[];
  readonly durationDays: number | null;
  readonly periods: readonly OrderPeriod[];
  readonly authorisedPeriod: { readonly start: string; readonly end: string } | null;
  /**
   * The order executes a foreign State's request: its production is offered to that State when confirmed complete, a
   * disclosure abroad.
   */
  readonly executesForeignRequest: boolean;
}

export interface OrderActor {
  readonly side: OrderSide;
  readonly userId: string | null;
  readonly permissions: ReadonlySet<Permission>;
}

const zoned = z.iso.datetime({ offset: true, error: 'must be an ISO-8601 timestamp with its zone' });

/** Everything an order transition may carry; which parts are required depends on its guards. */
export const orderPayloadSchema = z.strictObject({
  note: boundedText(4000, { multiline: true }).optional(),
  preservedUntil: zoned.optional(),
  preservedWhat: boundedText(4000, { multiline: true }).optional(),
  reasonCode: z.enum(providerObjectionCodes).optional(),
  renewalDays: z.number().int().min(1).max(366).optional(),
});
export type OrderPayload = z.infer<typeof orderPayloadSchema>;

export const currentPeriod = (order: Pick<OrderSnapshot, 'periods'>): OrderPeriod | null =>
  order.periods.at(-1) ?? null;
