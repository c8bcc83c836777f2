/** Domestic orders and the provider registry as officers see them: inferred from the contract's schemas. */
export type { DomesticOrder, OrderTimelineEvent } from '@hanoi247/contract';
