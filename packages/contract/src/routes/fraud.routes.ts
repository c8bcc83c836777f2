import type { Route } from './route.js';

/** Online fraud: institutions' reports (one, or a batch in JSON Lines or CSV) and indicator lookups. */
export const fraudRouteTable = {
  submitFraudReport: { method: 'POST', path: '/api/v1/fraud/reports', tags: ['fraud'], security: 'session' },
  submitFraudReportBatch: {
    method: 'POST',
    path: '/api/v1/fraud/report-batches',
    tags: ['fraud'],
    security: 'session',
  },
  getFraudReport: { method: 'GET', path: '/api/v1/fraud/reports/:reportId', tags: ['fraud'], security: 'session' },
  lookupIndicators: { method: 'GET', path: '/api/v1/fraud/indicators', tags: ['fraud'], security: 'session' },
} as const satisfies Readonly<Record<string, Route>>;
