import { deadlineRuleById } from './deadline-rules.js';

export type DeadlineStatus = 'open' | 'warned' | 'breached' | 'met' | 'cancelled' | 'suspended' | 'expired';

export interface DeadlineInstance {
  readonly id: string;
  readonly requestId: string;
  readonly ruleId: string;
  readonly status: DeadlineStatus;
  readonly dueAt: string;
  readonly warnAt: string;
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

/**
 * Pure: which alarms are due now. An expiry never fires unless a warning was raised
 * first (Art. 42: the requester is warned before preservation lapses), so a scan gap
 * yields the warning now and the expiry on a later scan.
 */
export function scanDeadlines(deadlines: readonly DeadlineInstance[], now: Date): DeadlineAlarm[] {
  const alarms: DeadlineAlarm[] = [];
  const t = now.getTime();
  for (const d of deadlines) {
    const rule = deadlineRuleById.get(d.ruleId);
    if (rule === undefined || (d.status !== 'open' && d.status !== 'warned')) continue;
    const base = { deadlineId: d.id, requestId: d.requestId, ruleId: d.ruleId, escalateTo: rule.escalateTo };
    const due = t >= Date.parse(d.dueAt);
    if (due && rule.kind === 'hard-stop') {
      alarms.push({ ...base, alarm: 'hard-stop', nextStatus: 'expired', systemAction: rule.systemAction ?? null });
    } else if (due && rule.kind === 'expiry' && d.status === 'warned') {
      alarms.push({ ...base, alarm: 'expiry', nextStatus: 'expired', systemAction: rule.systemAction ?? null });
    } else if (due && rule.kind !== 'expiry') {
      alarms.push({ ...base, alarm: 'breach', nextStatus: 'breached', systemAction: null });
    } else if (d.status === 'open' && t >= Date.parse(d.warnAt)) {
      alarms.push({ ...base, alarm: 'warning', nextStatus: 'warned', systemAction: null });
    }
  }
  return alarms;
}
