import type { Role } from '../auth/roles.js';
import { subtractLegalDuration, type LegalDuration } from '../support/legal-time.js';

/**
 * What happens at a clock's due time: `sla` and `reminder` are breached and escalated; `expiry`
 * ends the lifecycle through the system action once the warning was given; `hard-stop` ends it at once.
 */
export type ClockKind = 'sla' | 'reminder' | 'expiry' | 'hard-stop';

/** A legal clock as data: which transitions start, close or suspend it. Each type adds how it is due. */
export interface ClockRule {
  readonly id: string;
  readonly kind: ClockKind;
  readonly startOn: readonly string[];
  readonly closeOn: readonly string[];
  readonly suspendOn?: readonly string[];
  readonly escalateTo: Role;
  /** The scanner performs this action when an `expiry` or `hard-stop` falls due. */
  readonly systemAction?: string;
}

export type ClockEffect =
  | { readonly kind: 'start'; readonly ruleId: string; readonly dueAt: string; readonly warnAt: string }
  | { readonly kind: 'close'; readonly ruleId: string; readonly outcome: 'met' | 'cancelled' }
  | { readonly kind: 'suspend'; readonly ruleId: string };

export interface ClockTiming<R extends ClockRule> {
  /** The due instant of a rule the action starts (epoch ms), or `null` when there is none to count. */
  readonly due: (rule: R) => number | null;
  readonly warnBefore: (rule: R) => LegalDuration;
  /** Actions that close a clock as cancelled rather than met (a withdrawal, an objection). */
  readonly cancelledBy: readonly string[];
  /** The IANA zone whose calendar counts the legal days (ADR 0011). */
  readonly zone: string;
  readonly now: Date;
}

/**
 * The clock changes one action causes, from the rules as data: starting a rule that is already
 * running restarts it (an extension or a renewal moves the due time). The warning comes
 * `warnBefore` ahead of the due time, never before now. Pure.
 */
export function clockEffects<R extends ClockRule>(
  rules: readonly R[],
  action: string,
  timing: ClockTiming<R>,
): ClockEffect[] {
  const effects: ClockEffect[] = [];
  for (const rule of rules) {
    if (rule.closeOn.includes(action)) {
      effects.push({
        kind: 'close',
        ruleId: rule.id,
        outcome: timing.cancelledBy.includes(action) ? 'cancelled' : 'met',
      });
    }
    if (rule.suspendOn?.includes(action) === true) effects.push({ kind: 'suspend', ruleId: rule.id });
    if (!rule.startOn.includes(action)) continue;
    const dueAt = timing.due(rule);
    if (dueAt === null || Number.isNaN(dueAt)) continue;
    const warnBefore = subtractLegalDuration(new Date(dueAt), timing.warnBefore(rule), timing.zone).getTime();
    effects.push({
      kind: 'start',
      ruleId: rule.id,
      dueAt: new Date(dueAt).toISOString(),
      warnAt: new Date(Math.max(timing.now.getTime(), warnBefore)).toISOString(),
    });
  }
  return effects;
}
