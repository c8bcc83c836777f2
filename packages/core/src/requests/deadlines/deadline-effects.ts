import { addLegalDuration, endOfLegalDay, subtractLegalDuration, utcZone } from '../../support/legal-time.js';
import type { RequestSnapshot, TransitionPayload } from '../request-snapshot.js';
import { deadlineRules, type DeadlineRule, type DeadlineSettings } from './deadline-rules.js';

export type DeadlineEffect =
  | { readonly kind: 'start'; readonly ruleId: string; readonly dueAt: string; readonly warnAt: string }
  | { readonly kind: 'close'; readonly ruleId: string; readonly outcome: 'met' | 'cancelled' }
  | { readonly kind: 'suspend'; readonly ruleId: string };

function relevant(rule: DeadlineRule, request: RequestSnapshot): boolean {
  const typeOk = rule.appliesTo === 'all' || rule.appliesTo.includes(request.type);
  const directionOk = rule.direction === 'both' || rule.direction === request.direction;
  return typeOk && directionOk && (rule.applies?.(request) ?? true);
}

function dueTime(
  rule: DeadlineRule,
  request: RequestSnapshot,
  payload: TransitionPayload,
  settings: DeadlineSettings,
  now: Date,
  zone: string,
): number | null {
  const due = rule.due;
  if (typeof due === 'function') return addLegalDuration(now, due(settings, request), zone).getTime();
  if ('payload' in due) {
    const value = payload[due.payload];
    return typeof value === 'string' ? Date.parse(value) : null;
  }
  const sought = request.details['deadlineSought'] as { date?: unknown } | undefined;
  // A date without a time means the end of that day where the node counts its days (UTC by default).
  return typeof sought?.date === 'string' ? (endOfLegalDay(sought.date, zone)?.getTime() ?? null) : null;
}

/**
 * The clock changes an action causes, from the rules as data: starting a rule that is
 * already running restarts it (an extension or a renewal moves the due time). Hours are
 * absolute; days are counted on the calendar of the node's zone (ADR 0011).
 */
export function deadlineEffects(
  request: RequestSnapshot,
  action: string,
  payload: TransitionPayload,
  settings: DeadlineSettings,
  now: Date,
): DeadlineEffect[] {
  const zone = settings.timeZone ?? utcZone;
  const effects: DeadlineEffect[] = [];
  for (const rule of deadlineRules.filter((r) => relevant(r, request))) {
    if (rule.closeOn.includes(action)) {
      effects.push({ kind: 'close', ruleId: rule.id, outcome: action === 'withdraw' ? 'cancelled' : 'met' });
    }
    if (rule.suspendOn?.includes(action) === true) effects.push({ kind: 'suspend', ruleId: rule.id });
    if (rule.startOn.includes(action)) {
      const dueAt = dueTime(rule, request, payload, settings, now, zone);
      if (dueAt !== null && !Number.isNaN(dueAt)) {
        const warnAt = Math.max(now.getTime(), subtractLegalDuration(new Date(dueAt), rule.warnBefore, zone).getTime());
        effects.push({
          kind: 'start',
          ruleId: rule.id,
          dueAt: new Date(dueAt).toISOString(),
          warnAt: new Date(warnAt).toISOString(),
        });
      }
    }
  }
  return effects;
}
