import type { Route } from './route.js';

/** The partner-to-partner endpoints and the peers this node trusts. */
export const federationRouteTable = {
  fetchTransferredEvidence: {
    method: 'GET',
    path: '/federation/v1/evidence/:transferId/:sha256',
    tags: ['federation'],
    security: 'none',
  },
  listLedgerAlerts: {
    method: 'GET',
    path: '/api/v1/federation/ledger-alerts',
    tags: ['federation'],
    security: 'session',
  },
  getDescriptor: { method: 'GET', path: '/federation/v1/descriptor', tags: ['federation'], security: 'none' },
  deliverEnvelope: { method: 'POST', path: '/federation/v1/inbox', tags: ['federation'], security: 'none' },
  pullEnvelopes: { method: 'POST', path: '/federation/v1/pull', tags: ['federation'], security: 'none' },
  acknowledgeReceipts: { method: 'POST', path: '/federation/v1/receipts', tags: ['federation'], security: 'none' },
  listPeers: { method: 'GET', path: '/api/v1/peers', tags: ['federation'], security: 'session' },
  addPeer: { method: 'POST', path: '/api/v1/peers', tags: ['federation'], security: 'session' },
  removePeer: { method: 'DELETE', path: '/api/v1/peers/:country', tags: ['federation'], security: 'session' },
  getFederationStatus: { method: 'GET', path: '/api/v1/federation/status', tags: ['federation'], security: 'session' },
} as const satisfies Readonly<Record<string, Route>>;
