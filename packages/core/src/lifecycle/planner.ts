import type { Permission } from '../auth/roles.js';
import { DomainError } from '../errors/domain-error.js';
import type { ErrorCode } from '../errors/error-codes.js';
import type { LifecycleTransition } from './machine.js';

/** How a type refuses an action its machine does not offer from here. */
export interface IllegalRefusal {
  readonly code: ErrorCode;
  /** Said instead of the list when nothing is allowed. */
  readonly noneAllowed: string;
  /** A more precise refusal for some actions (e.g. one only a domestic order records), checked first. */
  readonly special?: (action: string) => DomainError | undefined;
}

export interface StepInput<T extends LifecycleTransition, G extends string, C> {
  readonly state: string;
  readonly action: string;
  /** The transitions this actor may take from this state (its side, its kind): the type decides. */
  readonly candidates: readonly T[];
  readonly refusal: IllegalRefusal;
  /** The actor's permissions, or `null` for actors not held to permissions (the clock, a mirrored partner). */
  readonly permissions: ReadonlySet<Permission> | null;
  /** Checks of the type run after the permission, before the guards (who may send what). */
  readonly admit?: (transition: T) => void;
  readonly guards: Readonly<Record<G, (context: C) => void>>;
  readonly context: C;
}

export interface PlannedStep<T extends LifecycleTransition> {
  readonly action: string;
  readonly from: string;
  readonly to: string;
  readonly transition: T;
}

export function findTransition<T extends LifecycleTransition>(
  candidates: readonly T[],
  state: string,
  action: string,
  refusal: IllegalRefusal,
): T {
  const found = candidates.find((t) => t.action === action);
  if (found !== undefined) return found;
  const special = refusal.special?.(action);
  if (special !== undefined) throw special;
  const allowed = [...new Set(candidates.map((t) => t.action))];
  throw new DomainError(
    refusal.code,
    `${action} is not allowed from ${state}; allowed: ` +
      (allowed.length > 0 ? allowed.join(', ') : refusal.noneAllowed),
    { issues: allowed.map((a) => ({ path: '/action', message: a })) },
  );
}

/**
 * The one gate of every lifecycle: the action must be one the actor may take from this state, the
 * actor must hold its permission, pass the type's admission checks and every guard the transition
 * names, in that order. Pure; the type adds what else its plan records (clocks, periods, proposals).
 */
export function planStep<T extends LifecycleTransition<string, G>, G extends string, C>(
  input: StepInput<T, G, C>,
): PlannedStep<T> {
  const transition = findTransition(input.candidates, input.state, input.action, input.refusal);
  if (input.permissions !== null && transition.permission !== null && !input.permissions.has(transition.permission)) {
    throw new DomainError('auth/forbidden', `${input.action} needs the ${transition.permission} permission`);
  }
  input.admit?.(transition);
  for (const id of transition.guards) input.guards[id](input.context);
  return { action: input.action, from: input.state, to: transition.to ?? input.state, transition };
}
