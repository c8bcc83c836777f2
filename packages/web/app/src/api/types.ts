/** The shapes the app reads from the API (see /api/v1/openapi.json); only what it uses. */

import type { DeliveryFailure } from './evidence-types.js';

export interface Bilingual {
  readonly en: string;
  readonly vi: string;
}

export interface SessionView {
  readonly user: { readonly id: string | null; readonly username: string; readonly roles: readonly string[] };
  readonly permissions: readonly string[];
  readonly csrfToken: string | null;
}

export interface SignedIn {
  readonly status: 'signed-in';
  readonly csrfToken: string;
  readonly expiresAt: string;
  readonly user: { readonly username: string; readonly displayName?: string };
}

export interface EnrolmentRequired {
  readonly status: 'totp-enrolment-required';
  readonly enrolmentToken: string;
  readonly secret: string;
  readonly otpauthUri: string;
  readonly expiresAt: string;
}

export interface QueueItem {
  readonly id: string;
  readonly reference: string;
  readonly type: string;
  readonly direction: 'outgoing' | 'incoming';
  readonly state: string;
  readonly priority: 'emergency' | 'urgent' | 'normal';
  readonly requestingState: string;
  readonly requestedState: string;
  readonly nextDueAt: string | null;
  readonly createdAt: string;
  readonly assignee?: Assignee | null;
  /** A clock of the request was breached and escalated, and is still open. */
  readonly escalated?: boolean;
}

export interface Assignee {
  readonly id: string;
  readonly displayName: string;
}

export interface AvailableAction {
  readonly action: string;
  readonly label: Bilingual;
  readonly permission: string;
}

export interface Deadline {
  readonly id: string;
  readonly ruleId: string;
  readonly status: string;
  readonly dueAt: string;
  readonly closedAt: string | null;
  readonly escalatedAt: string | null;
}

export interface RequestView {
  readonly id: string;
  readonly reference: string;
  readonly type: string;
  readonly typeTitle: Bilingual;
  readonly direction: 'outgoing' | 'incoming';
  readonly state: string;
  readonly stateLabel: Bilingual;
  readonly legalBasis: string;
  readonly requestingState: string;
  readonly requestedState: string;
  readonly language: string;
  readonly priority: 'emergency' | 'urgent' | 'normal';
  readonly emergencyJustification: string | null;
  readonly details: Readonly<Record<string, unknown>>;
  readonly parentRequestId: string | null;
  readonly createdAt: string;
  readonly version: number;
  readonly availableActions: readonly AvailableAction[];
  readonly missing: readonly { readonly path: string; readonly message: string }[];
  readonly warnings: readonly string[];
  /** The requested State's profile checked against the draft: a code, its parameters and its words. */
  readonly draftingWarnings: readonly {
    readonly code: string;
    readonly params: Readonly<Record<string, string>>;
    readonly text: Bilingual;
  }[];
  readonly conditions: readonly {
    readonly id: string;
    readonly kind: string;
    readonly text: string;
    readonly status: string;
  }[];
  readonly deadlines: readonly Deadline[];
  /** Who acts next (the viewer, a colleague in `roles`, the domestic order, the partner, nobody) and by when. */
  readonly nextStep: {
    readonly owner: 'viewer' | 'colleague' | 'order' | 'partner' | 'none';
    readonly actions: readonly { readonly action: string; readonly label: Bilingual }[];
    readonly roles: readonly string[];
    readonly dueAt: string | null;
  };
  readonly links: readonly { readonly toReference: string; readonly kind: string; readonly createdAt: string }[];
  readonly assignee?: Assignee | null;
  /** The date a provider confirmed, under a domestic order (this node's, or the partner's, mirrored). */
  readonly preservedUntil: string | null;
  /** The end of the domestic order's current period, renewals included. */
  readonly preservationOrderedUntil: string | null;
}

export interface TimelineEvent {
  readonly id: string;
  readonly kind: string;
  readonly action: string;
  readonly fromState: string | null;
  readonly toState: string | null;
  readonly responseKind: string | null;
  readonly actorName: string;
  readonly occurredAt: string;
  readonly payload: Readonly<Record<string, unknown>>;
}

export interface FieldSpec {
  readonly name: string;
  readonly label: Bilingual;
  readonly legalSource: string;
  /** Where another instrument is the source under a basis (Budapest art. 29(2) for a Budapest preservation). */
  readonly sourceFor?: Readonly<Record<string, string>>;
  readonly requiredFor: readonly string[];
}

export interface RequestType {
  readonly code: string;
  readonly title: Bilingual;
  readonly legalSource: string;
  readonly sourceFor?: Readonly<Record<string, string>>;
  readonly family: string;
  readonly allowedBases: readonly string[];
  readonly fields: readonly FieldSpec[];
  /** Per legal basis, the grounds a request of that basis may be refused or postponed on. */
  readonly refusalGrounds: Readonly<Record<string, readonly Ground[]>>;
  readonly postponementGrounds: Readonly<Record<string, readonly Ground[]>>;
}

export interface Ground {
  readonly code: string;
  readonly title: Bilingual;
  readonly legalSource: string;
  readonly forbiddenAsSoleGround: boolean;
}

export interface CountryProfile {
  readonly country: string;
  readonly name: Bilingual;
  readonly languages: readonly string[];
  readonly reservations: readonly {
    readonly code: string;
    readonly title: Bilingual;
    readonly legalSource: string;
  }[];
  readonly acceptedBases: readonly string[];
}

export interface StateMachine {
  readonly family: string;
  readonly states: readonly { readonly name: string; readonly label: Bilingual; readonly terminal: boolean }[];
  readonly transitions: readonly { readonly action: string; readonly guards: readonly string[] }[];
}

export interface Peer {
  readonly country: string;
  readonly name: string;
  readonly baseUrl: string;
  readonly status: string;
  readonly pinnedFingerprint: string;
  readonly languages: readonly string[];
  readonly roster: readonly { readonly role: string; readonly name: string }[];
  readonly reservations: readonly { readonly code: string; readonly description?: string }[];
  readonly updatedAt: string;
}

export interface FederationStatus {
  readonly queueDepth: number;
  readonly oldestPendingAt: string | null;
  readonly lastDeliveredAt: string | null;
  readonly failures: readonly DeliveryFailure[];
}
