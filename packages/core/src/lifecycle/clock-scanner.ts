import type { Role } from '../auth/roles.js';
import type { ClockRule } from './clock-effects.js';

export type DeadlineStatus = 'open' | 'warned' | 'breached' | 'met' | 'cancelled' | 'suspended' | 'expired';

/** A running instance of a clock, as stored. */
export interface ClockInstance {
  readonly id: string;
  readonly ruleId: string;
  readonly status: DeadlineStatus;
  readonly dueAt: string;
  readonly warnAt: string;
}

/** An alarm a clock raises; each type adds whose clock it is. */
export interface ClockAlarm {
  readonly deadlineId: string;
  readonly ruleId: string;
  readonly alarm: 'warning' | 'breach' | 'expiry' | 'hard-stop';
  /** The status the clock takes after this alarm. */
  readonly nextStatus: DeadlineStatus;
  /** The transition the scanner must apply, if any. */
  readonly systemAction: string | null;
  readonly escalateTo: Role;
}

/**
 * Pure: which alarms are due now. An expiry never fires unless a warning was raised first (the
 * holder is warned before a preservation lapses), so a scan gap yields the warning now and the
 * expiry on a later scan. A hard stop ends at once; any other clock due is breached.
 */
export function scanClocks<I extends ClockInstance, R extends ClockRule>(
  instances: readonly I[],
  rules: ReadonlyMap<string, R>,
  now: Date,
): (ClockAlarm & { readonly instance: I; readonly rule: R })[] {
  const alarms: (ClockAlarm & { readonly instance: I; readonly rule: R })[] = [];
  const t = now.getTime();
  for (const instance of instances) {
    const rule = rules.get(instance.ruleId);
    if (rule === undefined || (instance.status !== 'open' && instance.status !== 'warned')) continue;
    const base = { instance, rule, deadlineId: instance.id, ruleId: instance.ruleId, escalateTo: rule.escalateTo };
    const due = t >= Date.parse(instance.dueAt);
    const ending = { nextStatus: 'expired' as const, systemAction: rule.systemAction ?? null };
    if (due && rule.kind === 'hard-stop') {
      alarms.push({ ...base, ...ending, alarm: 'hard-stop' });
    } else if (due && rule.kind === 'expiry' && instance.status === 'warned') {
      alarms.push({ ...base, ...ending, alarm: 'expiry' });
    } else if (due && rule.kind !== 'expiry') {
      alarms.push({ ...base, alarm: 'breach', nextStatus: 'breached', systemAction: null });
    } else if (instance.status === 'open' && t >= Date.parse(instance.warnAt)) {
      alarms.push({ ...base, alarm: 'warning', nextStatus: 'warned', systemAction: null });
    }
  }
  return alarms;
}
