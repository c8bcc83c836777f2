import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { permissionsOf } from '../auth/roles.js';
import { DomainError } from '../errors/domain-error.js';
import { deadlineRuleById } from './deadlines/deadline-rules.js';
import { machineFor } from './machines/registry.js';
import { isTerminalState, transitionsFromState } from '../lifecycle/machine.js';
import { creationDeadlines, planTransition } from './plan-transition.js';
import { reasonCodes } from './reason-codes.js';
import {
  addDays,
  addHours,
  applyDeadlineEffects,
  completeDetails,
  drafter,
  openDeadlines,
  orderActor,
  payloadFor,
  snapshot,
  systemActor,
  t0,
  userActor,
  type ModelDeadline,
} from './request.fixtures.js';
import type { RequestSnapshot, TransitionActor, TransitionPayload } from './request-snapshot.js';
import { requestTypeCodes } from './request-type-codes.js';
import { requestTypes } from './types/registry.js';

/**
 * Random walks: a request of a random type, direction and basis, and a random sequence of
 * (action, actor, side, payload) choices. What planTransition allows is applied to a model of
 * the request and of its deadline table; the invariants must hold after every step.
 */
const actors: readonly TransitionActor[] = [
  drafter,
  userActor('u-sup-a', ['supervisor']),
  userActor('u-sup-b', ['supervisor']),
  userActor('u-ca', ['central_authority_officer']),
  userActor('u-admin', ['administrator']),
  userActor('u-provider', ['provider_user']),
  { kind: 'user', userId: null, permissions: permissionsOf(['supervisor']) },
  systemActor,
  { kind: 'peer', userId: 'peer-officer', permissions: new Set() },
  { kind: 'peer', userId: null, permissions: permissionsOf(['supervisor']) },
  orderActor,
];

/** Refusals a terminal state gives: no such transition, or one that only a domestic order records. */
const closed = (result: unknown) =>
  result instanceof DomainError &&
  (result.code === 'request/illegal-transition' || result.code === 'request/recorded-by-order');

const randomPayload = fc.record({
  information: fc.option(fc.constant('Information'), { nil: undefined }),
  reasons: fc.option(fc.constant('Reasons in words'), { nil: undefined }),
  reasonCodes: fc.option(fc.subarray([...reasonCodes, 'MADE_UP'], { maxLength: 3 }), { nil: undefined }),
  conditions: fc.option(fc.constantFrom([], [{ kind: 'USE_LIMITATION' as const, text: 'Only this case' }]), {
    nil: undefined,
  }),
  preservedDays: fc.option(fc.integer({ min: -10, max: 120 }), { nil: undefined }),
  startDays: fc.option(fc.integer({ min: -5, max: 20 }), { nil: undefined }),
  endDays: fc.option(fc.integer({ min: -5, max: 60 }), { nil: undefined }),
  linkedRequestId: fc.option(fc.constant('req-44'), { nil: undefined }),
  thirdState: fc.option(fc.constant('SG'), { nil: undefined }),
});
type RandomPayload = typeof randomPayload extends fc.Arbitrary<infer T> ? T : never;

function toPayload(r: RandomPayload, now: Date): TransitionPayload {
  const iso = (days: number | undefined) => (days === undefined ? undefined : addDays(now, days).toISOString());
  const entries = Object.entries({
    information: r.information,
    reasons: r.reasons,
    reasonCodes: r.reasonCodes,
    conditions: r.conditions,
    preservedUntil: iso(r.preservedDays),
    authorisedStart: iso(r.startDays),
    authorisedEnd: iso(r.endDays),
    linkedRequestId: r.linkedRequestId,
    thirdState: r.thirdState,
  });
  return Object.fromEntries(entries.filter(([, v]) => v !== undefined));
}

const weighted = (yes: number, no: number) =>
  fc.oneof({ arbitrary: fc.constant(true), weight: yes }, { arbitrary: fc.constant(false), weight: no });
const step = fc.record({
  edit: weighted(1, 7),
  fromHere: weighted(5, 1),
  // Withdrawal is possible from every open state; rare, so that walks go deep.
  withdraw: weighted(1, 30),
  pick: fc.nat(),
  matchSide: weighted(4, 1),
  mirrored: fc.boolean(),
  competent: weighted(3, 2),
  actor: fc.nat({ max: actors.length - 1 }),
  goodPayload: fc.boolean(),
  payload: randomPayload,
  hours: fc.integer({ min: 0, max: 24 * 20 }),
});

const scenario = fc.record({
  // Cooperative walks always pick a capable actor, the right side and a payload that meets the guards: they go deep.
  cooperative: fc.boolean(),
  type: fc.constantFrom(...requestTypeCodes),
  direction: fc.constantFrom('outgoing' as const, 'incoming' as const),
  basis: fc.nat(),
  emergency: fc.boolean(),
  urgent: fc.boolean(),
  details: fc.constantFrom('complete' as const, 'with-deadline' as const, 'with-deadline' as const, 'empty' as const),
  steps: fc.array(step, { maxLength: 80 }),
});

/** Outgoing states reached without an approval (before sending, or ended before it). */
const unapproved = new Set(['DRAFT', 'SUBMITTED', 'WITHDRAWN', 'DISCOVERED', 'DISCLOSURE_DRAFTED', 'WITHHELD']);
/** Someone who holds the permission and, for decisions, did not draft the request. */
function competentActor(permission: string, draftedBy: readonly string[], pick: number): TransitionActor {
  const able = actors.filter(
    (a) =>
      a.kind === 'user' && a.userId !== null && a.permissions.has(permission as never) && !draftedBy.includes(a.userId),
  );
  return able.length > 0 ? able[pick % able.length]! : actors[pick % actors.length]!;
}

const approves = (actor: TransitionActor, draftedBy: readonly string[]) =>
  actor.kind === 'user' &&
  actor.userId !== null &&
  !draftedBy.includes(actor.userId) &&
  actor.permissions.has('requests:approve');

function attempt(
  request: RequestSnapshot,
  action: string,
  payload: TransitionPayload,
  actor: TransitionActor,
  now: Date,
  mirrored: boolean,
) {
  try {
    return planTransition(request, action, payload, actor, now, { mirrored });
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
}

describe('planTransition over random walks (property)', () => {
  it('keeps the state in the machine, approvals four-eyed, clocks running and terminal states closed', () => {
    /** Where the walks went, as family/direction/state. */
    const reached = new Set<string>();
    fc.assert(
      fc.property(scenario, (s) => {
        const machine = machineFor(s.type);
        const definition = requestTypes[s.type];
        const legalBasis = definition.allowedBases[s.basis % definition.allowedBases.length]!;
        const hasDeadlineField = definition.fields.some((f) => f.name === 'deadlineSought');
        const details =
          s.details === 'empty'
            ? {}
            : {
                ...completeDetails(s.type, legalBasis),
                ...(s.details === 'with-deadline' && hasDeadlineField
                  ? { deadlineSought: { date: '2026-12-20', reasons: 'Trial date' } }
                  : {}),
              };
        let now = t0;
        let request = snapshot({
          type: s.type,
          direction: s.direction,
          state: machine.initial[s.direction],
          legalBasis,
          details,
          emergency: s.emergency,
          urgent: s.urgent,
        });
        const ownSide = s.direction === 'outgoing' ? 'requesting' : 'requested';
        const deadlines = new Map<string, ModelDeadline>();
        applyDeadlineEffects(deadlines, creationDeadlines(request, now));
        let approved = false;
        const visited = new Set([request.state]);
        const allActions = [...new Set(machine.transitions.map((t) => t.action)), 'no-such-action'];

        for (const drawn of s.steps) {
          const choice = s.cooperative
            ? { ...drawn, competent: true, matchSide: true, goodPayload: true, fromHere: true }
            : drawn;
          now = addHours(now, choice.hours);
          const actor = actors[choice.actor]!;
          if (choice.edit) {
            // Editing a draft makes the editor one of its drafters (the server records it).
            if (
              actor.userId !== null &&
              actor.permissions.has('requests:draft') &&
              (request.state === 'DRAFT' || request.state === 'DISCLOSURE_DRAFTED') &&
              !request.draftedBy.includes(actor.userId)
            ) {
              request = { ...request, draftedBy: [...request.draftedBy, actor.userId] };
            }
            continue;
          }
          const here = [...new Set(transitionsFromState(machine, request.state).map((t) => t.action))].filter(
            (a) => choice.withdraw === (a === 'withdraw'),
          );
          // Cooperative walks mostly move on to a state not yet visited, so they reach the deep states.
          const onward = transitionsFromState(machine, request.state)
            .filter((t) => t.to !== null && !visited.has(t.to) && !isTerminalState(machine, t.to))
            .map((t) => t.action);
          const pool =
            s.cooperative && onward.length > 0 && choice.pick % 5 !== 0
              ? onward
              : choice.fromHere && here.length > 0
                ? here
                : allActions;
          const action = pool[choice.pick % pool.length]!;
          const definitionHere = transitionsFromState(machine, request.state).find((t) => t.action === action);
          let who =
            choice.competent && definitionHere !== undefined
              ? competentActor(definitionHere.permission, request.draftedBy, choice.actor)
              : actor;
          let mirrored = choice.mirrored;
          if (choice.matchSide && definitionHere !== undefined) {
            if (definitionHere.by === 'system') who = systemActor;
            mirrored = definitionHere.by !== 'system' && definitionHere.by !== ownSide;
            // What only the requested node's orders record is theirs to record on its own copy.
            if (!mirrored && definitionHere.recordedBy === 'order') who = orderActor;
          }
          const writer = mirrored || who.kind === 'order' || who.kind === 'peer' ? 'node' : 'user';
          const payload = choice.goodPayload ? payloadFor(action, now, writer) : toPayload(choice.payload, now);
          const wasTerminal = isTerminalState(machine, request.state);
          const result = attempt(request, action, payload, who, now, mirrored);

          // (d) nothing leaves a terminal state.
          if (wasTerminal) expect(closed(result), `${action} from ${request.state}`).toBe(true);
          // Only an order (or the partner's mirrored act) reaches PRESERVED on the requested side.
          if (
            !(result instanceof DomainError) &&
            result.to === 'PRESERVED' &&
            result.from !== 'PRESERVED' &&
            s.direction === 'incoming' &&
            !mirrored
          ) {
            expect(who.kind, `${action} to PRESERVED`).toBe('order');
          }
          if (result instanceof DomainError) continue;

          expect(result.from).toBe(request.state);
          expect(result.to).toBe(result.transition.to ?? request.state);
          if (action === 'approve') {
            // (b) only a user holding requests:approve who did not draft or submit it.
            expect(approves(who, request.draftedBy), `approve by ${who.kind} ${who.userId ?? 'without id'}`).toBe(true);
            approved = true;
          }
          const drafted =
            (action === 'submit' || action === 'draft-disclosure') &&
            who.userId !== null &&
            !request.draftedBy.includes(who.userId);
          request = {
            ...request,
            state: result.to,
            consultationRecorded: request.consultationRecorded || result.recordsConsultation,
            draftedBy: drafted ? [...request.draftedBy, who.userId!] : request.draftedBy,
            preservedUntil: result.response === 'PRESERVED' ? (payload.preservedUntil ?? null) : request.preservedUntil,
          };
          applyDeadlineEffects(deadlines, result.deadlines);
          visited.add(request.state);
          reached.add(`${definition.family}/${s.direction}/${request.state}`);

          // (a) the state is one of the machine's.
          expect(machine.states.map((st) => st.name)).toContain(request.state);
          // (b) an outgoing request past approval was approved by someone else who may approve.
          if (s.direction === 'outgoing' && !unapproved.has(request.state)) {
            expect(approved, `${request.state} without approval`).toBe(true);
          }
          // (c) no lost deadline.
          const open = openDeadlines(deadlines);
          if (s.direction === 'incoming' && request.state === 'RECEIVED') {
            expect(open.filter((id) => id.startsWith('acknowledge-'))).toHaveLength(1);
          }
          if (s.type === 'PRESERVATION_42' && request.state === 'PRESERVED') {
            expect(open).toContain('preservation-period');
          }
          if (definition.family === 'realtime' && s.direction === 'incoming' && request.state === 'ACTIVE') {
            expect(open).toContain('authorised-collection-end');
          }
          for (const ruleId of open) {
            const rule = deadlineRuleById.get(ruleId)!;
            // A clock that ends in a system action can always perform it while it runs...
            if (rule.systemAction !== undefined) {
              expect(
                attempt(request, rule.systemAction, {}, systemActor, now, false),
                `${rule.systemAction} from ${request.state}`,
              ).not.toBeInstanceOf(DomainError);
            }
            // ...and the requested side's clocks and the system clocks end with the request.
            if (isTerminalState(machine, request.state)) {
              expect(
                rule.direction === 'outgoing' && rule.systemAction === undefined,
                `${ruleId} still open in ${request.state}`,
              ).toBe(true);
            }
          }
        }

        // (d) once terminal, no action by anyone on either side is allowed.
        if (isTerminalState(machine, request.state)) {
          for (const action of allActions) {
            for (const who of actors) {
              for (const mirrored of [false, true]) {
                const result = attempt(request, action, payloadFor(action, now), who, now, mirrored);
                expect(closed(result)).toBe(true);
              }
            }
          }
        }
      }),
      { seed: 42, numRuns: 800 },
    );

    // The walks went through the states the invariants are about: they do not hold vacuously.
    const expected = [
      'preservation/incoming/PRESERVED',
      'preservation/outgoing/PRESERVED',
      'realtime/incoming/ACTIVE',
      'mla/outgoing/APPROVED',
      'mla/outgoing/SENT',
      'traffic-path/outgoing/APPROVED',
      'mla/incoming/REFUSED',
      'asset/incoming/FROZEN',
      'extradition/incoming/GRANTED',
      'le-exchange/incoming/CLOSED',
    ];
    expect(expected.filter((key) => !reached.has(key))).toEqual([]);
  });
});
