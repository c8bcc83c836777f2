import { spawnSync } from 'node:child_process';
import { TestNode, type SignedInUser } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxRepository } from '../repositories/outbox.repository.js';
import { namingProblems, parseExposition } from './prometheus-naming.fixtures.js';

/** CI installs Debian's prometheus package and sets this, so there the promtool check cannot be skipped. */
const promtoolRequired = process.env['HANOI247_REQUIRE_PROMTOOL'] === '1';
const promtoolFound = spawnSync('promtool', ['--version'], { encoding: 'utf8' }).error === undefined;

const clean = `# HELP app_jobs_total Jobs run
# TYPE app_jobs_total counter
app_jobs_total{queue="a"} 3
# HELP app_queue_age_seconds Age of the oldest job
# TYPE app_queue_age_seconds gauge
app_queue_age_seconds 1.5
# HELP app_job_duration_seconds Job duration
# TYPE app_job_duration_seconds histogram
app_job_duration_seconds_bucket{le="1"} 1
app_job_duration_seconds_bucket{le="+Inf"} 1
app_job_duration_seconds_sum 0.5
app_job_duration_seconds_count 1
`;

describe('Prometheus naming rules', () => {
  let node: TestNode;
  let admin: SignedInUser;
  let exposition: string;

  beforeAll(async () => {
    node = await TestNode.start();
    admin = await node.administrator();
    // Labelled families only show their labels once they have samples: a partner queue and a rejection.
    const at = node.clock.now().toISOString();
    await outboxRepository.insert(node.app.node.database.db, {
      messageId: 'naming-message',
      toCountry: 'SG',
      type: 'request.sent',
      requestId: null,
      envelope: '{}',
      envelopeDigest: null,
      status: 'pending',
      priorityRank: 1,
      attempts: 0,
      nextAttemptAt: at,
      lastError: null,
      receipt: null,
      createdAt: at,
      deliveredAt: null,
    });
    expect((await node.app.inject({ method: 'GET', url: '/api/v1/requests/%ZZ' })).statusCode).toBe(400);
    const response = await node.call('GET', '/metrics', { as: admin });
    expect(response.statusCode).toBe(200);
    exposition = response.body;
  });
  afterAll(async () => node.stop());

  it('finds each kind of mistake the rules forbid', () => {
    expect(namingProblems(clean)).toEqual([]);
    const broken = `# HELP app_handles_total Open handles
# TYPE app_handles_total gauge
app_handles_total 3
# HELP app_requests Requests served
# TYPE app_requests counter
app_requests 1
# TYPE app_no_help gauge
app_no_help 1
# HELP app_latency_milliseconds Latency
# TYPE app_latency_milliseconds gauge
app_latency_milliseconds 4
# HELP app_uptime_hours Uptime
# TYPE app_uptime_hours gauge
app_uptime_hours 4
# HELP app_wait_ms Wait
# TYPE app_wait_ms gauge
app_wait_ms 4
# HELP app_seconds_waited Wait
# TYPE app_seconds_waited gauge
app_seconds_waited 4
# HELP app_temperature_gauge Temperature
# TYPE app_temperature_gauge gauge
app_temperature_gauge 4
# HELP app_items_count Items
# TYPE app_items_count gauge
app_items_count 4
# HELP app_queueDepth Depth
# TYPE app_queueDepth gauge
app_queueDepth{partnerCountry="SG"} 4
# HELP app_rate:sum Recorded
# TYPE app_rate:sum gauge
app_rate:sum{le="1"} 4
`;
    const found = namingProblems(broken).map((p) => `${p.metric}: ${p.problem}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'app_handles_total: non-counter metrics should not have "_total" suffix',
        'app_requests: counter metrics should have "_total" suffix',
        'app_no_help: no help text',
        'app_latency_milliseconds: use base unit "seconds" instead of "milliseconds"',
        'app_uptime_hours: use base unit "seconds" instead of "hours"',
        'app_wait_ms: metric names should not contain abbreviated units',
        'app_seconds_waited: the unit "seconds" must be the last part of the name',
        'app_temperature_gauge: metric name should not include type "gauge"',
        'app_items_count: non-histogram and non-summary metrics should not have "_count" or "_sum" suffix',
        'app_queueDepth: metric names should be written in snake_case not camelCase',
        'app_queueDepth: label names should be written in snake_case not camelCase: partnerCountry',
        'app_rate:sum: metric names should not contain ":"',
        'app_rate:sum: non-histogram metrics should not have "le" label',
      ]),
    );
    expect(() => namingProblems('app_broken\n')).toThrow(/exposition format/);
  });

  it('holds for everything the node exposes, prom-client\u2019s defaults included', () => {
    expect(namingProblems(exposition)).toEqual([]);
    const families = parseExposition(exposition);
    expect(families.length).toBeGreaterThan(30);
    expect(families.find((f) => f.name === 'hanoi247_federation_outbox_pending_messages')?.labelNames).toEqual(
      new Set(['partner']),
    );
    // The three gauges prom-client names *_total are gone; their labelled twins stay.
    expect(families.map((f) => f.name)).not.toContain('hanoi247_nodejs_active_handles_total');
    expect(families.map((f) => f.name)).toContain('hanoi247_nodejs_active_handles');
  });

  it('exposes the application metrics with their types', () => {
    const typeOf = new Map(parseExposition(exposition).map((f) => [f.name, f.type]));
    expect(
      Object.fromEntries(
        [...typeOf].filter(([name]) => /^hanoi247_(deadlines|ledger|evidence|federation|http_rejected)/.test(name)),
      ),
    ).toEqual({
      hanoi247_deadlines: 'gauge',
      hanoi247_ledger_leaves: 'gauge',
      hanoi247_ledger_unsequenced_leaves: 'gauge',
      hanoi247_ledger_oldest_unsequenced_age_seconds: 'gauge',
      hanoi247_ledger_checkpoint_age_seconds: 'gauge',
      hanoi247_evidence_stored_bytes: 'gauge',
      hanoi247_federation_outbox_messages: 'gauge',
      hanoi247_federation_delivery_seconds: 'histogram',
      hanoi247_federation_outbox_pending_messages: 'gauge',
      hanoi247_federation_outbox_oldest_pending_age_seconds: 'gauge',
      hanoi247_federation_delivery_failed_messages: 'gauge',
      hanoi247_http_rejected_requests_total: 'counter',
    });
  });

  it.skipIf(!promtoolFound && !promtoolRequired)('passes promtool check metrics', () => {
    const result = spawnSync('promtool', ['check', 'metrics'], { input: exposition, encoding: 'utf8' });
    expect(result.error).toBeUndefined();
    expect(`${result.stdout}${result.stderr}`.trim()).toBe('');
    expect(result.status).toBe(0);
    // And promtool does fail on what the rules forbid, so a pass above means something.
    const wrong = spawnSync('promtool', ['check', 'metrics'], {
      input: '# HELP app_handles_total Open handles\n# TYPE app_handles_total gauge\napp_handles_total 3\n',
      encoding: 'utf8',
    });
    expect(wrong.status).not.toBe(0);
  });
});
