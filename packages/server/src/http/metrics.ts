import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

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

export function registerMetrics(app: FastifyInstance): Registry {
  const registry = new Registry();
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
