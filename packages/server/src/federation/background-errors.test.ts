import { Writable } from 'node:stream';
import { settle } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../config/config.schema.js';
import {
  act,
  auditEntries,
  hour,
  inboxRows,
  incomingAt,
  outboxRows,
  postEnvelope,
  sendPreservation,
  startPair,
  timeline,
  type Pair,
} from './federation.fixtures.js';
import { httpTransport, type Transport } from './http-transport.js';

type Link = 'up' | 'unreachable' | 'refused' | 'bad-answer' | 'garbage-envelope' | 'receipts-lost';

/** JSON log lines at warn and above, as the operator's log shipper reads them. */
function logSink() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  return { lines, stream };
}

/**
 * Background paths that used to swallow errors (issue 12): each failure now leaves a structured
 * log line and a metric, and one an officer must know of shows on the request's timeline.
 */
describe('errors on background paths', () => {
  let pair: Pair;
  let link: Link = 'up';
  const sgLog = logSink();
  const vnLog = logSink();
  const warnLogs = (c: Config): Config => ({ ...c, log: { level: 'warn' } });

  /** Singapore's way out, with the faults a partner or the network can produce. */
  const sgTransport: Transport = async (baseUrl, path, body) => {
    if (link === 'unreachable') throw new Error('connect ECONNREFUSED (injected)');
    if (path.endsWith('/pull')) {
      if (link === 'refused') return { status: 503, body: 'maintenance' };
      if (link === 'bad-answer') return { status: 200, body: JSON.stringify({ envelopes: 'none' }) };
      if (link === 'garbage-envelope') return { status: 200, body: JSON.stringify({ envelopes: ['{"not":"one"}'] }) };
    }
    if (path.endsWith('/receipts') && link === 'receipts-lost') throw new Error('connection reset (injected)');
    return httpTransport(baseUrl, path, body);
  };

  beforeAll(async () => {
    pair = await startPair({
      vn: { logStream: vnLog.stream, configure: warnLogs },
      sg: {
        transport: sgTransport,
        logStream: sgLog.stream,
        configure: (c) => warnLogs({ ...c, federation: { ...c.federation, acceptsInbound: false } }),
      },
    });
  });
  afterAll(async () => pair.stop());

  const metricsOf = async (node: Pair['vn'], as: Pair['users']['vnAdmin']) =>
    (await node.call('GET', '/metrics', { as })).body;

  it('logs and counts every way a pull can fail, and recovers once the partner answers', async () => {
    const sent = await sendPreservation(pair);
    const pull = () => pair.sg.app.node.services.pull.pullFromPartners();
    const reasons = () => sgLog.lines.filter((l) => l['partner'] === 'VN').map((l) => l['reason'] ?? l['code']);

    for (const fault of ['unreachable', 'refused', 'bad-answer'] as const) {
      link = fault;
      expect(await pull()).toBe(0);
    }
    link = 'garbage-envelope';
    expect(await pull()).toBe(0);
    link = 'receipts-lost';
    expect(await pull()).toBe(1);
    expect(reasons()).toEqual([
      'unreachable',
      'refused',
      'bad-answer',
      'federation/invalid-envelope',
      'receipts-unreachable',
    ]);
    // The receipt never arrived: Viet Nam still holds the message and serves it again.
    expect((await outboxRows(pair.vn)).find((r) => r.request_id === sent.id)).toMatchObject({ status: 'pending' });

    link = 'up';
    expect(await pull()).toBe(1);
    expect((await outboxRows(pair.vn)).find((r) => r.request_id === sent.id)).toMatchObject({ status: 'delivered' });
    expect((await incomingAt(pair.sg, pair.users.sgDuty)).filter((r) => r.reference === sent.reference)).toHaveLength(
      1,
    );
    const metrics = await metricsOf(pair.sg, pair.users.sgAdmin);
    for (const reason of ['unreachable', 'refused', 'bad-answer', 'envelope-refused', 'receipts-unreachable']) {
      expect(metrics).toMatch(
        new RegExp(`hanoi247_background_errors_total\\{component="pull",reason="${reason}"\\} 1\\b`),
      );
    }
    expect(metrics).toMatch(/hanoi247_outbound_requests_total\{partner="VN",operation="pull",outcome="ok"\} \d+/);
    expect(metrics).toMatch(
      /hanoi247_outbound_failures_total\{partner="VN",operation="pull",outcome="network-error"\} 1\b/,
    );
    expect(metrics).toMatch(
      /hanoi247_outbound_request_duration_seconds_count\{partner="VN",operation="receipts"\} 2\b/,
    );
  });

  it('shows on the request a partner\u2019s message that expired before it could apply', async () => {
    const sent = await sendPreservation(pair);
    link = 'up';
    await pair.sg.app.node.services.pull.pullFromPartners();
    const arrived = (await incomingAt(pair.sg, pair.users.sgDuty)).find((r) => r.reference === sent.reference)!;
    await act(pair.sg, pair.users.sgDuty, arrived.id, 'acknowledge');
    await act(pair.sg, pair.users.sgDuty, arrived.id, 'triage');
    const [, triage] = (await outboxRows(pair.sg)).filter((r) => r.request_id === arrived.id && r.status === 'pending');
    // The triage overtakes the acknowledgement, which never comes: kept, receipted, waiting.
    expect((await postEnvelope(pair.vn, triage!.envelope!)).statusCode).toBe(200);
    expect(await pair.vn.app.node.services.inbox.retryDeferred()).toBe(0);
    expect((await inboxRows(pair.vn)).find((r) => r.message_id === triage!.message_id)).toMatchObject({
      status: 'deferred',
    });

    pair.vn.clock.advance(73 * hour);
    expect(await pair.vn.app.node.services.inbox.retryDeferred()).toBe(0);
    expect((await inboxRows(pair.vn)).find((r) => r.message_id === triage!.message_id)).toMatchObject({
      status: 'rejected',
      error: 'federation/unexpected-message',
      request_id: sent.id,
    });
    const shown = (await timeline(pair.vn, pair.users.vnDuty, sent.id)).filter(
      (e) => e.action === 'message-not-applied',
    );
    expect(shown.map((e) => e.payload)).toEqual([
      { messageId: triage!.message_id, from: 'SG', type: 'request.transition', code: 'federation/unexpected-message' },
    ]);
    expect(
      (await auditEntries(pair.vn, 'federation.rejected')).find((e) => e.objectId === triage!.message_id),
    ).toMatchObject({
      details: { reason: 'federation/unexpected-message' },
    });
    expect(vnLog.lines.find((l) => l['messageId'] === triage!.message_id)).toMatchObject({
      level: 40,
      code: 'federation/unexpected-message',
    });
    expect(await metricsOf(pair.vn, pair.users.vnAdmin)).toMatch(
      /hanoi247_background_errors_total\{component="inbox",reason="deferred-expired"\} 1\b/,
    );
    // Settled: later retries leave it alone.
    expect(await pair.vn.app.node.services.inbox.retryDeferred()).toBe(0);
    await settle([pair.vn]);
    expect(
      (await timeline(pair.vn, pair.users.vnDuty, sent.id)).filter((e) => e.action === 'message-not-applied'),
    ).toHaveLength(1);
  });
});
