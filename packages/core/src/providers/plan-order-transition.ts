import { isOfficerRole, roleGrants, roles, type Permission, type Role } from '../auth/roles.js';
import type { ErrorCode } from '../errors/error-codes.js';
import { planStep } from '../lifecycle/planner.js';
import { addLegalDays, legalDaysBetween, utcZone } from '../support/legal-time.js';
import { disclosurePermission, orderGuards } from './order-guards.js';
import { orderClockEffects, type OrderClockEffect } from './order-deadlines.js';
import { orderTransitionsFor, type OrderSide, type OrderTransitionDefinition } from './order.machine.js';
import {
  currentPeriod,
  type OrderActor,
  type OrderPayload,
  type OrderPeriod,
  type OrderSnapshot,
} from './order-snapshot.js';
import { defaultOrderDeadlineSettings, orderTypes, type OrderDeadlineSettings } from './order-types.js';

export interface OrderPlan {
  readonly action: string;
  readonly from: string;
  readonly to: string;
  readonly transition: OrderTransitionDefinition;
  /** The preservation periods after the transition (a renewal appends one). */
  readonly periods: readonly OrderPeriod[];
  readonly clocks: readonly OrderClockEffect[];
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
  const { transition, to } = planStep({
    state: order.state,
    action,
    candidates: orderTransitionsFor(orderTypes[order.type].kind, order.state, actor.side),
    refusal: { code: 'order/illegal-transition', noneAllowed: `none for the ${actor.side} side` },
    permissions: actor.permissions,
    guards: orderGuards,
    context: { order, actor, payload, now },
  });
  const periods = nextPeriods(order, action, payload, actor.side, now, settings.timeZone ?? utcZone);
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

/** An action of this side the gate would refuse this actor for want of authority: who may take it, and why not them. */
export interface WithheldOrderAction {
  readonly transition: OrderTransitionDefinition;
  readonly code: ErrorCode;
  /** The officer roles that hold what the action needs. */
  readonly roles: readonly Role[];
}

/**
 * The actions of the actor's side from the order's state, split as the gate would judge this actor's authority: the
 * ones offered, and the ones withheld with the refusal's code and the roles that may take them instead. Payload guards
 * are not judged here: the form collects what they check.
 */
export function orderActionsFor(
  order: OrderSnapshot,
  actor: OrderActor,
): { offered: OrderTransitionDefinition[]; withheld: WithheldOrderAction[] } {
  const offered: OrderTransitionDefinition[] = [];
  const withheld: WithheldOrderAction[] = [];
  const holders = (needed: readonly Permission[]) =>
    roles.filter((role) => isOfficerRole(role) && needed.every((p) => roleGrants(role, p)));
  for (const transition of orderTransitionsFor(orderTypes[order.type].kind, order.state, actor.side)) {
    const needed = transition.permission === null ? [] : [transition.permission];
    const discloses =
      actor.side === 'officer' && order.executesForeignRequest && transition.guards.includes('disclosure-authority');
    if (needed.some((p) => !actor.permissions.has(p))) {
      withheld.push({
        transition,
        code: 'auth/forbidden',
        roles: holders(discloses ? [...needed, disclosurePermission] : needed),
      });
    } else if (discloses && !actor.permissions.has(disclosurePermission)) {
      withheld.push({
        transition,
        code: 'order/disclosure-not-permitted',
        roles: holders([...needed, disclosurePermission]),
      });
    } else {
      offered.push(transition);
    }
  }
  return { offered, withheld };
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
