import { useQuery } from '@tanstack/react-query';
import { call } from './client.js';

/**
 * Officers this request can be handed to (ids and names only), from the request-scoped endpoint:
 * officers hold no users:read. Each read is audited on the node, so it runs only when the picker
 * is shown and is not polled.
 */
export const useAssignableOfficers = (requestId: string, enabled: boolean) =>
  useQuery({
    queryKey: ['assignable-officers', requestId],
    queryFn: () => call('listAssignableOfficers', { params: { requestId } }).then((r) => r.officers),
    enabled,
    staleTime: 5 * 60_000,
  });
