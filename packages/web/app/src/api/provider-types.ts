import type { Bilingual } from './types.js';

/** A domestic order as its provider sees it (ProviderOrder in /api/v1/openapi.json); only what the portal reads. */
export interface ProviderOrder {
  readonly id: string;
  readonly reference: string;
  readonly type: string;
  readonly typeTitle: Bilingual;
  readonly legalSource: { readonly instrument: string; readonly article: string; readonly paragraph?: string };
  readonly state: string;
  readonly stateLabel: Bilingual;
  readonly emergency: {
    readonly justification: string;
    readonly officer: string;
    readonly callback: {
      readonly role: string;
      readonly name: string;
      readonly phone?: string;
      readonly email?: string;
    };
  } | null;
  readonly terms: {
    readonly authorisation: { readonly body: string; readonly reviewType: string; readonly decisionReference: string };
    readonly grounds: string;
    readonly scope: {
      readonly identifiers: readonly Readonly<Record<string, unknown>>[];
      readonly dataCategories: readonly string[];
      readonly dateRange: { readonly from: string; readonly to: string; readonly timeZone: string };
    };
    readonly durationDays: number | null;
    readonly authorisedPeriod: { readonly start: string; readonly end: string } | null;
    readonly nonDisclosure: { readonly required: boolean; readonly until: string | null };
  };
  readonly periods: readonly { readonly n: number; readonly start: string; readonly end: string }[];
  readonly preservedUntil: string | null;
  readonly preservedWhat: string | null;
  readonly objection: { readonly reasonCode: string; readonly note: string; readonly at: string } | null;
  readonly servedAt: string | null;
  readonly revision: number;
  readonly deadlines: readonly {
    readonly ruleId: string;
    readonly status: string;
    readonly dueAt: string;
    readonly closedAt: string | null;
    readonly escalatedAt: string | null;
  }[];
  readonly availableActions: readonly { readonly action: string; readonly label: Bilingual }[];
  readonly updatedAt: string;
  /** The largest production file this node accepts, in bytes. */
  readonly maxProductionBytes: number;
}

/** The five grounds a provider may object on (core's providerObjectionCodes). */
export const objectionCodes = [
  'INCOMPLETE_OR_ERROR',
  'DATA_NOT_HELD',
  'NOT_ADDRESSEE',
  'TECHNICAL_IMPOSSIBILITY',
  'CONFLICTING_THIRD_COUNTRY_LAW',
] as const;
export type ObjectionCode = (typeof objectionCodes)[number];

export const dataCategories = ['subscriber', 'traffic', 'content', 'other'] as const;
export type DataCategory = (typeof dataCategories)[number];
