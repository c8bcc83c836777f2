import { systemClock, utcZone, type Clock } from '@hanoi247/core';
import { argon2idHasher } from './auth/password-hasher.js';
import type { RosterEntry, StorageConfig } from './config/config.schema.js';
import { migrateToLatest, type MigrationReport } from './db/migrate.js';
import { openDatabase, type DatabaseHandle } from './db/open-database.js';
import { uuidV7Ids, type IdGenerator } from './identity/ids.js';
import { createApiTokenService } from './services/api-token.service.js';
import { createAuditQueryService } from './services/audit-query.service.js';
import { createStatisticsService } from './services/statistics.service.js';
import { createAuthService, type CachedSession } from './services/auth.service.js';
import { createBootstrapService } from './services/bootstrap.service.js';
import { createNodeIdentityService } from './services/node-identity.service.js';
import { createCommitHook, type CommitHook } from './services/commit-hook.js';
import type { ServiceRuntime } from './services/service-runtime.js';
import { createSessionCache } from './services/session-cache.js';
import { createUserService } from './services/user.service.js';
import { createTotpSecrets } from './services/totp-secrets.js';
import { createCitizenReportKeys } from './services/citizen-report-keys.js';
import { createCitizenReportService } from './services/citizen-report.service.js';
import { sealLegacyTotpSecrets } from './services/totp-secret-sealing.service.js';
import { DomainError } from '@hanoi247/core';
import { createOutboundHttp, type Transport } from './federation/http-transport.js';
import { loadKeyring, type NodeKeyring } from './identity/node-keyring.js';
import { createDispatcher } from './services/dispatcher.service.js';
import { createFederationStatus } from './services/federation-status.service.js';
import { createInbox } from './services/inbox.service.js';
import { createOutbox } from './services/outbox.service.js';
import { createPeerService } from './services/peer.service.js';
import { createPullService } from './services/pull.service.js';
import { createCaseService } from './services/case.service.js';
import { createDeadlineScanner } from './services/deadline-scanner.service.js';
import { createRequestService } from './services/request.service.js';
import { createRequestTransitionService } from './services/request-transition.service.js';
import type { Dialect } from './db/database-schema.js';
import { keyringCheckpointSigner } from './ledger/checkpoint-signer.js';
import { createLedgerService } from './ledger/ledger.service.js';
import { createLedgerSequencer } from './ledger/sequencer.js';
import { join } from 'node:path';
import { fsContentStore } from './evidence/fs-content-store.js';
import { storageKeyProvider } from './evidence/storage-key.js';
import { createEvidenceService } from './services/evidence.service.js';
import { createUploadService } from './services/evidence-upload.service.js';
import { buildOrderServices } from './services/order-services.js';
import { buildEvidenceExchange } from './services/evidence-exchange.js';
import { createMonitoring } from './services/monitoring.service.js';
import { createJobRunner } from './services/job-runner.service.js';
import { createProductionOffers } from './services/production-offer.service.js';
import { createFraudClusterService } from './services/fraud-cluster.service.js';
import { createFraudReadService } from './services/fraud-read.service.js';
import { createFraudReportService } from './services/fraud-report.service.js';
import { quietTelemetry, type Telemetry } from './telemetry.js';

export interface NodeRuntimeOptions {
  readonly clock?: Clock;
  readonly ids?: IdGenerator;
  /** How envelopes reach partners; tests inject a fault proxy. */
  readonly transport?: Transport;
  readonly random?: () => number;
  /** Where a lost idle database connection is reported (the server logs it). */
  readonly onConnectionError?: (error: Error) => void;
  /** The server's logger and metrics; maintenance commands run no background path and go without. */
  readonly telemetry?: Telemetry;
}

/** Set by the HTTP layer to feed the delivery-latency histogram. */
export interface OutboxSignal {
  delivered: (seconds: number) => void;
}

type NodeConfig = StorageConfig & {
  readonly node?: {
    readonly country: string;
    readonly name?: string;
    readonly roster?: readonly RosterEntry[];
    /** The zone whose calendar counts legal days (ADR 0011); UTC when absent. */
    readonly timeZone?: string;
  };
};

function buildServices(
  config: NodeConfig,
  runtime: ServiceRuntime & { readonly commits: CommitHook },
  options: NodeRuntimeOptions,
  signal: OutboxSignal,
  dialect: Dialect,
) {
  // Queued messages, offers to fetch and durable jobs: their runners start at once (request changes as well, for the
  // live streams).
  const wake = () => runtime.commits.committed('federation', 'requests', 'jobs');
  const telemetry = options.telemetry ?? quietTelemetry();
  const hasher = argon2idHasher(config.passwordHashing);
  // One cache per process, shared by the service that reads sessions and those that end them.
  const sessionCache = createSessionCache<CachedSession>(runtime.clock);
  // One key file for evidence and TOTP secrets (the TOTP key is derived from it, auth/totp-secret-box.ts).
  const storageKeys = storageKeyProvider(config.dataDir);
  const totpSecrets = createTotpSecrets({ db: runtime.db, keys: storageKeys });
  const users = createUserService({ ...runtime, hasher, sessions: sessionCache });
  // Every legal day the node counts (request and order clocks, order periods, statistics weeks) is a calendar day of
  // this zone.
  const timeZone = config.node?.timeZone ?? utcZone;
  const deadlineSettings = { ...config.deadlines, timeZone };
  const ownCountry = () => config.node?.country ?? null;
  let cachedKeyring: NodeKeyring | null = null;
  const keyring = (): NodeKeyring => {
    cachedKeyring ??= loadKeyring(config.dataDir);
    if (cachedKeyring === null) {
      throw new DomainError('bug/invariant-violated', 'the node keys have not been generated yet');
    }
    return cachedKeyring;
  };
  const federation = config.federation;
  const outbox = createOutbox({ ...runtime, ownCountry, keyring, messageTtlHours: federation.messageTtlHours });
  const transitions = createRequestTransitionService({
    ...runtime,
    deadlineSettings,
    outbox,
    grounds: { bilateralGrounds: config.legal.bilateralGrounds },
  });
  const requests = createRequestService({ ...runtime, deadlineSettings, nodeCountry: ownCountry() });
  // The one way out to partners: timeouts, bounded retries of idempotent reads, metrics by partner and operation.
  const outbound = createOutboundHttp({
    metrics: telemetry.metrics,
    ...(options.transport === undefined ? {} : { transport: options.transport }),
  });
  const inbox = createInbox({
    ...runtime,
    ownCountry,
    keyring,
    dataDir: config.dataDir,
    keyOverlapDays: federation.keyOverlapDays,
    requests,
    transitions,
    onEvidenceOffered: () => runtime.commits.committed('federation'),
    telemetry,
  });
  const dispatcher = createDispatcher({
    ...runtime,
    outbound,
    maxAttempts: federation.maxAttempts,
    retryBaseSeconds: federation.retryBaseSeconds,
    retryMaxSeconds: federation.retryMaxSeconds,
    keyOverlapDays: federation.keyOverlapDays,
    leaseSeconds: federation.sendLeaseSeconds,
    onDelivered: (seconds) => signal.delivered(seconds),
    ...(options.random === undefined ? {} : { random: options.random }),
  });
  // Evidence lives under the data dir; the store interface lets an object store replace it.
  const evidenceCountry = ownCountry();
  const evidenceStore = fsContentStore(join(config.dataDir, 'evidence'));
  const evidence = createEvidenceService({
    ...runtime,
    store: evidenceStore,
    keys: storageKeys,
    system:
      evidenceCountry === null
        ? null
        : { country: evidenceCountry, node: config.node?.name ?? `${evidenceCountry} node` },
    settings: config.evidence,
  });
  const ledger = createLedgerService(runtime);
  const ledgerSequencer = createLedgerSequencer({
    ...runtime,
    dialect,
    batchSize: config.ledger.batchSize,
    signer: keyringCheckpointSigner(ownCountry, keyring),
  });
  const exchange = buildEvidenceExchange({
    runtime,
    ownCountry,
    nodeName: config.node?.name ?? `${evidenceCountry ?? '??'} node`,
    roster: config.node?.roster ?? [],
    baseUrl: config.http.publicUrl ?? `http://${config.http.host}:${config.http.port}`,
    keyring,
    evidence,
    store: evidenceStore,
    ledger,
    sequencer: ledgerSequencer,
    outbox,
    federation: {
      keyOverlapDays: federation.keyOverlapDays,
      maxAttempts: federation.maxAttempts,
      retryBaseSeconds: federation.retryBaseSeconds,
      retryMaxSeconds: federation.retryMaxSeconds,
    },
    wake,
    outbound,
    telemetry,
  });
  // Production confirmed complete goes to the requesting State as an evidence offer, through a durable job.
  const productionOffers = createProductionOffers({ ...runtime, offers: exchange.evidenceOffers });
  // Providers and domestic orders; `offerEvidence` is the seam for sending production abroad.
  const orderServices = buildOrderServices({
    runtime,
    node:
      evidenceCountry === null
        ? null
        : {
            country: evidenceCountry,
            name: config.node?.name ?? `${evidenceCountry} node`,
            roster: config.node?.roster ?? [],
          },
    // A production is also an evidence item: the smaller limit is the one providers must meet (and are shown).
    settings: {
      ...config.orders,
      timeZone,
      maxProductionBytes: Math.min(config.orders.maxProductionBytes, config.evidence.maxUploadBytes),
    },
    keyring,
    requestTransitions: transitions,
    evidence,
    wake,
    offerEvidence: productionOffers.queue,
  });
  return {
    ...exchange,
    evidence,
    evidenceUploads: createUploadService({
      ...runtime,
      store: evidenceStore,
      evidence,
      settings: config.evidence,
      production: orderServices.providerOrders.production,
    }),
    cases: createCaseService(runtime),
    requests,
    transitions,
    peers: createPeerService({ ...runtime, ownCountry }),
    inbox,
    dispatcher,
    pull: createPullService({
      ...runtime,
      ownCountry,
      keyring,
      keyOverlapDays: federation.keyOverlapDays,
      outbound,
      inbox,
      dispatcher,
      telemetry,
    }),
    // Effects promised by a commit (ADR 0009); each kind's handler shows its own final failure.
    jobs: createJobRunner({
      ...runtime,
      handlers: { 'production-offer': productionOffers.handler },
      settings: config.jobs,
      telemetry,
      ...(options.random === undefined ? {} : { random: options.random }),
    }),
    federationStatus: createFederationStatus(runtime),
    monitoring: createMonitoring(runtime),
    deadlineScanner: createDeadlineScanner(runtime, transitions),
    users,
    auth: createAuthService({ ...runtime, hasher, sessionPolicy: config.session, sessionCache, totpSecrets }),
    totpSecrets,
    bootstrap: createBootstrapService(runtime, users),
    tokens: createApiTokenService(runtime),
    audit: createAuditQueryService(runtime),
    statistics: createStatisticsService({ ...runtime, timeZone }),
    identity: createNodeIdentityService({ ...runtime, dataDir: config.dataDir }),
    // The custody ledger: its read side, and the one writer (tests and the CLI call sequence() directly).
    ledger,
    ledgerSequencer,
    ...orderServices,
    // Online fraud (issue 14): institutions' reports, the desk's reads of reports and indicators, clusters.
    fraud: {
      reports: createFraudReportService(runtime),
      reads: createFraudReadService(runtime),
      clusters: createFraudClusterService(runtime),
      citizens: createCitizenReportService({
        ...runtime,
        keys: createCitizenReportKeys(runtime.db, storageKeys, config.fraud.proofOfWorkBits),
        country: ownCountry(),
      }),
    },
  };
}

export type NodeServices = ReturnType<typeof buildServices>;

export interface NodeRuntime {
  readonly config: StorageConfig;
  readonly database: DatabaseHandle;
  readonly clock: Clock;
  readonly migrations: MigrationReport;
  readonly services: NodeServices;
  readonly outboxSignal: OutboxSignal;
  /** After-commit announcements of this process: the federation job and the live feed listen. */
  readonly commits: CommitHook;
  /** Where background paths log and count what went wrong. */
  readonly telemetry: Telemetry;
  close(): Promise<void>;
}

/**
 * Opens storage, brings the schema up to date and wires the services: the part of the
 * composition root that the CLI shares with the HTTP server.
 */
export async function openNode(config: NodeConfig, options: NodeRuntimeOptions = {}): Promise<NodeRuntime> {
  const database = openDatabase(config, options.onConnectionError);
  let migrations: MigrationReport;
  try {
    migrations = await migrateToLatest(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  const clock = options.clock ?? systemClock;
  const commits = createCommitHook();
  const runtime = { db: database.db, clock, ids: options.ids ?? uuidV7Ids, commits };
  const outboxSignal: OutboxSignal = { delivered: () => undefined };
  const telemetry = options.telemetry ?? quietTelemetry();
  const services = buildServices(config, runtime, { ...options, telemetry }, outboxSignal, database.dialect);
  try {
    // Databases of earlier versions hold TOTP secrets in the clear; no process may leave them so.
    await sealLegacyTotpSecrets(runtime, services.totpSecrets);
  } catch (error) {
    await database.close();
    throw error;
  }
  return {
    config,
    database,
    clock,
    migrations,
    services,
    outboxSignal,
    commits,
    telemetry,
    close: () => database.close(),
  };
}
