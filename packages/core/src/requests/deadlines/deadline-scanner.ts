import { scanClocks, type ClockInstance, type DeadlineStatus } from '../../lifecycle/clock-scanner.js';
import { deadlineRuleById } from './deadline-rules.js';

export interface DeadlineInstance extends ClockInstance {
  readonly requestId: string;
}

export interface DeadlineAlarm {
  readonly deadlineId: string;
  readonly requestId: string;
  readonly ruleId: string;
  readonly alarm: 'warning' | 'breach' | 'expiry' | 'hard-stop';
  /** The status the deadline takes after this alarm. */
  readonly nextStatus: DeadlineStatus;
  /** The transition the scanner must apply to the request, if any. */
  readonly systemAction: string | null;
  readonly escalateTo: string;
}

/** Pure: which of a request's alarms are due now (the lifecycle kernel's `scanClocks` on the request rules). */
export function scanDeadlines(deadlines: readonly DeadlineInstance[], now: Date): DeadlineAlarm[] {
  return scanClocks(deadlines, deadlineRuleById, now).map(({ instance, rule, alarm, nextStatus, systemAction }) => ({
    deadlineId: instance.id,
    requestId: instance.requestId,
    ruleId: instance.ruleId,
    escalateTo: rule.escalateTo,
    alarm,
    nextStatus,
    systemAction,
  }));
}
