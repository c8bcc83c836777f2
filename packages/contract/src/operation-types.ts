/**
 * What each operation takes and answers, as types only (the browser bundles none of the schemas):
 * `body` and `query` are the schemas' input, `response` their output. An operation missing here
 * is still callable through the typed client, with an unknown answer; `routes.test.ts` checks
 * there is none.
 */
import type { z } from 'zod';
import type {
  EvidenceOperationTypes,
  FederationOperationTypes,
  FraudOperationTypes,
  IdentityOperationTypes,
  OrdersOperationTypes,
  RequestsOperationTypes,
} from './operation-types-more.js';
import type { FraudClusterOperationTypes } from './fraud-clusters.js';
import type { enrolBody, loginBody } from './auth.js';
import type {
  assignableOfficersSchema,
  assignmentBody,
  createRequestBody,
  incomingRequestBody,
  listRequestsQuery,
  transitionBody,
  updateRequestBody,
} from './requests.js';
import type { NodeProfile } from './node.js';
import type { providerInputSchema, providerPatchSchema } from '@hanoi247/core';
import type { userViewSchema } from './common.js';
import type { memberSchema } from './providers.js';
import type {
  amendOrderBody,
  confirmPreservationBody,
  fromRequestBody,
  listOrdersQuery,
  objectBody,
  orderTransitionBody,
  providerAnswerBody,
} from './orders.js';
import type {
  CountryProfile,
  CustodyEvent,
  CustodyProofs,
  DomesticOrder,
  EnrolmentRequired,
  EvidenceItem,
  FederationStatus,
  LedgerAlert,
  OrderTimelineEvent,
  Peer,
  ProviderOrder,
  QueueItem,
  RequestStatistics,
  RequestType,
  RequestView,
  ServiceProvider,
  SessionView,
  SignedIn,
  StateMachine,
  TimelineEvent,
} from './views.js';

type In<S extends z.ZodType> = z.input<S>;
type Members = { members: z.output<typeof memberSchema>[] };

export interface OperationTypes
  extends
    IdentityOperationTypes,
    RequestsOperationTypes,
    EvidenceOperationTypes,
    FederationOperationTypes,
    OrdersOperationTypes,
    FraudOperationTypes,
    FraudClusterOperationTypes {
  getSession: { response: SessionView };
  getNodeProfile: { response: NodeProfile };
  login: { body: In<typeof loginBody>; response: SignedIn | EnrolmentRequired };
  enrolTotp: { body: In<typeof enrolBody>; response: SignedIn };
  logout: { response: undefined };
  listRequests: { query: Partial<In<typeof listRequestsQuery>>; response: { requests: QueueItem[] } };
  createRequest: { body: In<typeof createRequestBody>; response: RequestView };
  recordIncomingRequest: { body: In<typeof incomingRequestBody>; response: RequestView };
  getRequest: { response: RequestView };
  updateRequest: { body: In<typeof updateRequestBody>; response: RequestView };
  transitionRequest: { body: In<typeof transitionBody>; response: RequestView };
  assignRequest: { body: In<typeof assignmentBody>; response: RequestView };
  listAssignableOfficers: { response: z.output<typeof assignableOfficersSchema> };
  getRequestTimeline: { response: { events: TimelineEvent[] } };
  listRequestTypes: { response: { requestTypes: RequestType[] } };
  listCountryProfiles: { response: { countryProfiles: CountryProfile[] } };
  listStateMachines: { response: { stateMachines: StateMachine[] } };
  getRequestStatistics: { response: RequestStatistics };
  listRequestEvidence: { response: { items: EvidenceItem[] } };
  getEvidence: { response: EvidenceItem };
  getEvidenceCustody: { response: { item: EvidenceItem; events: CustodyEvent[] } };
  getEvidenceCustodyProofs: { response: CustodyProofs };
  listLedgerAlerts: { response: { alerts: LedgerAlert[] } };
  listPeers: { response: { peers: Peer[] } };
  getFederationStatus: { response: FederationStatus };
  listProviderOrders: { query: { limit?: number; offset?: number }; response: { orders: ProviderOrder[] } };
  getProviderOrder: { response: ProviderOrder };
  acknowledgeProviderOrder: { response: ProviderOrder };
  confirmPreservation: { body: In<typeof confirmPreservationBody>; response: ProviderOrder };
  objectToProviderOrder: { body: In<typeof objectBody>; response: ProviderOrder };
  startCollection: { response: ProviderOrder };
  listProviders: {
    query: { type?: string; limit?: number; offset?: number };
    response: { providers: ServiceProvider[] };
  };
  getProvider: { response: ServiceProvider };
  createProvider: { body: In<typeof providerInputSchema>; response: ServiceProvider };
  updateProvider: { body: In<typeof providerPatchSchema>; response: ServiceProvider };
  listProviderMembers: { response: Members };
  addProviderMember: { body: { userId: string }; response: Members };
  removeProviderMember: { response: undefined };
  listUsers: { response: { users: z.output<typeof userViewSchema>[] } };
  createOrderFromRequest: {
    body: In<typeof fromRequestBody>;
    response: { requestState: string; orders: DomesticOrder[] };
  };
  listOrders: { query: Partial<In<typeof listOrdersQuery>>; response: { orders: DomesticOrder[] } };
  getOrder: { response: DomesticOrder };
  listOrderEvidence: { response: { items: EvidenceItem[] } };
  getOrderTimeline: { response: { events: OrderTimelineEvent[] } };
  transitionOrder: { body: In<typeof orderTransitionBody>; response: DomesticOrder };
  recordProviderAnswer: { body: In<typeof providerAnswerBody>; response: DomesticOrder };
  amendOrder: { body: In<typeof amendOrderBody>; response: DomesticOrder };
}
