import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { mayBeSignedIn, rememberSignedIn } from '../auth/session-expiry.js';
import { deskRefetchInterval } from '../live/live-mode.js';
import type { NoteCatalogue } from '../requests/timeline-notes.js';
import type { CallInput } from '@hanoi247/contract/client';
import { api, ApiError, call } from './client.js';
import type { Bilingual, SessionView } from './types.js';

/** How often the desk asks for news: a new request must show within seconds, day and night. */
export const pollIntervalMs = 3000;
/** The desk's request queries: short polling, or a slow safety net while the live stream is open. */
const deskPolling = deskRefetchInterval(pollIntervalMs);

/** The queue's filters: the list operation's query without its paging. */
export type QueueFilter = Omit<NonNullable<CallInput<'listRequests'>['query']>, 'limit' | 'offset'>;

/** Null when signed out; a 401 (session ended elsewhere) also means signed out. */
export const useSession = () =>
  useQuery({
    queryKey: ['session'],
    queryFn: async (): Promise<SessionView | null> => {
      if (!mayBeSignedIn()) return null;
      try {
        return await call('getSession');
      } catch (error) {
        if (!(error instanceof ApiError && error.status === 401)) throw error;
        rememberSignedIn(false);
        return null;
      }
    },
    retry: false,
    staleTime: 60_000,
  });

export const useQueue = (filter: QueueFilter) =>
  useQuery({
    queryKey: ['queue', filter],
    queryFn: () => call('listRequests', { query: { ...filter, limit: 200 } }).then((r) => r.requests),
    refetchInterval: deskPolling,
  });

export const useRequest = (id: string) =>
  useQuery({
    queryKey: ['request', id],
    queryFn: () => call('getRequest', { params: { requestId: id } }),
    refetchInterval: deskPolling,
  });

export const useTimeline = (id: string) =>
  useQuery({
    queryKey: ['timeline', id],
    queryFn: () => call('getRequestTimeline', { params: { requestId: id } }).then((r) => r.events),
    refetchInterval: deskPolling,
  });

// Reference data changes with a release, not during a shift.
const reference = { staleTime: Infinity } as const;

export const useRequestTypes = () =>
  useQuery({
    queryKey: ['request-types'],
    queryFn: () => call('listRequestTypes').then((r) => r.requestTypes),
    ...reference,
  });

export const useCountryProfiles = () =>
  useQuery({
    queryKey: ['country-profiles'],
    queryFn: () => call('listCountryProfiles').then((r) => r.countryProfiles),
    ...reference,
  });

export const useTimelineNotes = () =>
  useQuery({
    queryKey: ['timeline-notes'],
    queryFn: () => api<NoteCatalogue>('GET', '/api/v1/timeline-notes'),
    ...reference,
  });

export const useStateMachines = () =>
  useQuery({
    queryKey: ['state-machines'],
    queryFn: () => call('listStateMachines').then((r) => r.stateMachines),
    ...reference,
  });

export function useTransition(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ action, payload }: { action: string; payload: Record<string, unknown> }) =>
      call('transitionRequest', { params: { requestId: id }, body: { action, payload } }),
    onSuccess: (view) => {
      client.setQueryData(['request', id], view);
      void client.invalidateQueries({ queryKey: ['timeline', id] });
      void client.invalidateQueries({ queryKey: ['queue'] });
    },
  });
}

/** Hands the request to an officer (null: to nobody). */
export function useAssignment(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (userId: string | null) => call('assignRequest', { params: { requestId: id }, body: { userId } }),
    onSuccess: (view) => {
      client.setQueryData(['request', id], view);
      void client.invalidateQueries({ queryKey: ['timeline', id] });
      void client.invalidateQueries({ queryKey: ['queue'] });
    },
  });
}

/** State and type codes as the officer reads them, from the server's own bilingual catalogues. */
export function useCatalogueLabels() {
  const machines = useStateMachines();
  const types = useRequestTypes();
  const states = new Map(machines.data?.flatMap((m) => m.states.map((s) => [s.name, s.label] as const)) ?? []);
  const typeTitles = new Map<string, Bilingual>(types.data?.map((t) => [t.code, t.title] as const) ?? []);
  return { states, typeTitles, types: types.data ?? [] };
}
