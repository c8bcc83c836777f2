export { buildApp, redactedLogPaths, type App, type BuildAppOptions } from './app.js';
export { openNode, type NodeRuntime, type NodeServices } from './node-runtime.js';
export { loadConfig, loadStorageConfig, environmentVariables, type ConfigSources } from './config/load-config.js';
export { configSchema, configDefaults, type Config, type StorageConfig } from './config/config.schema.js';
export { openDatabase, sqliteFile, type DatabaseHandle } from './db/open-database.js';
export { migrateToLatest, type MigrationReport } from './db/migrate.js';
export type { Db, Dialect, DatabaseSchema } from './db/database-schema.js';
export { loadKeyring, type NodeKeyring, type KeyGeneration } from './identity/node-keyring.js';
export { totpCodeAt } from './auth/totp.js';
export { hashSecret } from './auth/secret-token.js';
export type { CallContext } from './services/service-runtime.js';
export type { UserView, NewUser } from './services/user.service.js';
export { seedDemoAccounts, type DemoAccount, type SeededDemoAccount } from './services/demo-seed.service.js';
export { userRepository } from './repositories/user.repository.js';
export { sessionRepository } from './repositories/session.repository.js';
export { apiTokenRepository } from './repositories/api-token.repository.js';
export { auditRepository, type StoredAuditEntry } from './repositories/audit.repository.js';
export { ownDescriptor, type OwnIdentity } from './federation/own-descriptor.js';
export {
  httpTransport,
  envelopeContentType,
  type Transport,
  type TransportResponse,
} from './federation/http-transport.js';
export { outboxRepository } from './repositories/outbox.repository.js';
export { inboxRepository } from './repositories/inbox.repository.js';
export { requestRepository } from './repositories/request.repository.js';
export { requestEventRepository } from './repositories/request-event.repository.js';
export { exportBundle, type BundleExportInput, type BundleExportResult } from './bundle/bundle-exporter.js';
export { writeBundle, type BundleWritePlan, type WrittenBundle } from './bundle/bundle-writer.js';
export type {
  BundleExportPorts,
  DeliveredMessage,
  DescriptorSource,
  EvidenceSource,
  ExportableItem,
  ForeignCustodySource,
  LedgerProofSource,
  OnwardTransferAuthorisations,
  ReceiptSource,
  RequestSource,
} from './bundle/bundle-ports.js';
export type { StoredCustodyEvent } from './repositories/custody-event.repository.js';
export { ledgerPendingRepository, type PendingLeaf } from './repositories/ledger-pending.repository.js';
export { verifyLedger, type LedgerVerification } from './ledger/ledger-verifier.js';
export type { LedgerSequencer, SequenceResult } from './ledger/sequencer.js';
export type {
  LedgerService,
  CheckpointView,
  InclusionProofView,
  ConsistencyProofView,
} from './ledger/ledger.service.js';
export {
  ingestChunkBytes,
  type ContentSource,
  type ContentStore,
  type StagedContent,
} from './evidence/content-store.js';
export { fsContentStore } from './evidence/fs-content-store.js';
export type { EvidenceService } from './services/evidence.service.js';
export type { UploadService, UploadView } from './services/evidence-upload.service.js';
export type { EvidenceView, EvidenceInput, CustodyEventView } from './services/evidence-view.js';
export { evidenceRepository, type EvidenceRecord } from './repositories/evidence.repository.js';
