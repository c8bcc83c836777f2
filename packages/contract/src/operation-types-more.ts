/**
 * The operations the web app does not call (administration, the ledger, evidence leaving the node,
 * federation, providers, tus uploads), typed from the same schemas. An answer that is not JSON (a
 * PDF, evidence content, a zip, the metrics, the checkpoint note, an event stream, a tus offset)
 * is `unknown`: read it with the client's `request`, which returns the Response.
 */
import type { SignedDescriptor } from '@hanoi247/core';
import type { z } from 'zod';
import type { apiTokensSchema, createdTokenSchema, createTokenBody, createUserBody, usersSchema } from './accounts.js';
import type { auditPageSchema, auditQuery } from './audit.js';
import type { bootstrapBody } from './auth.js';
import type {
  citizenAdditionBody,
  citizenReceiptSchema,
  citizenReportBody,
  citizenStatusSchema,
  fraudReportPrivateSchema,
  proofOfWorkChallengeSchema,
} from './citizen-reports.js';
import type { caseListSchema, caseViewSchema } from './cases.js';
import type { createCaseBody, createProviderBody, updateProviderBody } from './core-bodies.js';
import type { userViewSchema } from './common.js';
import type {
  authoriseOnwardTransferBody,
  custodyEventBody,
  destructionBody,
  evidenceOfferSchema,
  exportBundleBody,
  offerEvidenceBody,
  onwardTransferAuthorisationSchema,
  onwardTransferAuthorisationsSchema,
  recordedCustodyEventSchema,
} from './evidence-exchange.js';
import type {
  inboxAnswerSchema,
  pinPeerBody,
  pullAnswerSchema,
  receiptsAnswerSchema,
  transferredEvidenceQuery,
} from './federation-protocol.js';
import type {
  consistencyProofQuery,
  inclusionProofQuery,
  ledgerConsistencySchema,
  ledgerInclusionSchema,
  ledgerLeavesQuery,
  ledgerLeavesSchema,
} from './ledger.js';
import type {
  fraudBatchResultSchema,
  fraudReportBody,
  fraudReportReceiptSchema,
  fraudReportViewSchema,
  indicatorLookupQuery,
  indicatorLookupSchema,
} from './fraud.js';
import type { livenessSchema, nodeSchema, readinessSchema } from './node.js';
import type {
  amendOrderBody,
  createOrderBody,
  orderTimelineSchema,
  productionReceiptSchema,
  providerAnswerBody,
  signedOrderSchema,
} from './orders.js';
import type { addMemberBody, membersSchema, providerStatisticsSchema } from './providers.js';
import type { deadlineRulesSchema, runningDeadlinesSchema, timelineNotesSchema } from './reference.js';
import type { requestDocumentQuery, requestDocumentSchema } from './requests.js';
import type { DomesticOrder, EvidenceUpload, Peer, ServiceProvider } from './views.js';

type In<S extends z.ZodType> = z.input<S>;
type Out<S extends z.ZodType> = z.output<S>;
/** Answered with text or bytes, not JSON. */
type NotJson = { response: unknown };
type NoContent = { response: undefined };

export interface IdentityOperationTypes {
  getLiveness: { response: Out<typeof livenessSchema> };
  getReadiness: { response: Out<typeof readinessSchema> };
  getMetrics: NotJson;
  bootstrapAdministrator: { body: In<typeof bootstrapBody>; response: Out<typeof userViewSchema> };
  listUsers: { response: Out<typeof usersSchema> };
  createUser: { body: In<typeof createUserBody>; response: Out<typeof userViewSchema> };
  disableUser: { response: Out<typeof userViewSchema> };
  resetUserTotp: { response: Out<typeof userViewSchema> };
  listTokens: { response: Out<typeof apiTokensSchema> };
  createToken: { body: In<typeof createTokenBody>; response: Out<typeof createdTokenSchema> };
  revokeToken: NoContent;
  listAuditEntries: { query: Partial<In<typeof auditQuery>>; response: Out<typeof auditPageSchema> };
  getNode: { response: Out<typeof nodeSchema> };
}

export interface RequestsOperationTypes {
  createCase: { body: In<typeof createCaseBody>; response: Out<typeof caseViewSchema> };
  listCases: { response: Out<typeof caseListSchema> };
  getCase: { response: Out<typeof caseViewSchema> };
  getRequestDocument: { response: Out<typeof requestDocumentSchema> };
  getRequestDocumentPdf: { query: In<typeof requestDocumentQuery> } & NotJson;
  getResponseDocumentPdf: NotJson;
  listTimelineNotes: { response: Out<typeof timelineNotesSchema> };
  listDeadlineRules: { response: Out<typeof deadlineRulesSchema> };
  listDeadlines: { response: Out<typeof runningDeadlinesSchema> };
  streamEvents: NotJson;
}

export interface EvidenceOperationTypes {
  getEvidenceContent: NotJson;
  discoverEvidenceUploads: NotJson;
  createEvidenceUpload: { response: EvidenceUpload };
  getEvidenceUploadOffset: NotJson;
  getEvidenceUpload: { response: EvidenceUpload };
  appendEvidenceUpload: NotJson;
  cancelEvidenceUpload: NoContent;
  getLedgerCheckpoint: NotJson;
  getLedgerInclusionProof: {
    query: In<typeof inclusionProofQuery>;
    response: Out<typeof ledgerInclusionSchema>;
  };
  getLedgerConsistencyProof: {
    query: In<typeof consistencyProofQuery>;
    response: Out<typeof ledgerConsistencySchema>;
  };
  listLedgerLeaves: { query: In<typeof ledgerLeavesQuery>; response: Out<typeof ledgerLeavesSchema> };
  offerEvidence: { body: In<typeof offerEvidenceBody>; response: Out<typeof evidenceOfferSchema> };
  listOnwardTransferAuthorisations: { response: Out<typeof onwardTransferAuthorisationsSchema> };
  authoriseOnwardTransfer: {
    body: In<typeof authoriseOnwardTransferBody>;
    response: Out<typeof onwardTransferAuthorisationSchema>;
  };
  recordCustodyEvent: { body: In<typeof custodyEventBody>; response: Out<typeof recordedCustodyEventSchema> };
  destroyEvidence: { body: In<typeof destructionBody> } & NoContent;
  exportBundle: { body: In<typeof exportBundleBody> } & NotJson;
}

/** The partner-to-partner routes take signed envelope text, which only the federation transport sends. */
export interface FederationOperationTypes {
  fetchTransferredEvidence: { query: Partial<In<typeof transferredEvidenceQuery>> } & NotJson;
  getDescriptor: { response: SignedDescriptor };
  deliverEnvelope: { response: Out<typeof inboxAnswerSchema> };
  pullEnvelopes: { response: Out<typeof pullAnswerSchema> };
  acknowledgeReceipts: { response: Out<typeof receiptsAnswerSchema> };
  addPeer: { body: In<typeof pinPeerBody>; response: Peer };
  removePeer: NoContent;
}

export interface OrdersOperationTypes {
  createProvider: { body: In<typeof createProviderBody>; response: ServiceProvider };
  getProvider: { response: ServiceProvider };
  updateProvider: { body: In<typeof updateProviderBody>; response: ServiceProvider };
  listProviderMembers: { response: Out<typeof membersSchema> };
  addProviderMember: { body: In<typeof addMemberBody>; response: Out<typeof membersSchema> };
  removeProviderMember: NoContent;
  getProviderStatistics: { response: Out<typeof providerStatisticsSchema> };
  createOrder: { body: In<typeof createOrderBody>; response: DomesticOrder };
  recordProviderAnswer: { body: In<typeof providerAnswerBody>; response: DomesticOrder };
  amendOrder: { body: In<typeof amendOrderBody>; response: DomesticOrder };
  getSignedOrder: { response: Out<typeof signedOrderSchema> };
  getProviderOrderTimeline: { response: Out<typeof orderTimelineSchema> };
  getProviderSignedOrder: { response: Out<typeof signedOrderSchema> };
  /** The body is the file itself (application/octet-stream): send it with `request`. */
  produceOrderData: { response: Out<typeof productionReceiptSchema> };
  createProductionUpload: { response: EvidenceUpload };
  getProductionUploadOffset: NotJson;
  getProductionUpload: { response: EvidenceUpload };
  appendProductionUpload: NotJson;
  cancelProductionUpload: NoContent;
}

export interface FraudOperationTypes {
  submitFraudReport: { body: In<typeof fraudReportBody>; response: Out<typeof fraudReportReceiptSchema> };
  /** The body is JSON Lines or CSV text (application/x-ndjson, text/csv): send it with `request`. */
  submitFraudReportBatch: { response: Out<typeof fraudBatchResultSchema> };
  getFraudReport: { response: Out<typeof fraudReportViewSchema> };
  lookupIndicators: { query: In<typeof indicatorLookupQuery>; response: Out<typeof indicatorLookupSchema> };
  getFraudChallenge: { response: Out<typeof proofOfWorkChallengeSchema> };
  submitCitizenReport: { body: In<typeof citizenReportBody>; response: Out<typeof citizenReceiptSchema> };
  getCitizenReportStatus: { response: Out<typeof citizenStatusSchema> };
  addToCitizenReport: { body: In<typeof citizenAdditionBody>; response: Out<typeof citizenStatusSchema> };
  getFraudReportPrivate: { response: Out<typeof fraudReportPrivateSchema> };
}
