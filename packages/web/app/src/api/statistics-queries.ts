import { useQuery } from '@tanstack/react-query';
import { api } from './client.js';

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

export interface DeadlineAtRisk {
  readonly id: string;
  readonly requestId: string;
  readonly reference: string;
  readonly type: string;
  readonly ruleId: string;
  readonly status: string;
  readonly dueAt: string;
  readonly overdue: boolean;
}

export interface RequestStatistics {
  readonly generatedAt: string;
  readonly weeks: readonly {
    readonly week: string;
    readonly weekStart: string;
    readonly outgoing: number;
    readonly incoming: number;
  }[];
  readonly byPartner: readonly TimingGroup[];
  readonly byType: readonly TimingGroup[];
  readonly deadlinesAtRisk: readonly DeadlineAtRisk[];
}

/** Aggregates change slowly; the clocks at risk tick on the client between refreshes. */
export const useRequestStatistics = () =>
  useQuery({
    queryKey: ['statistics', 'requests'],
    queryFn: () => api<RequestStatistics>('GET', '/api/v1/statistics/requests'),
    refetchInterval: 60_000,
  });
