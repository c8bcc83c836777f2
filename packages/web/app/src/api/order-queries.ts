import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OperationTypes } from '@hanoi247/contract';
import { call } from './client.js';
import { pollIntervalMs } from './queries.js';

/** The orders the desk issued, newest first, optionally one request's only. */
export const useOrders = (filter: { readonly requestId?: string } = {}, enabled = true) =>
  useQuery({
    queryKey: ['orders', filter],
    queryFn: () => call('listOrders', { query: { ...filter, limit: 200 } }).then((r) => r.orders),
    refetchInterval: pollIntervalMs,
    enabled,
  });

export const useOrder = (id: string) =>
  useQuery({
    queryKey: ['order', id],
    queryFn: () => call('getOrder', { params: { orderId: id } }),
    refetchInterval: pollIntervalMs,
  });

export const useOrderTimeline = (id: string) =>
  useQuery({
    queryKey: ['order-timeline', id],
    queryFn: () => call('getOrderTimeline', { params: { orderId: id } }).then((r) => r.events),
    refetchInterval: pollIntervalMs,
  });

export const useOrderEvidence = (id: string, enabled = true) =>
  useQuery({
    queryKey: ['order-evidence', id],
    queryFn: () => call('listOrderEvidence', { params: { orderId: id } }).then((r) => r.items),
    refetchInterval: pollIntervalMs,
    enabled,
  });

/** The active providers of the national registry, to address an order to. */
export const useProviders = () =>
  useQuery({
    queryKey: ['providers'],
    queryFn: () => call('listProviders', { query: { limit: 500 } }).then((r) => r.providers.filter((p) => p.active)),
  });

export type OrdersFromRequestBody = OperationTypes['createOrderFromRequest']['body'];

/** The domestic order(s) made from an accepted request: the request moves on in the same step. */
export function useOrderFromRequest(requestId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: OrdersFromRequestBody) => call('createOrderFromRequest', { params: { requestId }, body }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['request', requestId] });
      void client.invalidateQueries({ queryKey: ['timeline', requestId] });
      void client.invalidateQueries({ queryKey: ['orders'] });
    },
  });
}

/** One step of the order (authorise, serve, …): the server says which are allowed now. */
export function useOrderTransition(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ action, payload }: { action: string; payload: Record<string, unknown> }) =>
      call('transitionOrder', { params: { orderId: id }, body: { action, payload } }),
    onSuccess: (view) => {
      client.setQueryData(['order', id], view);
      void client.invalidateQueries({ queryKey: ['order-timeline', id] });
      void client.invalidateQueries({ queryKey: ['orders'] });
      if (view.requestId !== null) void client.invalidateQueries({ queryKey: ['request', view.requestId] });
    },
  });
}

export type RecordedAnswerBody = OperationTypes['recordProviderAnswer']['body'];
export type AmendOrderBody = OperationTypes['amendOrder']['body'];

/** The officer's own steps on the order that have their own route: a provider's recorded answer, an amendment. */
export function useOrderStep(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (step: { readonly answer: RecordedAnswerBody } | { readonly amend: AmendOrderBody }) =>
      'answer' in step
        ? call('recordProviderAnswer', { params: { orderId: id }, body: step.answer })
        : call('amendOrder', { params: { orderId: id }, body: step.amend }),
    onSuccess: (view) => {
      client.setQueryData(['order', id], view);
      void client.invalidateQueries({ queryKey: ['order-timeline', id] });
      void client.invalidateQueries({ queryKey: ['orders'] });
      if (view.requestId !== null) void client.invalidateQueries({ queryKey: ['request', view.requestId] });
    },
  });
}
