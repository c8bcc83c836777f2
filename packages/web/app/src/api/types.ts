/** The shapes the app reads from the API: inferred from the contract's schemas, never written by hand. */
export type {
  AvailableAction,
  Bilingual,
  CountryProfile,
  EnrolmentRequired,
  FieldSpec,
  Ground,
  Peer,
  QueueItem,
  RequestType,
  RequestView,
  SessionView,
  SignedIn,
} from '@hanoi247/contract';
