/**
 * The types of what the API answers, inferred from the schemas the server serializes with, so a
 * client's view of a shape cannot drift from the server's. Reference catalogues are core's own.
 */
import type { countryProfileCatalogue, requestTypeCatalogue, stateMachineCatalogue } from '@hanoi247/core';
import type { z } from 'zod';
import type { enrolmentRequiredSchema, sessionSchema, signedInSchema } from './auth.js';
import type {
  custodyEventSchema,
  custodyProofsSchema,
  evidenceViewSchema,
  ledgerAlertSchema,
  uploadViewSchema,
} from './evidence.js';
import type { deliveryFailureSchema, federationStatusSchema, peerViewSchema } from './federation.js';
import type { officerOrderViewSchema, orderTimelineSchema, providerOrderViewSchema } from './orders.js';
import type { providerViewSchema } from './providers.js';
import type { queueItemSchema, requestViewSchema, timelineSchema } from './requests.js';
import type { durationsSchema, requestStatisticsSchema, timingGroupSchema } from './statistics.js';

export type SessionView = z.infer<typeof sessionSchema>;
export type SignedIn = z.infer<typeof signedInSchema>;
export type EnrolmentRequired = z.infer<typeof enrolmentRequiredSchema>;

export type RequestView = z.infer<typeof requestViewSchema>;
export type Bilingual = RequestView['typeTitle'];
export type AvailableAction = RequestView['availableActions'][number];
export type Deadline = RequestView['deadlines'][number];
export type Assignee = NonNullable<RequestView['assignee']>;
export type QueueItem = z.infer<typeof queueItemSchema>;
export type TimelineEvent = z.infer<typeof timelineSchema>['events'][number];

export type RequestType = ReturnType<typeof requestTypeCatalogue>[number];
export type FieldSpec = RequestType['fields'][number];
export type Ground = RequestType['refusalGrounds'][string][number];
export type CountryProfile = ReturnType<typeof countryProfileCatalogue>[number];
export type StateMachine = ReturnType<typeof stateMachineCatalogue>[number];

export type EvidenceItem = z.infer<typeof evidenceViewSchema>;
export type EvidenceUpload = z.infer<typeof uploadViewSchema>;
export type CustodyEvent = z.infer<typeof custodyEventSchema>;
export type CustodyProofs = z.infer<typeof custodyProofsSchema>;
export type LedgerAlert = z.infer<typeof ledgerAlertSchema>;

export type Peer = z.infer<typeof peerViewSchema>;
export type DeliveryFailure = z.infer<typeof deliveryFailureSchema>;
export type FederationStatus = z.infer<typeof federationStatusSchema>;

export type ProviderOrder = z.infer<typeof providerOrderViewSchema>;
export type DomesticOrder = z.infer<typeof officerOrderViewSchema>;
export type OrderTimelineEvent = z.infer<typeof orderTimelineSchema>['events'][number];
export type ServiceProvider = z.infer<typeof providerViewSchema>;

export type Durations = z.infer<typeof durationsSchema>;
export type TimingGroup = z.infer<typeof timingGroupSchema>;
export type RequestStatistics = z.infer<typeof requestStatisticsSchema>;
export type DeadlineAtRisk = RequestStatistics['deadlinesAtRisk'][number];
