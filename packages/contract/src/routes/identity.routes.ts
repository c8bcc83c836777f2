import type { Route } from './route.js';

/** Health, sign-in, users, API tokens, the audit log and the node itself. */
export const identityRouteTable = {
  getLiveness: { method: 'GET', path: '/healthz', tags: ['operations'], security: 'none' },
  getReadiness: { method: 'GET', path: '/readyz', tags: ['operations'], security: 'none' },
  getMetrics: { method: 'GET', path: '/metrics', tags: ['operations'], security: 'session' },
  login: { method: 'POST', path: '/api/v1/auth/login', tags: ['auth'], security: 'none' },
  enrolTotp: { method: 'POST', path: '/api/v1/auth/totp/enrol', tags: ['auth'], security: 'none' },
  getSession: { method: 'GET', path: '/api/v1/auth/session', tags: ['auth'], security: 'session' },
  logout: { method: 'POST', path: '/api/v1/auth/logout', tags: ['auth'], security: 'session' },
  bootstrapAdministrator: { method: 'POST', path: '/api/v1/bootstrap', tags: ['auth'], security: 'none' },
  listUsers: { method: 'GET', path: '/api/v1/users', tags: ['users'], security: 'session' },
  createUser: { method: 'POST', path: '/api/v1/users', tags: ['users'], security: 'session' },
  disableUser: { method: 'POST', path: '/api/v1/users/:userId/disable', tags: ['users'], security: 'session' },
  resetUserTotp: { method: 'POST', path: '/api/v1/users/:userId/reset-totp', tags: ['users'], security: 'session' },
  listTokens: { method: 'GET', path: '/api/v1/tokens', tags: ['tokens'], security: 'session' },
  createToken: { method: 'POST', path: '/api/v1/tokens', tags: ['tokens'], security: 'session' },
  revokeToken: { method: 'DELETE', path: '/api/v1/tokens/:tokenId', tags: ['tokens'], security: 'session' },
  listAuditEntries: { method: 'GET', path: '/api/v1/audit', tags: ['audit'], security: 'session' },
  getNode: { method: 'GET', path: '/api/v1/node', tags: ['node'], security: 'session' },
  getNodeProfile: { method: 'GET', path: '/api/v1/node/profile', tags: ['node'], security: 'none' },
} as const satisfies Readonly<Record<string, Route>>;
