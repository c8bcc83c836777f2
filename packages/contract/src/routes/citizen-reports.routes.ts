import type { Route } from './route.js';

/**
 * Citizens report online fraud on the public page, without an account: challenge, report, status, additions; the
 * fraud desk opens a report's sealed narrative and contact.
 */
export const citizenReportRouteTable = {
  getFraudChallenge: { method: 'GET', path: '/api/v1/fraud/challenge', tags: ['fraud'], security: 'none' },
  submitCitizenReport: {
    method: 'POST',
    path: '/api/v1/fraud/citizen-reports',
    tags: ['fraud'],
    security: 'none',
  },
  getCitizenReportStatus: {
    method: 'GET',
    path: '/api/v1/fraud/citizen-reports/:acknowledgementNumber',
    tags: ['fraud'],
    security: 'none',
  },
  addToCitizenReport: {
    method: 'POST',
    path: '/api/v1/fraud/citizen-reports/:acknowledgementNumber/additions',
    tags: ['fraud'],
    security: 'none',
  },
  getFraudReportPrivate: {
    method: 'GET',
    path: '/api/v1/fraud/reports/:reportId/private',
    tags: ['fraud'],
    security: 'session',
  },
} as const satisfies Readonly<Record<string, Route>>;
