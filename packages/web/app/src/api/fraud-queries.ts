import { useQuery } from '@tanstack/react-query';
import type { OperationTypes } from '@hanoi247/contract';
import { call } from './client.js';

export type FraudClusterSummary = OperationTypes['listFraudClusters']['response']['clusters'][number];
export type FraudClusterView = OperationTypes['getFraudCluster']['response'];
export type ClusterSort = 'last-seen' | 'loss';

export const useFraudClusters = (sort: ClusterSort) =>
  useQuery({
    queryKey: ['fraud-clusters', sort],
    queryFn: () => call('listFraudClusters', { query: { sort, limit: 100 } }),
  });

export const useFraudCluster = (id: string) =>
  useQuery({
    queryKey: ['fraud-cluster', id],
    queryFn: () =>
      call('getFraudCluster', { params: { clusterId: id }, headers: { 'x-audit-purpose': 'fraud cluster review' } }),
  });
