import type { Route } from './route.js';

/** Cases, requests and their reference data. */
export const requestsRouteTable = {
  createCase: { method: 'POST', path: '/api/v1/cases', tags: ['cases'], security: 'session' },
  listCases: { method: 'GET', path: '/api/v1/cases', tags: ['cases'], security: 'session' },
  getCase: { method: 'GET', path: '/api/v1/cases/:caseId', tags: ['cases'], security: 'session' },
  createRequest: { method: 'POST', path: '/api/v1/requests', tags: ['requests'], security: 'session' },
  listRequests: { method: 'GET', path: '/api/v1/requests', tags: ['requests'], security: 'session' },
  recordIncomingRequest: { method: 'POST', path: '/api/v1/requests/incoming', tags: ['requests'], security: 'session' },
  getRequest: { method: 'GET', path: '/api/v1/requests/:requestId', tags: ['requests'], security: 'session' },
  updateRequest: { method: 'PATCH', path: '/api/v1/requests/:requestId', tags: ['requests'], security: 'session' },
  transitionRequest: {
    method: 'POST',
    path: '/api/v1/requests/:requestId/transitions',
    tags: ['requests'],
    security: 'session',
  },
  assignRequest: {
    method: 'POST',
    path: '/api/v1/requests/:requestId/assignment',
    tags: ['requests'],
    security: 'session',
  },
  listAssignableOfficers: {
    method: 'GET',
    path: '/api/v1/requests/:requestId/assignable-officers',
    tags: ['requests'],
    security: 'session',
  },
  getRequestTimeline: {
    method: 'GET',
    path: '/api/v1/requests/:requestId/timeline',
    tags: ['requests'],
    security: 'session',
  },
  getRequestDocument: {
    method: 'GET',
    path: '/api/v1/requests/:requestId/document.json',
    tags: ['requests'],
    security: 'session',
  },
  getRequestDocumentPdf: {
    method: 'GET',
    path: '/api/v1/requests/:requestId/document.pdf',
    tags: ['requests'],
    security: 'session',
  },
  getResponseDocumentPdf: {
    method: 'GET',
    path: '/api/v1/requests/:requestId/responses/:eventId/document.pdf',
    tags: ['requests'],
    security: 'session',
  },
  listRequestTypes: { method: 'GET', path: '/api/v1/request-types', tags: ['reference'], security: 'session' },
  listTimelineNotes: { method: 'GET', path: '/api/v1/timeline-notes', tags: ['reference'], security: 'session' },
  listStateMachines: { method: 'GET', path: '/api/v1/state-machines', tags: ['reference'], security: 'session' },
  listDeadlineRules: { method: 'GET', path: '/api/v1/deadline-rules', tags: ['reference'], security: 'session' },
  listCountryProfiles: { method: 'GET', path: '/api/v1/country-profiles', tags: ['reference'], security: 'session' },
  listDeadlines: { method: 'GET', path: '/api/v1/deadlines', tags: ['requests'], security: 'session' },
  streamEvents: { method: 'GET', path: '/api/v1/events', tags: ['requests'], security: 'session' },
  getRequestStatistics: { method: 'GET', path: '/api/v1/statistics/requests', tags: ['requests'], security: 'session' },
} as const satisfies Readonly<Record<string, Route>>;
