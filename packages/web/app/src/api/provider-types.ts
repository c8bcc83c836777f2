/** A domestic order as its provider sees it: inferred from the contract's schema. */
export type { ProviderOrder } from '@hanoi247/contract';

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
