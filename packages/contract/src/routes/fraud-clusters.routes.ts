import type { Route } from './route.js';

/** Clusters of fraud reports, and retracting an indicator (which splits the clusters it joined). */
export const fraudClusterRouteTable = {
  listFraudClusters: { method: 'GET', path: '/api/v1/fraud/clusters', tags: ['fraud'], security: 'session' },
  getFraudCluster: { method: 'GET', path: '/api/v1/fraud/clusters/:clusterId', tags: ['fraud'], security: 'session' },
  retractIndicator: {
    method: 'POST',
    path: '/api/v1/fraud/indicators/:indicatorId/retraction',
    tags: ['fraud'],
    security: 'session',
  },
} as const satisfies Readonly<Record<string, Route>>;
