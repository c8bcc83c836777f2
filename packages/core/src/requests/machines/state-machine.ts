import type { Permission } from '../../auth/roles.js';
import type { LegalSource } from '../legal-source.js';
import type { ResponseKind } from '../responses.js';
import type { Bilingual, StateMachineFamily } from '../types/field-spec.js';

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

export interface TransitionDefinition {
  readonly action: string;
  readonly from: readonly string[];
  /** `null` keeps the state (an event that changes nothing but the record, e.g. a batch delivered). */
  readonly to: string | null;
  readonly by: Side;
  readonly permission: Permission;
  readonly guards: readonly GuardId[];
  readonly response?: ResponseKind;
  readonly label: Bilingual;
  readonly legalSource?: LegalSource;
  /**
   * `order`: the requested node records this transition only as the effect of one of its domestic
   * orders (served, the provider's confirmation or objection, a renewal). Nobody can claim by hand that
   * an order was issued or data preserved; a partner's copy still mirrors it.
   */
  readonly recordedBy?: 'order';
}

export interface StateDefinition {
  readonly name: string;
  readonly terminal: boolean;
  readonly label: Bilingual;
}

export interface StateMachineDefinition {
  readonly family: StateMachineFamily;
  readonly initial: { readonly outgoing: string; readonly incoming: string };
  readonly states: readonly StateDefinition[];
  readonly transitions: readonly TransitionDefinition[];
}

export function isTerminal(machine: StateMachineDefinition, state: string): boolean {
  return machine.states.find((s) => s.name === state)?.terminal ?? false;
}

export function openStates(machine: StateMachineDefinition): string[] {
  return machine.states.filter((s) => !s.terminal).map((s) => s.name);
}

/** Transitions an officer of a node may apply now: right state, right side, not the order's to record. */
export function availableTransitions(
  machine: StateMachineDefinition,
  state: string,
  direction: 'outgoing' | 'incoming',
): TransitionDefinition[] {
  const side: Side = direction === 'outgoing' ? 'requesting' : 'requested';
  return machine.transitions.filter((t) => t.by === side && t.recordedBy === undefined && t.from.includes(state));
}

/** Transitions this node records from its domestic orders' events (the requested side only). */
export function orderRecordedTransitions(machine: StateMachineDefinition, state: string): TransitionDefinition[] {
  return machine.transitions.filter((t) => t.recordedBy === 'order' && t.from.includes(state));
}

/** What the partner's node may have done on its side, mirrored here: its officers' acts and its orders' effects. */
export function mirrorableTransitions(
  machine: StateMachineDefinition,
  state: string,
  partnerSide: 'requesting' | 'requested',
): TransitionDefinition[] {
  return machine.transitions.filter((t) => t.by === partnerSide && t.from.includes(state));
}

/** Transitions that are possible from a state at all, whoever performs them. */
export function transitionsFrom(machine: StateMachineDefinition, state: string): TransitionDefinition[] {
  return machine.transitions.filter((t) => t.from.includes(state));
}
