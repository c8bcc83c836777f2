import {
  statisticsRepository,
  type CreatedRow,
  type DeadlineAtRiskRow,
  type MilestoneRow,
} from '../repositories/statistics.repository.js';
import { addHours, addLegalDays, hoursBetween, isoWeekKey, isoWeekStart } from '@hanoi247/core';
import { restrictedTypesFor } from './request-view.js';
import type { CallContext, ServiceRuntime } from './service-runtime.js';
import { requirePermission } from './user.service.js';

export const weeksShown = 12;
export const atRiskWindowHours = 48;
const atRiskLimit = 200;

export interface WeekCount {
  readonly week: string;
  readonly weekStart: string;
  readonly outgoing: number;
  readonly incoming: number;
}

export interface Durations {
  readonly count: number;
  readonly medianHours: number | null;
  readonly p90Hours: number | null;
}

export interface TimingGroup {
  readonly key: string;
  readonly requests: number;
  readonly acknowledge: Durations;
  readonly preserve: Durations;
  readonly respond: Durations;
}

export interface RequestStatistics {
  readonly generatedAt: string;
  readonly weeks: readonly WeekCount[];
  readonly byPartner: readonly TimingGroup[];
  readonly byType: readonly TimingGroup[];
  readonly deadlinesAtRisk: readonly (DeadlineAtRiskRow & { readonly overdue: boolean })[];
}

/** Monday 00:00, in the node's zone, of the ISO week `weeksBefore` weeks before the one holding `at`. */
const weekStartBefore = (at: Date, weeksBefore: number, zone: string): Date =>
  addLegalDays(isoWeekStart(at, zone), -7 * weeksBefore, zone);

/**
 * The last `count` ISO 8601 weeks up to and including the current one, each with its counts. Weeks
 * are the node's (Monday 00:00 in its zone), so one holding a daylight-saving change is 167 or 169 hours.
 */
export function weeklyCounts(rows: readonly CreatedRow[], now: Date, zone: string, count = weeksShown): WeekCount[] {
  const weeks = Array.from({ length: count }, (_, i) => {
    const start = weekStartBefore(now, count - 1 - i, zone);
    return { week: isoWeekKey(start, zone), weekStart: start.toISOString(), outgoing: 0, incoming: 0 };
  });
  const byKey = new Map(weeks.map((w) => [w.week, w]));
  for (const row of rows) {
    const week = byKey.get(isoWeekKey(new Date(row.createdAt), zone));
    if (week !== undefined) week[row.direction] += 1;
  }
  return weeks;
}

/** Nearest-rank percentile of sorted values; null when there are none. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? null;
}

function durations(hours: readonly number[]): Durations {
  const sorted = [...hours].sort((a, b) => a - b);
  const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
  return { count: sorted.length, medianHours: round(percentile(sorted, 50)), p90Hours: round(percentile(sorted, 90)) };
}

const finalResponses = new Set(['ACCEPT', 'ACCEPT_WITH_CONDITIONS', 'PARTIAL', 'REFUSE', 'EXECUTED']);

interface Timing {
  readonly type: string;
  readonly partner: string;
  start?: number;
  acknowledge?: number;
  preserve?: number;
  respond?: number;
}

/**
 * Per request: hours from sending (outgoing) or receipt (incoming) to the first acknowledgement, preservation and
 * decision.
 */
export function requestTimings(rows: readonly MilestoneRow[]): Timing[] {
  const byRequest = new Map<string, Timing>();
  for (const row of rows) {
    const timing = byRequest.get(row.requestId) ?? { type: row.type, partner: row.partner };
    byRequest.set(row.requestId, timing);
    const at = Date.parse(row.occurredAt);
    const isStart =
      row.kind === 'created' ? row.action === 'receive' : row.action === 'send' || row.action === 'disclose';
    if (isStart) {
      timing.start ??= at;
      continue;
    }
    if (row.responseKind === 'ACK') timing.acknowledge ??= at;
    else if (row.responseKind === 'PRESERVED') timing.preserve ??= at;
    else if (row.responseKind !== null && finalResponses.has(row.responseKind)) timing.respond ??= at;
  }
  return [...byRequest.values()].filter((t) => t.start !== undefined);
}

export function groupTimings(timings: readonly Timing[], keyOf: (t: Timing) => string): TimingGroup[] {
  const groups = new Map<string, Timing[]>();
  for (const t of timings) groups.set(keyOf(t), [...(groups.get(keyOf(t)) ?? []), t]);
  const hoursTo = (items: readonly Timing[], step: 'acknowledge' | 'preserve' | 'respond') =>
    items.flatMap((t) =>
      t.start === undefined || t[step] === undefined
        ? []
        : [Math.max(0, hoursBetween(new Date(t.start), new Date(t[step])))],
    );
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, items]) => ({
      key,
      requests: items.length,
      acknowledge: durations(hoursTo(items, 'acknowledge')),
      preserve: durations(hoursTo(items, 'preserve')),
      respond: durations(hoursTo(items, 'respond')),
    }));
}

/**
 * Aggregate figures for the dashboard. They name no person, so reading them is not audited;
 * the deadlines at risk list references, as the request queue does (which is not audited either).
 */
export function createStatisticsService(deps: ServiceRuntime & { readonly timeZone: string }) {
  const { db, clock, timeZone } = deps;
  return {
    async requests(context: CallContext): Promise<RequestStatistics> {
      const principal = requirePermission(context.principal, 'requests:read');
      const excluded = restrictedTypesFor(principal);
      const now = clock.now();
      const since = weekStartBefore(now, weeksShown - 1, timeZone).toISOString();
      const [created, milestones, atRisk] = await Promise.all([
        statisticsRepository.requestsCreatedSince(db, since, excluded),
        statisticsRepository.milestones(db, excluded),
        statisticsRepository.deadlinesDueBefore(
          db,
          addHours(now, atRiskWindowHours).toISOString(),
          excluded,
          atRiskLimit,
        ),
      ]);
      const timings = requestTimings(milestones);
      return {
        generatedAt: now.toISOString(),
        weeks: weeklyCounts(created, now, timeZone),
        byPartner: groupTimings(timings, (t) => t.partner),
        byType: groupTimings(timings, (t) => t.type),
        deadlinesAtRisk: atRisk.map((d) => ({ ...d, overdue: Date.parse(d.dueAt) <= now.getTime() })),
      };
    },
  };
}

export type StatisticsService = ReturnType<typeof createStatisticsService>;
