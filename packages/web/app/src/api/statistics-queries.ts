import { useQuery } from '@tanstack/react-query';
import type { RequestStatistics } from '@hanoi247/contract';
import { api } from './client.js';

export type { DeadlineAtRisk, Durations, RequestStatistics, TimingGroup } from '@hanoi247/contract';

/** Aggregates change slowly; the clocks at risk tick on the client between refreshes. */
export const useRequestStatistics = () =>
  useQuery({
    queryKey: ['statistics', 'requests'],
    queryFn: () => api<RequestStatistics>('GET', '/api/v1/statistics/requests'),
    refetchInterval: 60_000,
  });
