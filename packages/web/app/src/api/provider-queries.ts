import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from './client.js';
import { pollIntervalMs } from './queries.js';
import type { ObjectionCode, ProviderOrder } from './provider-types.js';

const base = '/api/v1/provider/orders';

// Orders are served at any hour, emergencies with a short clock: poll like the officers' desk.
export const useProviderOrders = () =>
  useQuery({
    queryKey: ['provider-orders'],
    queryFn: () => call('listProviderOrders', { query: { limit: 200 } }).then((r) => r.orders),
    refetchInterval: pollIntervalMs,
  });

export const useProviderOrder = (id: string) =>
  useQuery({
    queryKey: ['provider-order', id],
    queryFn: () => call('getProviderOrder', { params: { orderId: id } }),
    refetchInterval: pollIntervalMs,
  });

export type ProviderAnswer =
  | { readonly action: 'acknowledge' }
  | { readonly action: 'confirm-preservation'; readonly preservedUntil: string; readonly what: string }
  | { readonly action: 'object'; readonly reasonCode: ObjectionCode; readonly note: string }
  | { readonly action: 'start-collection' };

/** One answer to the order; each has its own route with a strict body. */
export function useProviderAnswer(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ action, ...body }: ProviderAnswer) =>
      api<ProviderOrder>('POST', `${base}/${id}/${action}`, Object.keys(body).length === 0 ? undefined : body),
    onSuccess: (view) => {
      client.setQueryData(['provider-order', id], view);
      void client.invalidateQueries({ queryKey: ['provider-orders'] });
    },
  });
}
