import { clockEffects, type ClockEffect } from '../../lifecycle/clock-effects.js';
import { addLegalDuration, endOfLegalDay, utcZone } from '../../support/legal-time.js';
import type { RequestSnapshot, TransitionPayload } from '../request-snapshot.js';
import { deadlineRules, type DeadlineRule, type DeadlineSettings } from './deadline-rules.js';

/** A request's clock change: the kernel's (start, close, suspend). */
export type DeadlineEffect = ClockEffect;

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
 * The clock changes an action causes on a request, from the rules as data, through the lifecycle
 * kernel's `clockEffects`: hours are absolute; days are counted on the calendar of the node's zone
 * (ADR 0011); a withdrawal cancels, any other closing action meets.
 */
export function deadlineEffects(
  request: RequestSnapshot,
  action: string,
  payload: TransitionPayload,
  settings: DeadlineSettings,
  now: Date,
): DeadlineEffect[] {
  const zone = settings.timeZone ?? utcZone;
  return clockEffects(
    deadlineRules.filter((r) => relevant(r, request)),
    action,
    {
      due: (rule) => dueTime(rule, request, payload, settings, now, zone),
      warnBefore: (rule) => rule.warnBefore,
      cancelledBy: ['withdraw'],
      zone,
      now,
    },
  );
}
