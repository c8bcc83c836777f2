import { DomainError } from '../errors/domain-error.js';
import { budapestCite } from './budapest-citations.js';
import { deadlineEffects, type DeadlineEffect } from './deadlines/deadline-effects.js';
import { defaultDeadlineSettings, type DeadlineSettings } from './deadlines/deadline-rules.js';
import { machineFor } from './machines/registry.js';
import type { GroundOptions } from './ground-rules.js';
import { availableTransitions, type TransitionDefinition } from './machines/state-machine.js';
import { citeLegalSource } from './legal-source.js';
import type { ResponseKind } from './responses.js';
import type { RequestSnapshot, TransitionActor, TransitionPayload } from './request-snapshot.js';
import type { RequestTypeCode } from './request-type-codes.js';
import { actorPassesGuards, runGuards } from './transition-guards.js';
import { unCite } from './un-numbering.js';

/** A follow-up the node suggests, e.g. a preservation request to the third State of an Art. 43 path. */
export interface Proposal {
  readonly type: RequestTypeCode;
  readonly requestedState: string;
  readonly reason: string;
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

function findTransition(
  request: RequestSnapshot,
  action: string,
  actor: TransitionActor,
  mirrored: boolean,
): TransitionDefinition {
  const machine = machineFor(request.type);
  const candidates =
    actor.kind === 'system'
      ? machine.transitions.filter((t) => t.by === 'system' && t.from.includes(request.state))
      : availableTransitions(
          machine,
          request.state,
          mirrored === (request.direction === 'outgoing') ? 'incoming' : 'outgoing',
        );
  const found = candidates.find((t) => t.action === action);
  if (found === undefined) {
    const allowed = candidates.map((t) => t.action);
    throw new DomainError(
      'request/illegal-transition',
      `${action} is not allowed from ${request.state}; allowed: ${allowed.length > 0 ? allowed.join(', ') : 'none (the other State acts next, or the request is closed)'}`,
      {
        issues: allowed.map((a) => ({ path: '/action', message: a })),
      },
    );
  }
  return found;
}

/**
 * The one gate every change of a request's state passes: is the action allowed from this
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
  const transition = findTransition(request, action, actor, mirrored);
  // A partner node only mirrors its own side's transitions; this node's side is for its own officers.
  if (actor.kind === 'peer' && !mirrored) {
    throw new DomainError(
      'auth/forbidden',
      `${action} is this node's to perform; a partner node's transitions arrive mirrored`,
    );
  }
  if (actor.kind === 'user' && !actor.permissions.has(transition.permission)) {
    throw new DomainError('auth/forbidden', `${action} needs the ${transition.permission} permission`);
  }
  runGuards(transition.guards, {
    request,
    actor,
    payload,
    now,
    ...(options.grounds === undefined ? {} : { grounds: options.grounds }),
  });
  const to = transition.to ?? request.state;
  const proposals: Proposal[] =
    (action === 'disclose-traffic-path' || action === 'disclose') && payload.thirdState !== undefined
      ? [
          {
            type: 'PRESERVATION_42',
            requestedState: payload.thirdState,
            reason: `a service provider in the communication path is in this State (${citeLegalSource(request.legalBasis === 'BUDAPEST' ? budapestCite.trafficPath.disclosure : unCite.trafficPath.disclosure)})`,
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
