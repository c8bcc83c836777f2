import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, collectDefaultMetrics, type Registry } from 'prom-client';
import { jobKinds } from '../services/job-runner.service.js';
import type { NodeMetrics } from '../telemetry.js';

/** A registry per app, so several nodes can run in one process (tests, the demo network). */
export interface FederationMetricsSource {
  queueDepth(): Promise<Record<string, number>>;
}

/** Outbox depth by status (read at scrape time) and delivery latency (fed by the dispatcher). */
export function registerFederationMetrics(
  registry: Registry,
  source: FederationMetricsSource,
): (seconds: number) => void {
  new Gauge({
    name: 'hanoi247_federation_outbox_messages',
    help: 'Outbox messages by delivery status',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      const counts = await source.queueDepth();
      this.reset();
      for (const status of ['pending', 'delivered', 'failed', 'undeliverable']) {
        this.set({ status }, counts[status] ?? 0);
      }
    },
  });
  const latency = new Histogram({
    name: 'hanoi247_federation_delivery_seconds',
    help: 'Time from queueing a message to its verified receipt',
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15, 60, 300, 1800],
    registers: [registry],
  });
  return (seconds) => latency.observe(seconds);
}

/**
 * prom-client's defaults include gauges named `*_total` (active handles, requests, resources),
 * which Prometheus' naming rules (`promtool check metrics`) refuse: `_total` marks a counter.
 * Each has a twin without the suffix, labelled by type, whose sum is the same figure.
 */
function dropMisnamedGauges(registry: Registry): void {
  for (const metric of registry.getMetricsAsArray()) {
    const isCounter = (metric as unknown) instanceof Counter;
    if (!isCounter && metric.name.endsWith('_total')) registry.removeSingleMetric(metric.name);
  }
}

/** Requests answered before routing (edge-answers.ts), which the per-route counter never sees. */
export function registerRejectionMetrics(registry: Registry): (code: string) => void {
  const rejected = new Counter({
    name: 'hanoi247_http_rejected_requests_total',
    help: 'Requests answered before any route ran (not HTTP, headers too large, bad URL encoding), by problem code',
    labelNames: ['code'] as const,
    registers: [registry],
  });
  return (code) => rejected.inc({ code });
}

/**
 * What services report (telemetry.ts): outbound HTTP by partner and operation, errors on
 * background paths that did not stop the run, and how durable job runs end.
 */
export function registerNodeMetrics(registry: Registry): NodeMetrics {
  const outbound = new Counter({
    name: 'hanoi247_outbound_requests_total',
    help: 'HTTP requests to partner nodes by partner, operation and outcome (ok, http-error, network-error, timeout)',
    labelNames: ['partner', 'operation', 'outcome'] as const,
    registers: [registry],
  });
  const outboundFailures = new Counter({
    name: 'hanoi247_outbound_failures_total',
    help: 'HTTP requests to partner nodes that failed, by partner, operation and outcome',
    labelNames: ['partner', 'operation', 'outcome'] as const,
    registers: [registry],
  });
  const outboundSeconds = new Histogram({
    name: 'hanoi247_outbound_request_duration_seconds',
    help: 'Time to a partner node\u2019s answer (headers, for a content stream) by partner and operation',
    labelNames: ['partner', 'operation'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15, 30],
    registers: [registry],
  });
  const background = new Counter({
    name: 'hanoi247_background_errors_total',
    help: 'Errors on background paths (pull, inbox retries, evidence fetch, jobs) that were logged and carried on',
    labelNames: ['component', 'reason'] as const,
    registers: [registry],
  });
  const jobRuns = new Counter({
    name: 'hanoi247_job_runs_total',
    help: 'Durable job runs by kind and outcome (done, retry, failed)',
    labelNames: ['kind', 'outcome'] as const,
    registers: [registry],
  });
  return {
    outbound(partner, operation, outcome, seconds) {
      outbound.inc({ partner, operation, outcome });
      if (outcome !== 'ok') outboundFailures.inc({ partner, operation, outcome });
      outboundSeconds.observe({ partner, operation }, seconds);
    },
    backgroundError: (component, reason) => background.inc({ component, reason }),
    jobRun: (kind, outcome) => jobRuns.inc({ kind, outcome }),
  };
}

export interface JobMetricsSource {
  counts(): Promise<readonly { kind: string; state: string; count: number }[]>;
}

/** Durable jobs by kind and state, read at scrape time: a growing `failed` or `pending` is the alarm. */
export function registerJobMetrics(registry: Registry, source: JobMetricsSource): void {
  new Gauge({
    name: 'hanoi247_jobs',
    help: 'Durable jobs by kind and state (pending, done, failed)',
    labelNames: ['kind', 'state'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      // Every known kind in every state, zeros included: an alert compares a series, it cannot compare a gap.
      for (const kind of jobKinds) for (const state of ['pending', 'done', 'failed']) this.set({ kind, state }, 0);
      for (const { kind, state, count } of await source.counts()) this.set({ kind, state }, count);
    },
  });
}

export function registerMetrics(app: FastifyInstance, registry: Registry): Registry {
  collectDefaultMetrics({ register: registry, prefix: 'hanoi247_' });
  dropMisnamedGauges(registry);
  const requests = new Counter({
    name: 'hanoi247_http_requests_total',
    help: 'HTTP requests by route, method and status',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'hanoi247_http_request_duration_seconds',
    help: 'HTTP request duration by route and method',
    labelNames: ['route', 'method'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  // A callback hook: nothing here awaits, and an async hook costs a promise per request.
  app.addHook('onResponse', (request, reply, done) => {
    // Unmatched URLs share one label, so scanners cannot blow up the label set.
    const route = request.routeOptions.url ?? 'unmatched';
    requests.inc({ route, method: request.method, status: String(reply.statusCode) });
    duration.observe({ route, method: request.method }, reply.elapsedTime / 1000);
    done();
  });
  return registry;
}
