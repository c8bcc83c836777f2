import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OperationTypes } from '@hanoi247/contract';
import { call } from './client.js';

export type ProviderView = OperationTypes['getProvider']['response'];
export type ProviderBody = OperationTypes['createProvider']['body'];

/** Every provider of the registry, inactive ones included: the registry's own list. */
export const useRegistry = () =>
  useQuery({
    queryKey: ['registry'],
    queryFn: () => call('listProviders', { query: { limit: 500 } }).then((r) => r.providers),
  });

export const useRegistryProvider = (id: string | null) =>
  useQuery({
    queryKey: ['registry', id],
    queryFn: () => call('getProvider', { params: { providerId: id ?? '' } }),
    enabled: id !== null,
  });

const membersQuery = (id: string) => ({
  queryKey: ['provider-members', id],
  queryFn: () => call('listProviderMembers', { params: { providerId: id } }).then((r) => r.members),
});

/** The accounts acting for a provider: none means the provider is not on the platform. */
export const useProviderMembers = (id: string, enabled = true) => useQuery({ ...membersQuery(id), enabled });

/** How many accounts act for each provider, by provider id (undefined while loading). */
export function useMemberCounts(ids: readonly string[]): ReadonlyMap<string, number | undefined> {
  const results = useQueries({ queries: ids.map(membersQuery) });
  return new Map(ids.map((id, i) => [id, results[i]?.data?.length]));
}

/** The active accounts whose one role is provider user: the ones a provider may be linked to. */
export const useProviderUsers = (enabled: boolean) =>
  useQuery({
    queryKey: ['provider-users'],
    queryFn: () =>
      call('listUsers').then((r) =>
        r.users.filter((u) => u.status === 'active' && u.roles.length === 1 && u.roles[0] === 'provider_user'),
      ),
    enabled,
  });

/** Adds a provider (id null) or changes one; the order form's provider choice reads the same registry. */
export function useSaveProvider(id: string | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ active, ...body }: ProviderBody & { readonly active: boolean }) =>
      id === null
        ? call('createProvider', { body })
        : call('updateProvider', { params: { providerId: id }, body: { ...body, active } }),
    onSuccess: (view) => {
      client.setQueryData(['registry', view.id], view);
      void client.invalidateQueries({ queryKey: ['registry'], exact: true });
      void client.invalidateQueries({ queryKey: ['providers'] });
    },
  });
}

/** Links a provider user to the provider (userId), or unlinks one (unlink: true). */
export function useMembership(providerId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ userId, unlink }: { readonly userId: string; readonly unlink?: boolean }) => {
      if (unlink === true) await call('removeProviderMember', { params: { providerId, userId } });
      else await call('addProviderMember', { params: { providerId }, body: { userId } });
    },
    onSuccess: () => void client.invalidateQueries({ queryKey: ['provider-members', providerId] }),
  });
}
