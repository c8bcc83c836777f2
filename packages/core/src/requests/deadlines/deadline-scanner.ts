import { scanClocks, type ClockAlarm, type ClockInstance } from '../../lifecycle/clock-scanner.js';
import { deadlineRuleById } from './deadline-rules.js';

export interface DeadlineInstance extends ClockInstance {
  readonly requestId: string;
}

export interface DeadlineAlarm extends ClockAlarm {
  readonly requestId: string;
}

/** Pure: which of a request's alarms are due now (the lifecycle kernel's `scanClocks` on the request rules). */
export function scanDeadlines(deadlines: readonly DeadlineInstance[], now: Date): DeadlineAlarm[] {
  return scanClocks(deadlines, deadlineRuleById, now).map(({ instance, rule: _rule, ...alarm }) => ({
    ...alarm,
    requestId: instance.requestId,
  }));
}
