import type { Route } from './route.js';

/** Evidence, its custody and uploads, and the public transparency ledger. */
export const evidenceRouteTable = {
  listRequestEvidence: {
    method: 'GET',
    path: '/api/v1/requests/:requestId/evidence',
    tags: ['evidence'],
    security: 'session',
  },
  getEvidence: { method: 'GET', path: '/api/v1/evidence/:evidenceId', tags: ['evidence'], security: 'session' },
  getEvidenceCustody: {
    method: 'GET',
    path: '/api/v1/evidence/:evidenceId/custody',
    tags: ['evidence'],
    security: 'session',
  },
  getEvidenceContent: {
    method: 'GET',
    path: '/api/v1/evidence/:evidenceId/content',
    tags: ['evidence'],
    security: 'session',
  },
  discoverEvidenceUploads: {
    method: 'OPTIONS',
    path: '/api/v1/evidence/uploads',
    tags: ['evidence'],
    security: 'session',
  },
  createEvidenceUpload: { method: 'POST', path: '/api/v1/evidence/uploads', tags: ['evidence'], security: 'session' },
  getEvidenceUploadOffset: {
    method: 'HEAD',
    path: '/api/v1/evidence/uploads/:uploadId',
    tags: ['evidence'],
    security: 'session',
  },
  getEvidenceUpload: {
    method: 'GET',
    path: '/api/v1/evidence/uploads/:uploadId',
    tags: ['evidence'],
    security: 'session',
  },
  appendEvidenceUpload: {
    method: 'PATCH',
    path: '/api/v1/evidence/uploads/:uploadId',
    tags: ['evidence'],
    security: 'session',
  },
  cancelEvidenceUpload: {
    method: 'DELETE',
    path: '/api/v1/evidence/uploads/:uploadId',
    tags: ['evidence'],
    security: 'session',
  },
  getLedgerCheckpoint: { method: 'GET', path: '/ledger/v1/checkpoint', tags: ['ledger'], security: 'none' },
  getLedgerInclusionProof: { method: 'GET', path: '/ledger/v1/proof/inclusion', tags: ['ledger'], security: 'none' },
  getLedgerConsistencyProof: {
    method: 'GET',
    path: '/ledger/v1/proof/consistency',
    tags: ['ledger'],
    security: 'none',
  },
  listLedgerLeaves: { method: 'GET', path: '/ledger/v1/leaves', tags: ['ledger'], security: 'session' },
  getEvidenceCustodyProofs: {
    method: 'GET',
    path: '/api/v1/evidence/:evidenceId/custody/proofs',
    tags: ['evidence'],
    security: 'session',
  },
  offerEvidence: {
    method: 'POST',
    path: '/api/v1/requests/:requestId/evidence-offers',
    tags: ['evidence'],
    security: 'session',
  },
  listOnwardTransferAuthorisations: {
    method: 'GET',
    path: '/api/v1/evidence/:evidenceId/onward-transfer-authorisations',
    tags: ['evidence'],
    security: 'session',
  },
  authoriseOnwardTransfer: {
    method: 'POST',
    path: '/api/v1/evidence/:evidenceId/onward-transfer-authorisations',
    tags: ['evidence'],
    security: 'session',
  },
  recordCustodyEvent: {
    method: 'POST',
    path: '/api/v1/evidence/:evidenceId/custody-events',
    tags: ['evidence'],
    security: 'session',
  },
  destroyEvidence: {
    method: 'POST',
    path: '/api/v1/evidence/:evidenceId/destruction',
    tags: ['evidence'],
    security: 'session',
  },
  exportBundle: { method: 'POST', path: '/api/v1/bundles', tags: ['evidence'], security: 'session' },
} as const satisfies Readonly<Record<string, Route>>;
