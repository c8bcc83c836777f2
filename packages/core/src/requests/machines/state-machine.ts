import type { Permission } from '../../auth/roles.js';
import {
  transitionsFromState,
  type LifecycleMachine,
  type LifecycleState,
  type LifecycleTransition,
} from '../../lifecycle/machine.js';
import type { ResponseKind } from '../responses.js';
import type { StateMachineFamily } from '../types/field-spec.js';

/**
 * Which node performs a transition. The requesting node acts on its outgoing copy, the
 * requested node on its incoming copy; federation mirrors each to the other side. The
 * deadline scanner is the only `system` actor.
 */
export type Side = 'requesting' | 'requested' | 'system';

export const guardIds = [
  'details-complete',
  'four-eyes',
  'refusal-grounds',
  'postponement-grounds',
  'consultation-before-refusal',
  'conditions-present',
  'preserved-until-given',
  'preservation-recorded',
  'authorised-period',
  'nationality-refusal',
  'extradition-threshold',
  'linked-request',
  'third-state',
  'information-text',
  'no-provider-claim',
  'no-open-orders',
] as const;
export type GuardId = (typeof guardIds)[number];

/** A request's transition: the kernel's, always under a permission; `to: null` keeps the state (a batch delivered). */
export interface TransitionDefinition extends LifecycleTransition<Side, GuardId> {
  readonly permission: Permission;
  readonly response?: ResponseKind;
  /**
   * `order`: the requested node records this transition only as the effect of one of its domestic
   * orders (served, the provider's confirmation or objection, a renewal). Nobody can claim by hand that
   * an order was issued or data preserved; a partner's copy still mirrors it.
   */
  readonly recordedBy?: 'order';
}

/** A request family's machine: the kernel's, with the family and where each side's copy starts. */
export interface StateMachineDefinition extends LifecycleMachine<TransitionDefinition> {
  readonly family: StateMachineFamily;
  readonly initial: { readonly outgoing: string; readonly incoming: string };
  readonly states: readonly LifecycleState[];
}

/** Transitions an officer of a node may apply now: right state, right side, not the order's to record. */
export function availableTransitions(
  machine: StateMachineDefinition,
  state: string,
  direction: 'outgoing' | 'incoming',
): TransitionDefinition[] {
  const side: Side = direction === 'outgoing' ? 'requesting' : 'requested';
  return transitionsFromState(machine, state, (t) => t.by === side && t.recordedBy === undefined);
}

/** Transitions this node records from its domestic orders' events (the requested side only). */
export function orderRecordedTransitions(machine: StateMachineDefinition, state: string): TransitionDefinition[] {
  return transitionsFromState(machine, state, (t) => t.recordedBy === 'order');
}

/** What the partner's node may have done on its side, mirrored here: its officers' acts and its orders' effects. */
export function mirrorableTransitions(
  machine: StateMachineDefinition,
  state: string,
  partnerSide: 'requesting' | 'requested',
): TransitionDefinition[] {
  return transitionsFromState(machine, state, (t) => t.by === partnerSide);
}
