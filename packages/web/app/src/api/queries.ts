import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { mayBeSignedIn, rememberSignedIn } from '../auth/session-expiry.js';
import { deskRefetchInterval } from '../live/live-mode.js';
import type { NoteCatalogue } from '../requests/timeline-notes.js';
import { api, ApiError, withQuery } from './client.js';
import type {
  Bilingual,
  CountryProfile,
  QueueItem,
  RequestType,
  RequestView,
  SessionView,
  StateMachine,
  TimelineEvent,
} from './types.js';

/** How often the desk asks for news: a new request must show within seconds, day and night. */
export const pollIntervalMs = 3000;
/** The desk's request queries: short polling, or a slow safety net while the live stream is open. */
const deskPolling = deskRefetchInterval(pollIntervalMs);

export interface QueueFilter {
  readonly direction?: string;
  readonly type?: string;
  readonly state?: string;
  readonly country?: string;
  /** A user id, me or unassigned. */
  readonly assignee?: string;
}

/** Null when signed out; a 401 (session ended elsewhere) also means signed out. */
export const useSession = () =>
  useQuery({
    queryKey: ['session'],
    queryFn: async (): Promise<SessionView | null> => {
      if (!mayBeSignedIn()) return null;
      try {
        return await api<SessionView>('GET', '/api/v1/auth/session');
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
    queryFn: () =>
      api<{ requests: QueueItem[] }>('GET', withQuery('/api/v1/requests', { ...filter, limit: 200 })).then(
        (r) => r.requests,
      ),
    refetchInterval: deskPolling,
  });

export const useRequest = (id: string) =>
  useQuery({
    queryKey: ['request', id],
    queryFn: () => api<RequestView>('GET', `/api/v1/requests/${id}`),
    refetchInterval: deskPolling,
  });

export const useTimeline = (id: string) =>
  useQuery({
    queryKey: ['timeline', id],
    queryFn: () => api<{ events: TimelineEvent[] }>('GET', `/api/v1/requests/${id}/timeline`).then((r) => r.events),
    refetchInterval: deskPolling,
  });

// Reference data changes with a release, not during a shift.
const reference = { staleTime: Infinity } as const;

export const useRequestTypes = () =>
  useQuery({
    queryKey: ['request-types'],
    queryFn: () => api<{ requestTypes: RequestType[] }>('GET', '/api/v1/request-types').then((r) => r.requestTypes),
    ...reference,
  });

export const useCountryProfiles = () =>
  useQuery({
    queryKey: ['country-profiles'],
    queryFn: () =>
      api<{ countryProfiles: CountryProfile[] }>('GET', '/api/v1/country-profiles').then((r) => r.countryProfiles),
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
    queryFn: () => api<{ stateMachines: StateMachine[] }>('GET', '/api/v1/state-machines').then((r) => r.stateMachines),
    ...reference,
  });

export function useTransition(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ action, payload }: { action: string; payload: Record<string, unknown> }) =>
      api<RequestView>('POST', `/api/v1/requests/${id}/transitions`, { action, payload }),
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
    mutationFn: (userId: string | null) => api<RequestView>('POST', `/api/v1/requests/${id}/assignment`, { userId }),
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
