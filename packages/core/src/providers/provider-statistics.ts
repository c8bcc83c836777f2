import { hoursBetween } from '../support/legal-time.js';

/** What one order contributes to its provider's statistics: its milestones, from the timeline. */
export interface OrderMilestones {
  readonly state: string;
  readonly servedAt: string | null;
  readonly acknowledgedAt: string | null;
  readonly preservedAt: string | null;
  /** The first production delivered. */
  readonly producedAt: string | null;
  readonly objectionCode: string | null;
}

export interface DurationSummary {
  readonly count: number;
  readonly medianHours: number | null;
  readonly p90Hours: number | null;
}

export interface ProviderStatistics {
  readonly orders: number;
  readonly served: number;
  readonly timeToAcknowledge: DurationSummary;
  readonly timeToPreserve: DurationSummary;
  readonly timeToProduce: DurationSummary;
  /** Orders by their current state. */
  readonly outcomes: Readonly<Record<string, number>>;
  readonly objections: Readonly<Record<string, number>>;
}

/**
 * The nearest-rank percentile (the smallest value with at least p % of values at or below it):
 * an actual observed time, never an interpolation between two providers' answers.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? null;
}

const hours = (from: string | null, to: string | null): number | null =>
  from === null || to === null ? null : hoursBetween(new Date(from), new Date(to));
const round = (value: number | null): number | null => (value === null ? null : Math.round(value * 100) / 100);

function summary(values: readonly (number | null)[]): DurationSummary {
  const present = values.filter((v): v is number => v !== null && v >= 0);
  return {
    count: present.length,
    medianHours: round(percentile(present, 50)),
    p90Hours: round(percentile(present, 90)),
  };
}

function tally(keys: readonly (string | null)[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of keys) if (key !== null) out[key] = (out[key] ?? 0) + 1;
  return out;
}

/** Time to acknowledge, preserve and produce, each measured from service, with outcomes. */
export function providerStatistics(orders: readonly OrderMilestones[]): ProviderStatistics {
  return {
    orders: orders.length,
    served: orders.filter((o) => o.servedAt !== null).length,
    timeToAcknowledge: summary(orders.map((o) => hours(o.servedAt, o.acknowledgedAt))),
    timeToPreserve: summary(orders.map((o) => hours(o.servedAt, o.preservedAt))),
    timeToProduce: summary(orders.map((o) => hours(o.servedAt, o.producedAt))),
    outcomes: tally(orders.map((o) => o.state)),
    objections: tally(orders.map((o) => o.objectionCode)),
  };
}
