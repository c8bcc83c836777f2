/** Evidence, custody and ledger shapes the app reads: inferred from the contract's schemas. */
export type { CustodyEvent, CustodyProofs, DeliveryFailure, EvidenceItem } from '@hanoi247/contract';
