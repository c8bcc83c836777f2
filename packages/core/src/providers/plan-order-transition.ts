import { z } from 'zod';
import type { Permission } from '../auth/roles.js';
import { DomainError } from '../errors/domain-error.js';
import { providerObjectionCodes } from '../requests/reason-codes.js';
import { citeLegalSource } from '../requests/legal-source.js';
import { unCite } from '../requests/un-numbering.js';
import { boundedText } from '../support/bounded-text.js';
import { addLegalDays, legalDaysBetween, utcZone } from '../support/legal-time.js';
import { orderClockEffects, type OrderClockEffect } from './order-deadlines.js';
import {
  orderTransitions,
  type OrderGuardId,
  type OrderSide,
  type OrderTransitionDefinition,
} from './order.machine.js';
import {
  defaultOrderDeadlineSettings,
  orderTypes,
  type OrderDeadlineSettings,
  type OrderTypeCode,
} from './order-types.js';

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

export interface OrderPlan {
  readonly action: string;
  readonly from: string;
  readonly to: string;
  readonly transition: OrderTransitionDefinition;
  /** The preservation periods after the transition (a renewal appends one). */
  readonly periods: readonly OrderPeriod[];
  readonly clocks: readonly OrderClockEffect[];
}

export const currentPeriod = (order: Pick<OrderSnapshot, 'periods'>): OrderPeriod | null =>
  order.periods.at(-1) ?? null;

const blank = (text: string | undefined): boolean => text === undefined || text.trim() === '';

type GuardContext = {
  readonly order: OrderSnapshot;
  readonly actor: OrderActor;
  readonly payload: OrderPayload;
  readonly now: Date;
};

const guards: Record<OrderGuardId, (context: GuardContext) => void> = {
  'four-eyes': ({ order, actor }) => {
    if (actor.userId === null || order.draftedBy.includes(actor.userId)) {
      throw new DomainError(
        'order/four-eyes',
        `whoever drafted or amended an order cannot record its authorisation: a ` +
          `second officer must (${citeLegalSource(unCite.powers.safeguards)})`,
      );
    }
  },
  // UN art. 25: the order binds for its period (renewals chain periods); a provider cannot confirm
  // beyond it, and may confirm less (a partial confirmation, which alerts the officer).
  'preservation-confirmation': ({ order, payload, now }) => {
    if (blank(payload.preservedWhat) || payload.preservedUntil === undefined) {
      throw new DomainError('order/preservation-confirmation-invalid', 'confirm what was preserved, and until when', {
        issues: [
          ...(blank(payload.preservedWhat)
            ? [{ path: '/payload/preservedWhat', message: 'say what was preserved' }]
            : []),
          ...(payload.preservedUntil === undefined ? [{ path: '/payload/preservedUntil', message: 'required' }] : []),
        ],
      });
    }
    const until = Date.parse(payload.preservedUntil);
    const period = currentPeriod(order);
    if (period !== null && until > Date.parse(period.end)) {
      throw new DomainError(
        'order/preserved-until-beyond-period',
        `the order binds until ${period.end}: preservation cannot be confirmed beyond ` +
          `its period (${citeLegalSource(unCite.powers.preservationPeriod)}); a longer ` +
          `preservation needs a renewal of the order`,
        { issues: [{ path: '/payload/preservedUntil', message: `on or before ${period.end}` }] },
      );
    }
    if (until <= now.getTime()) {
      throw new DomainError('order/preserved-until-past', 'a preservation is confirmed until a date still to come', {
        issues: [{ path: '/payload/preservedUntil', message: `after ${now.toISOString()}` }],
      });
    }
  },
  'renewal-period': ({ order, payload }) => {
    const max = orderTypes[order.type].maxDurationDays ?? 0;
    const days = payload.renewalDays ?? order.durationDays ?? max;
    if (days > max || currentPeriod(order) === null) {
      throw new DomainError(
        'order/duration-exceeded',
        `each renewal runs at most ${max} days from the end of the current period ` +
          `(${citeLegalSource(unCite.powers.preservationPeriod)})`,
        {
          issues: [{ path: '/payload/renewalDays', message: `at most ${max}` }],
        },
      );
    }
  },
  'objection-grounds': ({ payload }) => {
    if (payload.reasonCode === undefined || blank(payload.note)) {
      throw new DomainError('order/objection-grounds-invalid', 'an objection names its ground and explains it', {
        issues: [
          ...(payload.reasonCode === undefined
            ? [{ path: '/payload/reasonCode', message: `one of ${providerObjectionCodes.join(', ')}` }]
            : []),
          ...(blank(payload.note) ? [{ path: '/payload/note', message: 'explain the objection' }] : []),
        ],
      });
    }
  },
  'within-authorised-period': ({ order, now }) => {
    const period = order.authorisedPeriod;
    const t = now.getTime();
    if (period === null || t < Date.parse(period.start) || t >= Date.parse(period.end)) {
      throw new DomainError(
        'order/invalid-period',
        'collection may run only within the authorised period' +
          (period === null ? '' : `, ${period.start} to ${period.end}`),
      );
    }
  },
  note: ({ payload }) => {
    if (blank(payload.note)) {
      throw new DomainError('order/invalid', 'write the note this step carries', {
        issues: [{ path: '/payload/note', message: 'required' }],
      });
    }
  },
};

function findTransition(order: OrderSnapshot, action: string, actor: OrderActor): OrderTransitionDefinition {
  const kind = orderTypes[order.type].kind;
  const candidates = orderTransitions.filter(
    (t) => t.by === actor.side && t.kinds.includes(kind) && t.from.includes(order.state),
  );
  const found = candidates.find((t) => t.action === action);
  if (found === undefined) {
    const allowed = candidates.map((t) => t.action);
    throw new DomainError(
      'order/illegal-transition',
      `${action} is not allowed from ${order.state}; allowed: ` +
        (allowed.length > 0 ? allowed.join(', ') : `none for the ${actor.side} side`),
      {
        issues: allowed.map((a) => ({ path: '/action', message: a })),
      },
    );
  }
  return found;
}

/**
 * Serving starts the first preservation period; a renewal chains the next one to its end. A period
 * of N days ends at the same wall-clock time N calendar days later in the node's zone (ADR 0011).
 */
function nextPeriods(
  order: OrderSnapshot,
  action: string,
  payload: OrderPayload,
  side: OrderSide,
  now: Date,
  zone: string,
): readonly OrderPeriod[] {
  const max = orderTypes[order.type].maxDurationDays;
  if (max === null) return order.periods;
  if (action === 'serve' && order.periods.length === 0) {
    const days = order.durationDays ?? max;
    return [{ n: 0, start: now.toISOString(), end: addLegalDays(now, days, zone).toISOString(), renewedBy: null }];
  }
  if (action === 'renew') {
    const last = currentPeriod(order);
    if (last === null) return order.periods;
    const days = payload.renewalDays ?? order.durationDays ?? max;
    const start = last.end;
    return [
      ...order.periods,
      {
        n: last.n + 1,
        start,
        end: addLegalDays(new Date(start), days, zone).toISOString(),
        renewedBy: side === 'system' ? 'system' : 'officer',
      },
    ];
  }
  return order.periods;
}

/**
 * The one gate every change of an order passes: is the action allowed from this state, for
 * this kind of order, by this side, with this permission and these grounds? Pure.
 */
export function planOrderTransition(
  order: OrderSnapshot,
  action: string,
  payload: OrderPayload,
  actor: OrderActor,
  now: Date,
  settings: OrderDeadlineSettings = defaultOrderDeadlineSettings,
): OrderPlan {
  const transition = findTransition(order, action, actor);
  if (transition.permission !== null && !actor.permissions.has(transition.permission)) {
    throw new DomainError('auth/forbidden', `${action} needs the ${transition.permission} permission`);
  }
  for (const id of transition.guards) guards[id]({ order, actor, payload, now });
  const periods = nextPeriods(order, action, payload, actor.side, now, settings.timeZone ?? utcZone);
  const to = transition.to ?? order.state;
  const last = periods.at(-1) ?? null;
  const clocks = orderClockEffects(
    {
      type: order.type,
      emergency: order.emergency,
      periodEnd: last?.end ?? null,
      authorisedEnd: order.authorisedPeriod?.end ?? null,
    },
    action,
    settings,
    now,
  );
  return { action, from: order.state, to, transition, periods, clocks };
}

/** A confirmation short of the order's current period: the officer is alerted. */
export function isPartialConfirmation(order: Pick<OrderSnapshot, 'periods'>, preservedUntil: string): boolean {
  const period = currentPeriod(order);
  return period !== null && Date.parse(preservedUntil) < Date.parse(period.end);
}

/** How far a preservation reaches now, all renewals included. */
export function preservedThrough(order: Pick<OrderSnapshot, 'periods'>): string | null {
  return currentPeriod(order)?.end ?? null;
}

/** Total length of the chain, in calendar days of `zone`: for reports, never a limit (each period is). */
export function chainDays(periods: readonly OrderPeriod[], zone: string = utcZone): number {
  const first = periods[0];
  const last = periods.at(-1);
  return first === undefined || last === undefined
    ? 0
    : legalDaysBetween(new Date(first.start), new Date(last.end), zone);
}
