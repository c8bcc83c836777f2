import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { permissionsOf } from '../auth/roles.js';
import { DomainError } from '../errors/domain-error.js';
import type { ErrorCode } from '../errors/error-codes.js';
import {
  clock,
  drafter as orderDrafter,
  orderSnapshot,
  provider,
  supervisor as orderSupervisor,
} from '../providers/order.fixtures.js';
import { orderTransitions } from '../providers/order.machine.js';
import type { OrderActor, OrderPayload, OrderSnapshot } from '../providers/order-snapshot.js';
import { orderTypeCodes, orderTypes } from '../providers/order-types.js';
import { planOrderTransition } from '../providers/plan-order-transition.js';
import { providerObjectionCodes } from '../requests/reason-codes.js';
import { stateMachines } from '../requests/machines/registry.js';
import { planTransition } from '../requests/plan-transition.js';
import {
  addHours,
  drafter,
  orderActor,
  payloadFor,
  snapshot,
  systemActor,
  t0,
  userActor,
} from '../requests/request.fixtures.js';
import type { RequestSnapshot, TransitionActor, TransitionPayload } from '../requests/request-snapshot.js';
import { requestTypeCodes } from '../requests/request-type-codes.js';
import { requestTypes } from '../requests/types/registry.js';

/**
 * The kernel against the tables: random action sequences on every request machine and on the order
 * machine, planned through the kernel (planTransition, planOrderTransition), must do what a plain
 * reading of the per-type transition table says: reach the state the table names, refuse with the
 * same code when the table offers nothing (or not to this actor), and refuse four-eyes violations.
 * The reference below reads the tables directly; it shares no code with the kernel.
 */

/** What the table says of one attempt: refused with a code, or allowed to `to` subject to its guards. */
type Expected =
  | { readonly refused: ErrorCode }
  | { readonly to: string; readonly guards: readonly string[]; readonly fourEyesFails: boolean };

/** Refusals the kernel's own steps give (finding, permission, admission): never a guard's. */
const structural: readonly string[] = [
  'request/illegal-transition',
  'order/illegal-transition',
  'auth/forbidden',
  'request/field-not-allowed',
];

const drafted = (draftedBy: readonly string[], userId: string | null) => userId === null || draftedBy.includes(userId);

function attempt<T>(plan: () => T): T | DomainError {
  try {
    return plan();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
}

/** The outcome agrees with the table; returns what happened, for the walk and the coverage counts. */
function agree(expected: Expected, result: { to: string } | DomainError, label: string): string {
  if ('refused' in expected) {
    expect(result instanceof DomainError ? result.code : `moved to ${result.to}`, label).toBe(expected.refused);
    return expected.refused;
  }
  if (expected.guards.length === 0) expect(result, label).not.toBeInstanceOf(DomainError);
  if (expected.fourEyesFails) expect(result, label).toBeInstanceOf(DomainError);
  if (expected.fourEyesFails && expected.guards[0] === 'four-eyes') {
    expect((result as DomainError).code, label).toMatch(/\/four-eyes$/);
  }
  if (result instanceof DomainError) {
    expect(structural, `${label}: a guard refuses, not the kernel's steps`).not.toContain(result.code);
    return result.code;
  }
  expect(result.to, label).toBe(expected.to);
  return 'moved';
}

// ---- requests ----

const requestActors: readonly TransitionActor[] = [
  drafter,
  userActor('u-sup-a', ['supervisor']),
  userActor('u-sup-b', ['supervisor']),
  userActor('u-provider', ['provider_user']),
  { kind: 'user', userId: null, permissions: permissionsOf(['supervisor']) },
  systemActor,
  { kind: 'peer', userId: 'peer-officer', permissions: new Set() },
  orderActor,
];

const nodeOnly = ['preservedUntil', 'notes', 'order'] as const;

function requestTable(
  request: RequestSnapshot,
  action: string,
  actor: TransitionActor,
  mirrored: boolean,
  payload: TransitionPayload,
): Expected {
  const machine = stateMachines[requestTypes[request.type].family];
  const own = request.direction === 'outgoing' ? 'requesting' : 'requested';
  const partner = own === 'requesting' ? 'requested' : 'requesting';
  const row = machine.transitions.find(
    (t) =>
      t.action === action &&
      t.from.includes(request.state) &&
      (actor.kind === 'system'
        ? t.by === 'system'
        : mirrored
          ? t.by === partner
          : actor.kind === 'order'
            ? request.direction === 'incoming' && t.recordedBy === 'order'
            : t.by === own && t.recordedBy === undefined),
  );
  if (row === undefined) {
    const named = machine.transitions.filter((t) => t.action === action);
    const onlyOrders = named.length > 0 && named.every((t) => t.recordedBy === 'order');
    return {
      refused:
        actor.kind === 'user' && !mirrored && onlyOrders ? 'request/recorded-by-order' : 'request/illegal-transition',
    };
  }
  if (actor.kind === 'user' && !actor.permissions.has(row.permission)) return { refused: 'auth/forbidden' };
  if (actor.kind === 'peer' && !mirrored) return { refused: 'auth/forbidden' };
  if (actor.kind === 'user' && !mirrored && nodeOnly.some((f) => payload[f] !== undefined)) {
    return { refused: 'request/field-not-allowed' };
  }
  const fourEyesFails = row.guards.includes('four-eyes') && drafted(request.draftedBy, actor.userId);
  return { to: row.to ?? request.state, guards: row.guards, fourEyesFails };
}

const requestStep = fc.record({
  fromHere: fc.oneof({ arbitrary: fc.constant(true), weight: 6 }, { arbitrary: fc.constant(false), weight: 1 }),
  pick: fc.nat(),
  actor: fc.nat({ max: requestActors.length - 1 }),
  ownSide: fc.oneof({ arbitrary: fc.constant(true), weight: 3 }, { arbitrary: fc.constant(false), weight: 1 }),
  nodePayload: fc.boolean(),
  hours: fc.integer({ min: 0, max: 48 }),
});

const requestWalk = fc.record({
  type: fc.constantFrom(...requestTypeCodes),
  direction: fc.constantFrom('outgoing' as const, 'incoming' as const),
  // A supervisor among the drafters cannot approve: four-eyes refusals are drawn, not only allowed.
  supervisorDrafted: fc.boolean(),
  steps: fc.array(requestStep, { maxLength: 40 }),
});

describe('the lifecycle kernel on every request machine (property)', () => {
  it('reaches the states, and refuses with the codes, that the request tables say', () => {
    const seen = new Map<string, number>();
    const count = (key: string) => seen.set(key, (seen.get(key) ?? 0) + 1);
    fc.assert(
      fc.property(requestWalk, (walk) => {
        const family = requestTypes[walk.type].family;
        const machine = stateMachines[family];
        const allActions = [...new Set(machine.transitions.map((t) => t.action)), 'no-such-action'];
        let now = t0;
        let request = snapshot({
          type: walk.type,
          direction: walk.direction,
          state: machine.initial[walk.direction],
          draftedBy: walk.supervisorDrafted ? ['u-drafter', 'u-sup-a'] : ['u-drafter'],
        });
        for (const step of walk.steps) {
          now = addHours(now, step.hours);
          const here = machine.transitions.filter((t) => t.from.includes(request.state)).map((t) => t.action);
          const pool = step.fromHere && here.length > 0 ? here : allActions;
          const action = pool[step.pick % pool.length]!;
          const actor = requestActors[step.actor]!;
          const mirrored = actor.kind !== 'system' && actor.kind !== 'order' && !step.ownSide;
          const payload = payloadFor(action, now, step.nodePayload ? 'node' : 'user');
          const expected = requestTable(request, action, actor, mirrored, payload);
          const result = attempt(() => planTransition(request, action, payload, actor, now, { mirrored }));
          const outcome = agree(expected, result, `${walk.type} ${request.state} ${action} by ${actor.kind}`);
          count(outcome === 'moved' ? `${family}:moved` : outcome);
          if (outcome === 'request/four-eyes' && actor.userId !== null) count('four-eyes of a drafter');
          if (result instanceof DomainError) continue;
          const submitter = action === 'submit' && !drafted(request.draftedBy, actor.userId) ? [actor.userId!] : [];
          request = {
            ...request,
            state: result.to,
            draftedBy: [...request.draftedBy, ...submitter],
            consultationRecorded: request.consultationRecorded || result.recordsConsultation,
            preservedUntil: result.response === 'PRESERVED' ? (payload.preservedUntil ?? null) : request.preservedUntil,
          };
        }
      }),
      { seed: 12, numRuns: 400 },
    );
    // Not vacuous: every machine moved, and every kind of refusal happened.
    const families = Object.keys(stateMachines).map((f) => `${f}:moved`);
    const refusals = [
      'request/illegal-transition',
      'request/recorded-by-order',
      'auth/forbidden',
      'request/four-eyes',
      'four-eyes of a drafter',
    ];
    expect([...families, ...refusals].filter((key) => (seen.get(key) ?? 0) === 0)).toEqual([]);
  });
});

// ---- orders ----

const orderActors: readonly OrderActor[] = [
  orderDrafter,
  orderSupervisor,
  { side: 'officer', userId: 'officer-amender', permissions: permissionsOf(['supervisor']) },
  { side: 'officer', userId: null, permissions: permissionsOf(['supervisor']) },
  provider,
  { side: 'provider', userId: 'provider-unprivileged', permissions: permissionsOf([]) },
  clock,
];

function orderTable(order: OrderSnapshot, action: string, actor: OrderActor): Expected {
  const kind = orderTypes[order.type].kind;
  const row = orderTransitions.find(
    (t) => t.action === action && t.from.includes(order.state) && t.by === actor.side && t.kinds.includes(kind),
  );
  if (row === undefined) return { refused: 'order/illegal-transition' };
  if (row.permission !== null && !actor.permissions.has(row.permission)) return { refused: 'auth/forbidden' };
  const fourEyesFails = row.guards.includes('four-eyes') && drafted(order.draftedBy, actor.userId);
  return { to: row.to ?? order.state, guards: row.guards, fourEyesFails };
}

/** A payload that meets the order guards at `now` (or an empty one, which the guarded steps refuse). */
function orderPayload(order: OrderSnapshot, now: Date, good: boolean): OrderPayload {
  if (!good) return {};
  const end = order.periods.at(-1)?.end;
  const until = end === undefined ? addHours(now, 24) : new Date(Date.parse(end) - 3_600_000);
  return {
    note: 'The note this step carries',
    preservedWhat: 'The subscriber and traffic data named in the order',
    preservedUntil: until.toISOString(),
    reasonCode: providerObjectionCodes[0],
    renewalDays: 30,
  };
}

const orderWalk = fc.record({
  type: fc.constantFrom(...orderTypeCodes),
  // A supervisor among the drafters cannot authorise: four-eyes refusals are drawn, not only allowed.
  supervisorDrafted: fc.boolean(),
  steps: fc.array(
    fc.record({
      fromHere: fc.oneof({ arbitrary: fc.constant(true), weight: 6 }, { arbitrary: fc.constant(false), weight: 1 }),
      pick: fc.nat(),
      actor: fc.nat({ max: orderActors.length - 1 }),
      good: fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, { arbitrary: fc.constant(false), weight: 1 }),
      hours: fc.integer({ min: 0, max: 6 }),
    }),
    { maxLength: 30 },
  ),
});

describe('the lifecycle kernel on the order machine (property)', () => {
  it('reaches the states, and refuses with the codes, that the order table says', () => {
    const seen = new Map<string, number>();
    const count = (key: string) => seen.set(key, (seen.get(key) ?? 0) + 1);
    const allActions = [...new Set(orderTransitions.map((t) => t.action)), 'no-such-action'];
    fc.assert(
      fc.property(orderWalk, (walk) => {
        let now = t0;
        let order = orderSnapshot({
          type: walk.type,
          draftedBy: walk.supervisorDrafted ? ['officer-drafter', 'officer-supervisor'] : ['officer-drafter'],
        });
        for (const step of walk.steps) {
          now = addHours(now, step.hours);
          const here = orderTransitions.filter((t) => t.from.includes(order.state)).map((t) => t.action);
          const pool = step.fromHere && here.length > 0 ? here : allActions;
          const action = pool[step.pick % pool.length]!;
          const actor = orderActors[step.actor]!;
          const payload = orderPayload(order, now, step.good);
          const result = attempt(() => planOrderTransition(order, action, payload, actor, now));
          const outcome = agree(orderTable(order, action, actor), result, `${walk.type} ${order.state} ${action}`);
          count(outcome === 'moved' ? `${orderTypes[walk.type].kind}:moved` : outcome);
          if (outcome === 'order/four-eyes' && actor.userId !== null) count('four-eyes of a drafter');
          if (result instanceof DomainError) continue;
          // The server records an amending officer among the drafters: they may not authorise it again.
          const amender = action === 'amend' && !drafted(order.draftedBy, actor.userId) ? [actor.userId!] : [];
          order = { ...order, state: result.to, periods: result.periods, draftedBy: [...order.draftedBy, ...amender] };
        }
      }),
      { seed: 25, numRuns: 400 },
    );
    const expected = ['preservation:moved', 'production:moved', 'collection:moved'];
    const refusals = ['order/illegal-transition', 'auth/forbidden', 'order/four-eyes', 'four-eyes of a drafter'];
    expect([...expected, ...refusals].filter((key) => (seen.get(key) ?? 0) === 0)).toEqual([]);
  });
});
