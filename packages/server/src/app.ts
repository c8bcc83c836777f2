import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import type { Clock } from '@hanoi247/core';
import Fastify, { type FastifyInstance } from 'fastify';
import { Registry } from 'prom-client';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { DestinationStream } from 'pino';
import type { Config } from './config/config.schema.js';
import { publicScope, registerApiDocs, registerRouteContract } from './http/api-docs.js';
import { registerAuthentication } from './http/authentication.js';
import { registerErrorHandling } from './http/error-handler.js';
import { registerJsonBodyParser } from './http/json-body-parser.js';
import { registerApplicationMetrics } from './http/application-metrics.js';
import {
  registerFederationMetrics,
  registerJobMetrics,
  registerMetrics,
  registerNodeMetrics,
  registerRejectionMetrics,
} from './http/metrics.js';
import { edgeAnswers } from './http/edge-answers.js';
import { registerSecurityHeaders, securityHeaders } from './http/security-headers.js';
import { auditRoutes } from './http/routes/audit.routes.js';
import { authRoutes } from './http/routes/auth.routes.js';
import { healthRoutes } from './http/routes/health.routes.js';
import { nodeRoutes } from './http/routes/node.routes.js';
import { tokenRoutes } from './http/routes/tokens.routes.js';
import { userRoutes } from './http/routes/users.routes.js';
import { caseRoutes } from './http/routes/cases.routes.js';
import { referenceRoutes } from './http/routes/reference.routes.js';
import { statisticsRoutes } from './http/routes/statistics.routes.js';
import { requestRoutes } from './http/routes/requests.routes.js';
import { eventRoutes } from './http/routes/events.routes.js';
import { nodeChangeFeed } from './live/node-change-feed.js';
import { createLiveEventsService } from './services/live-events.service.js';
import { evidenceRoutes } from './http/routes/evidence.routes.js';
import { evidenceProofRoutes } from './http/routes/evidence-proofs.routes.js';
import { evidenceUploadRoutes } from './http/routes/evidence-uploads.routes.js';
import { startUploadExpiryJob } from './jobs/evidence-uploads.job.js';
import { startDeadlineScanJob } from './jobs/deadline-scan.job.js';
import { startLedgerSequencerJob } from './jobs/ledger-sequencer.job.js';
import { ledgerRoutes } from './http/routes/ledger.routes.js';
import { evidenceExchangeRoutes } from './http/routes/evidence-exchange.routes.js';
import { startFederationJob } from './jobs/federation.job.js';
import { startDurableJobs } from './jobs/durable-jobs.job.js';
import type { Transport } from './federation/http-transport.js';
import type { OwnIdentity } from './federation/own-descriptor.js';
import { federationRoutes } from './http/routes/federation.routes.js';
import { ownDescriptor } from './federation/own-descriptor.js';
import { orderRoutes } from './http/routes/orders.routes.js';
import { providerOrderRoutes } from './http/routes/provider-orders.routes.js';
import { productionUploadRoutes } from './http/routes/provider-production-uploads.routes.js';
import { providerRoutes } from './http/routes/providers.routes.js';
import { fraudClusterRoutes } from './http/routes/fraud-clusters.routes.js';
import { citizenReportRoutes } from './http/routes/citizen-reports.routes.js';
import { fraudRoutes } from './http/routes/fraud.routes.js';
import { startOrderScanJob } from './jobs/order-scan.job.js';
import { requestIds, uuidV7Ids } from './identity/ids.js';
import { createRequestDocumentService } from './services/request-document.service.js';
import { openNode, type NodeRuntime } from './node-runtime.js';

export interface BuildAppOptions {
  readonly clock?: Clock;
  /** How envelopes reach partners (tests put a fault proxy here). */
  readonly transport?: Transport;
  /** Where JSON logs go; standard output when absent. */
  readonly logStream?: DestinationStream;
  /** Called at start while the node has no user: print it for the operator, never log it. */
  readonly onBootstrapToken?: (token: string, expiresAt: string) => void;
  readonly version?: string;
  /** How often the live change feed reads request_events; tests set it high to prove the after-commit nudge. */
  readonly liveFeedIntervalMs?: number;
}

export type App = FastifyInstance & { readonly node: NodeRuntime };

/** Never log credentials, whatever a future log line includes. */
export const redactedLogPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  '*.totpCode',
  '*.secret',
  '*.sessionToken',
  '*.enrolmentToken',
  '*.csrfToken',
];

export async function buildApp(config: Config, options: BuildAppOptions = {}): Promise<App> {
  const version = options.version ?? '0.0.0';
  const headers = securityHeaders();
  const edges = edgeAnswers({ headers, maxHeaderBytes: config.http.maxHeaderBytes, requestIds });
  const app = Fastify({
    ...edges.serverOptions,
    logger: {
      level: config.log.level,
      redact: { paths: redactedLogPaths, censor: '[redacted]' },
      ...(options.logStream === undefined ? {} : { stream: options.logStream }),
    },
    genReqId: () => requestIds(),
    requestIdHeader: false,
    bodyLimit: config.http.bodyLimitBytes,
    trustProxy: config.http.trustProxy,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
  }).withTypeProvider<ZodTypeProvider>();
  // One registry per app, made before the node so its services count into it; one logger, the server's.
  const registry = new Registry();
  const node = await openNode(config, {
    onConnectionError: (error) =>
      app.log.warn({ err: error }, 'an idle database connection was lost; the pool opens a new one'),
    telemetry: { log: app.log, metrics: registerNodeMetrics(registry) },
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.transport === undefined ? {} : { transport: options.transport }),
  });
  app.addHook('onClose', async () => node.close());
  app.decorate('node', node);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Only JSON bodies are accepted: text/plain would let a cross-site form post skip CORS preflight.
  app.removeContentTypeParser('text/plain');
  registerJsonBodyParser(app);
  registerSecurityHeaders(app, headers);
  // The request id, then the refusals that need no route, after the security headers so they carry them.
  edges.register(app);

  registerErrorHandling(app);
  const metrics = registerMetrics(app, registry);
  edges.countRejections(registerRejectionMetrics(metrics));
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  const cookiePolicy = {
    secure: config.session.secureCookie,
    absoluteTimeoutSeconds: config.session.absoluteTimeoutSeconds,
  };
  registerAuthentication(app, node.services.auth, cookiePolicy);
  registerRouteContract(app);
  await registerApiDocs(app, version);

  const { services } = node;
  const keyring = await services.identity.ensureKeys({ principal: null, requestId: null });
  await app.register(healthRoutes({ db: node.database.db, metrics }));
  await app.register(
    authRoutes({ auth: services.auth, bootstrap: services.bootstrap, cookiePolicy, login: config.login }),
  );
  await app.register(userRoutes(services.users));
  await app.register(tokenRoutes(services.tokens));
  await app.register(auditRoutes(services.audit));
  await app.register(
    nodeRoutes({
      country: config.node.country,
      name: config.node.name,
      version,
      keyring: () => keyring,
      defaultLanguage: config.web.defaultLanguage,
    }),
  );
  await app.register(caseRoutes(services.cases));
  const documents = createRequestDocumentService({
    db: node.database.db,
    clock: node.clock,
    ids: uuidV7Ids,
    keyring: () => keyring,
  });
  await app.register(requestRoutes({ requests: services.requests, transitions: services.transitions, documents }));
  await app.register(referenceRoutes(services.requests, { bilateralGrounds: config.legal.bilateralGrounds }));
  // One reader of request_events shared by every open live stream (GET /api/v1/events).
  const feed = nodeChangeFeed(
    node.database.db,
    (error) => app.log.warn({ err: error }, 'the live change feed could not read request events'),
    options.liveFeedIntervalMs,
  );
  // A commit in this process is read at once; the interval is for other processes (CLI, a second server).
  const stopNudging = node.commits.on('requests', () => feed.nudge());
  app.addHook('onClose', async () => stopNudging());
  const live = createLiveEventsService({ db: node.database.db, clock: node.clock, ids: uuidV7Ids });
  await app.register(eventRoutes({ live, feed, secureCookie: config.session.secureCookie }));
  await app.register(statisticsRoutes(services.statistics));
  await app.register(evidenceRoutes(services.evidence));
  await app.register(
    evidenceUploadRoutes({ uploads: services.evidenceUploads, maxUploadBytes: config.evidence.maxUploadBytes }),
  );
  startUploadExpiryJob(app, services.evidenceUploads, services.evidenceCustody);
  startDeadlineScanJob(app, services.deadlineScanner, config.deadlines.scanIntervalSeconds);
  await app.register(ledgerRoutes(services.ledger));
  await app.register(evidenceProofRoutes({ evidence: services.evidence, ledger: services.ledger }));
  await app.register(
    evidenceExchangeRoutes({
      offers: services.evidenceOffers,
      content: services.evidenceContent,
      onwardTransfer: services.onwardTransfer,
      partnerCheckpoints: services.partnerCheckpoints,
      bundles: services.bundles,
      custody: services.evidenceCustody,
    }),
  );
  startLedgerSequencerJob(app, services.ledgerSequencer, config.ledger.sequenceIntervalMs);
  // Our address as partners reach it: the public URL, or where we listen once we know the port.
  const identity: OwnIdentity = {
    country: config.node.country,
    name: config.node.name,
    baseUrl: config.http.publicUrl ?? `http://${config.http.host}:${config.http.port}`,
    acceptsInbound: config.federation.acceptsInbound,
    roster: config.node.roster,
  };
  app.addHook('onListen', async () => {
    const address = app.server.address();
    if (config.http.publicUrl === null && address !== null && typeof address === 'object') {
      const host = address.address === '0.0.0.0' || address.address === '::' ? '127.0.0.1' : address.address;
      identity.baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
    }
  });
  await app.register(
    federationRoutes({
      identity: () => identity,
      keyring: () => keyring,
      now: () => node.clock.now(),
      inbox: services.inbox,
      peers: services.peers,
      status: services.federationStatus,
      pull: services.pull,
    }),
  );
  // Providers and domestic orders: every signed order travels with this node's descriptor.
  const orderDescriptor = () => ownDescriptor(identity, keyring, node.clock.now().toISOString());
  // The registry, then the fraud reports its banks, e-wallets and telecoms send.
  await app
    .register(providerRoutes(services.providers))
    .register(fraudRoutes(services.fraud))
    .register(fraudClusterRoutes(services.fraud.clusters))
    .register(citizenReportRoutes({ citizens: services.fraud.citizens, perHour: config.fraud.citizenReportsPerHour }));
  await app.register(
    orderRoutes({
      orders: services.orders,
      fromRequests: services.ordersFromRequests,
      answers: services.providerAnswers,
      descriptor: orderDescriptor,
    }),
  );
  await app.register(providerOrderRoutes({ providerOrders: services.providerOrders, descriptor: orderDescriptor }));
  await app.register(productionUploadRoutes({ uploads: services.evidenceUploads }));
  startOrderScanJob(app, services.orderScanner, config.deadlines.scanIntervalSeconds);
  node.outboxSignal.delivered = registerFederationMetrics(metrics, services.federationStatus);
  registerApplicationMetrics(metrics, services.monitoring);
  startFederationJob(
    app,
    services,
    node.commits,
    config.federation.dispatchIntervalMs,
    !config.federation.acceptsInbound,
  );
  registerJobMetrics(metrics, services.jobs);
  startDurableJobs(app, services.jobs, node.commits, config.jobs.intervalMs);
  if (config.web.root !== null) {
    const root = config.web.root;
    await app.register(async (web) => {
      await publicScope(web);
      await web.register(fastifyStatic, { root, prefix: '/', index: ['index.html'] });
    });
  }

  const bootstrap = await services.bootstrap.issueTokenIfUnclaimed();
  if (bootstrap !== null) options.onBootstrapToken?.(bootstrap.token, bootstrap.expiresAt);
  return app as unknown as App;
}
