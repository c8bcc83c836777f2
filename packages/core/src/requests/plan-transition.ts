import { DomainError } from '../errors/domain-error.js';
import { transitionsFromState } from '../lifecycle/machine.js';
import { planStep, type IllegalRefusal } from '../lifecycle/planner.js';
import { deadlineEffects, type DeadlineEffect } from './deadlines/deadline-effects.js';
import { defaultDeadlineSettings, type DeadlineSettings } from './deadlines/deadline-rules.js';
import { machineFor } from './machines/registry.js';
import type { GroundOptions } from './ground-rules.js';
import {
  availableTransitions,
  mirrorableTransitions,
  orderRecordedTransitions,
  type TransitionDefinition,
} from './machines/state-machine.js';
import type { ResponseKind } from './responses.js';
import type { RequestSnapshot, TransitionActor, TransitionPayload } from './request-snapshot.js';
import type { RequestTypeCode } from './request-type-codes.js';
import type { NoteCode } from './timeline-notes.js';
import { actorPassesGuards, requestGuards } from './transition-guards.js';

/** A follow-up the node suggests, e.g. a preservation request to the third State of an Art. 43 path. */
export interface Proposal {
  readonly type: RequestTypeCode;
  readonly requestedState: string;
  /** Why, as a timeline note code (put into words in the reader's language). */
  readonly noteCode: NoteCode;
}

export interface TransitionPlan {
  readonly action: string;
  readonly from: string;
  readonly to: string;
  readonly transition: TransitionDefinition;
  readonly response: ResponseKind | null;
  readonly deadlines: readonly DeadlineEffect[];
  readonly proposals: readonly Proposal[];
  readonly recordsConsultation: boolean;
}

export interface PlanOptions {
  readonly settings?: DeadlineSettings;
  /** A transition the partner node performed, mirrored here (federation): the side is theirs. */
  readonly mirrored?: boolean;
  /** The node's legal settings: which grounds its bilateral treaties allow. */
  readonly grounds?: GroundOptions;
}

/** Where an officer calls an action that only a domestic order can record: the routes that do it. */
function recordedByOrder(action: string, state: string): DomainError {
  return new DomainError(
    'request/recorded-by-order',
    `${action} is recorded by the domestic order itself, not by hand (from ${state}): ` +
      'issue the order with POST /api/v1/requests/{id}/domestic-orders; once a second officer authorises and ' +
      'serves it, the provider\u2019s answer moves the request (or, for a provider not on the platform, an ' +
      'officer records that answer with its document at POST /api/v1/orders/{orderId}/provider-answers)',
    { issues: [{ path: '/action', message: 'recorded by the domestic order' }] },
  );
}

/** An action no officer performs anywhere in the machine: only the node's domestic orders record it. */
export function onlyOrdersRecord(transitions: readonly TransitionDefinition[], action: string): boolean {
  const named = transitions.filter((t) => t.action === action);
  return named.length > 0 && named.every((t) => t.recordedBy === 'order');
}

function candidatesFor(request: RequestSnapshot, actor: TransitionActor, mirrored: boolean): TransitionDefinition[] {
  const machine = machineFor(request.type);
  if (actor.kind === 'system') {
    return transitionsFromState(machine, request.state, (t) => t.by === 'system');
  }
  if (mirrored) {
    return mirrorableTransitions(machine, request.state, request.direction === 'outgoing' ? 'requested' : 'requesting');
  }
  if (actor.kind === 'order') {
    return request.direction === 'incoming' ? orderRecordedTransitions(machine, request.state) : [];
  }
  return availableTransitions(machine, request.state, request.direction);
}

/** The request's refusal of an action its machine does not offer here. */
function refusalFor(request: RequestSnapshot, actor: TransitionActor, mirrored: boolean): IllegalRefusal {
  const machine = machineFor(request.type);
  return {
    code: 'request/illegal-transition',
    noneAllowed: 'none (the other State acts next, or the request is closed)',
    special: (action) =>
      actor.kind === 'user' && !mirrored && onlyOrdersRecord(machine.transitions, action)
        ? recordedByOrder(action, request.state)
        : undefined,
  };
}

/** Parts of a payload only the node writes: an officer who sends them is refused, not believed. */
const nodeOnlyFields = ['preservedUntil', 'notes', 'order'] as const;

/** Who may send what: a partner's acts arrive mirrored; an officer never sends what the node writes. */
function admit(action: string, payload: TransitionPayload, actor: TransitionActor, mirrored: boolean): void {
  // A partner node only mirrors its own side's transitions; this node's side is for its own officers.
  if (actor.kind === 'peer' && !mirrored) {
    throw new DomainError(
      'auth/forbidden',
      `${action} is this node's to perform; a partner node's transitions arrive mirrored`,
    );
  }
  if (actor.kind === 'user' && !mirrored) {
    const claimed = nodeOnlyFields.filter((field) => payload[field] !== undefined);
    if (claimed.length > 0) {
      throw new DomainError(
        'request/field-not-allowed',
        `${claimed.join(', ')} is written by the node from its domestic orders, never sent by an officer`,
        { issues: claimed.map((field) => ({ path: `/payload/${field}`, message: 'not accepted from an officer' })) },
      );
    }
  }
}

/**
 * The one gate every change of a request's state passes (the lifecycle kernel's `planStep` with the
 * request's candidates, admission checks and guards): is the action allowed from this
 * state, on this side, by this actor, with these grounds? Pure; returns what to record.
 */
export function planTransition(
  request: RequestSnapshot,
  action: string,
  payload: TransitionPayload,
  actor: TransitionActor,
  now: Date,
  options: PlanOptions = {},
): TransitionPlan {
  const mirrored = options.mirrored ?? false;
  const { transition, to } = planStep({
    state: request.state,
    action,
    candidates: candidatesFor(request, actor, mirrored),
    refusal: refusalFor(request, actor, mirrored),
    permissions: actor.kind === 'user' ? actor.permissions : null,
    admit: () => admit(action, payload, actor, mirrored),
    guards: requestGuards,
    context: {
      request,
      actor,
      payload,
      now,
      ...(options.grounds === undefined ? {} : { grounds: options.grounds }),
    },
  });
  const proposals: Proposal[] =
    (action === 'disclose-traffic-path' || action === 'disclose') && payload.thirdState !== undefined
      ? [
          {
            type: 'PRESERVATION_42',
            requestedState: payload.thirdState,
            noteCode: 'proposal.art43-third-state',
          },
        ]
      : [];
  return {
    action,
    from: request.state,
    to,
    transition,
    response: transition.response ?? null,
    deadlines: deadlineEffects(
      { ...request, state: to },
      action,
      payload,
      options.settings ?? defaultDeadlineSettings,
      now,
    ),
    proposals,
    recordsConsultation: action === 'open-consultation',
  };
}

/**
 * The actions an officer may take now on this node's copy: right state and side (as
 * `planTransition` finds them), the permission it checks, and the guards that depend on who acts
 * (four-eyes). Guards on the payload still decide when the action is taken.
 */
export function actionsFor(request: RequestSnapshot, actor: TransitionActor): TransitionDefinition[] {
  if (actor.kind !== 'user') return [];
  return availableTransitions(machineFor(request.type), request.state, request.direction).filter(
    (t) => actor.permissions.has(t.permission) && actorPassesGuards(t.guards, request, actor),
  );
}

/** Clocks that start when a request comes into being on this node. */
export function creationDeadlines(
  request: RequestSnapshot,
  now: Date,
  settings: DeadlineSettings = defaultDeadlineSettings,
): DeadlineEffect[] {
  return request.direction === 'incoming' ? deadlineEffects(request, 'receive', {}, settings, now) : [];
}
