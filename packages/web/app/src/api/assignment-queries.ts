import { useQuery } from '@tanstack/react-query';
import { api } from './client.js';
import type { Assignee } from './types.js';

/**
 * Officers this request can be handed to (ids and names only), from the request-scoped endpoint:
 * officers hold no users:read. Each read is audited on the node, so it runs only when the picker
 * is shown and is not polled.
 */
export const useAssignableOfficers = (requestId: string, enabled: boolean) =>
  useQuery({
    queryKey: ['assignable-officers', requestId],
    queryFn: () =>
      api<{ officers: Assignee[] }>('GET', `/api/v1/requests/${requestId}/assignable-officers`).then((r) => r.officers),
    enabled,
    staleTime: 5 * 60_000,
  });
