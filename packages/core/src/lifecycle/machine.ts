import type { Permission } from '../auth/roles.js';
import type { LegalSource } from '../requests/legal-source.js';
import type { Bilingual } from '../requests/types/field-spec.js';

/** A state of a lifecycle: terminal states end it. */
export interface LifecycleState {
  readonly name: string;
  readonly terminal: boolean;
  readonly label: Bilingual;
}

/**
 * One legal step of a lifecycle, as data: from which states, to which (`null` keeps the state), by
 * which side, under which permission (`null`: no permission, the clock's own steps), checked by which
 * guards, on which legal source. Each type (requests, orders) adds its own fields.
 */
export interface LifecycleTransition<Side extends string = string, Guard extends string = string> {
  readonly action: string;
  readonly from: readonly string[];
  readonly to: string | null;
  readonly by: Side;
  readonly permission: Permission | null;
  readonly guards: readonly Guard[];
  readonly label: Bilingual;
  readonly legalSource?: LegalSource;
}

/** A lifecycle: its states and the transitions between them. The legal data stays with each type. */
export interface LifecycleMachine<T extends LifecycleTransition = LifecycleTransition> {
  readonly states: readonly LifecycleState[];
  readonly transitions: readonly T[];
}

/** A state, with its words in both languages. */
export function lifecycleState(name: string, en: string, vi: string, terminal = false): LifecycleState {
  return { name, label: { en, vi }, terminal };
}

export function isTerminalState(machine: Pick<LifecycleMachine, 'states'>, state: string): boolean {
  return machine.states.find((s) => s.name === state)?.terminal ?? false;
}

export function openStateNames(machine: Pick<LifecycleMachine, 'states'>): string[] {
  return machine.states.filter((s) => !s.terminal).map((s) => s.name);
}

export function stateLabelOf(machine: Pick<LifecycleMachine, 'states'>, state: string): Bilingual {
  return machine.states.find((s) => s.name === state)?.label ?? { en: state, vi: state };
}

/** Transitions possible from a state, whoever performs them (narrowed by `keep`: a side, a kind). */
export function transitionsFromState<T extends LifecycleTransition>(
  machine: LifecycleMachine<T>,
  state: string,
  keep: (transition: T) => boolean = () => true,
): T[] {
  return machine.transitions.filter((t) => t.from.includes(state) && keep(t));
}
