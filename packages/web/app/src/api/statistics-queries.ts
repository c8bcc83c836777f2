import { useQuery } from '@tanstack/react-query';
import { call } from './client.js';

export type { TimingGroup } from '@hanoi247/contract';

/** Aggregates change slowly; the clocks at risk tick on the client between refreshes. */
export const useRequestStatistics = () =>
  useQuery({
    queryKey: ['statistics', 'requests'],
    queryFn: () => call('getRequestStatistics'),
    refetchInterval: 60_000,
  });
