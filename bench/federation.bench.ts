import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, NodeProcess, waitFor, type ProcessSession } from '@hanoi247/testkit';
import { positiveNumberFromEnv, progress, type Benchmark, type BenchResult } from './report.js';

const name = 'federation';
const warmUp = 20;

/** The same Art. 42 content for every request, federated or posted. */
const details = {
  seekingAuthority: 'A05, Ministry of Public Security of Viet Nam',
  offenceSummary: 'Illegal access (art. 7) to a bank\u2019s systems on 30 October 2026',
  dataToPreserve: 'Subscriber and traffic data of the account used to log in',
  dataCategories: ['subscriber', 'traffic'],
  custodianOrLocation: 'ExampleMail Inc., data centre in the requested State',
  necessity: 'The provider deletes its logs after 30 days',
  mlaWillFollow: true,
  identifiers: [{ kind: 'account', service: 'ExampleMail', handle: 'suspect@example.net' }],
  contact24x7: 'A05 24/7 desk, +84 24 0000 0000',
};
const draftBody = {
  type: 'PRESERVATION_42',
  legalBasis: 'UN',
  requestedState: 'SG',
  language: 'en',
  priority: 'urgent',
  details,
};

interface Event {
  readonly action: string;
  readonly occurredAt: string;
}

interface Cluster {
  readonly a: NodeProcess;
  readonly b: NodeProcess;
  readonly duty: ProcessSession;
  readonly chief: ProcessSession;
  /** An API token of a Singapore officer, scope requests:draft: the baseline's client. */
  readonly token: string;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function latencyLine(label: string, samples: readonly number[]): string {
  const sorted = [...samples].sort((x, y) => x - y);
  return (
    `${label}: p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms ` +
    `over ${sorted.length} round trips`
  );
}

async function signIn(node: NodeProcess, username: string, roles: string[]): Promise<ProcessSession> {
  const password = `correct horse battery staple ${roles[0]!.length}`;
  await node.addUser(username, roles, password);
  return node.signInFirstTime(username, password);
}

/** Two `hanoi247 serve` processes with default settings, pinned to each other with the CLI. */
async function startCluster(root: string): Promise<Cluster> {
  const start = async (country: string) =>
    NodeProcess.start({
      country,
      name: `${country} bench node`,
      dataDir: join(root, country.toLowerCase()),
      port: await freePort(),
    });
  const a = await start('VN');
  const b = await start('SG').catch(async (error: unknown) => {
    await a.kill();
    throw error;
  });
  try {
    await a.pin(b, await b.publishedFingerprint());
    await b.pin(a, await a.publishedFingerprint());
    const [duty, chief, clerk] = await Promise.all([
      signIn(a, 'vn.duty', ['duty_officer']),
      signIn(a, 'vn.chief', ['supervisor']),
      signIn(b, 'sg.clerk', ['duty_officer']),
    ]);
    const { token } = await b.expect<{ token: string }>(201, 'POST', '/api/v1/tokens', {
      as: clerk,
      body: { name: 'bench', scopes: ['requests:draft'], expiresInDays: 1 },
    });
    return { a, b, duty, chief, token };
  } catch (error) {
    await Promise.allSettled([a.kill(), b.kill()]);
    throw error;
  }
}

const move = (c: Cluster, as: ProcessSession, id: string, action: string) =>
  c.a.expect(200, 'POST', `/api/v1/requests/${id}/transitions`, { as, body: { action, payload: {} } });

/** Drafted, submitted and approved at Viet Nam (four eyes): ready to send. */
async function approved(c: Cluster): Promise<string> {
  const { id } = await c.a.expect<{ id: string }>(201, 'POST', '/api/v1/requests', { as: c.duty, body: draftBody });
  await move(c, c.duty, id, 'submit');
  await move(c, c.chief, id, 'approve');
  return id;
}

const timeline = async (c: Cluster, id: string) =>
  (await c.a.expect<{ events: Event[] }>(200, 'GET', `/api/v1/requests/${id}/timeline`, { as: c.duty })).events;
const at = (events: readonly Event[], action: string) =>
  Date.parse(events.find((e) => e.action === action)?.occurredAt ?? 'missing');

/**
 * One request at a time, partner up: commit of the send (message queued) to the verified receipt, on Viet Nam's clock.
 */
async function federatedRoundTrips(c: Cluster, count: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const id = await approved(c);
    await move(c, c.duty, id, 'send');
    const events = await waitFor(
      `receipt for ${id}`,
      async () => {
        const all = await timeline(c, id);
        return all.some((e) => e.action === 'message-delivered') ? all : undefined;
      },
      30_000,
      2,
    );
    samples.push(at(events, 'message-delivered') - at(events, 'message-queued'));
  }
  return samples;
}

/** Partner down while `count` sends commit; then up: messages/s between the first and the last receipt. */
async function drain(c: Cluster, count: number): Promise<number> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) ids.push(await approved(c));
  await c.b.stop();
  for (const id of ids) await move(c, c.duty, id, 'send');
  progress(name, `${count} messages queued at VN while SG is down; starting SG`);
  await c.b.restart();
  await waitFor(
    'the queue to drain',
    async () => {
      const status = await c.a.expect<{ outbox: Record<string, number> }>(200, 'GET', '/api/v1/federation/status', {
        as: c.duty,
      });
      return (status.outbox['pending'] ?? 0) === 0 ? status : undefined;
    },
    300_000,
    50,
  );
  const delivered: number[] = [];
  for (const id of ids) {
    const events = await timeline(c, id);
    if (!events.some((e) => e.action === 'message-delivered')) {
      throw new Error(`request ${id} was not delivered: ${JSON.stringify(events.at(-1))}`);
    }
    delivered.push(at(events, 'message-delivered'));
  }
  const seconds = (Math.max(...delivered) - Math.min(...delivered)) / 1000;
  const rate = (count - 1) / seconds;
  progress(
    name,
    `federated: ${count} messages drained in ${seconds.toFixed(3)} s (first to last receipt) ` +
      `= ${rate.toFixed(1)} messages/s`,
  );
  return rate;
}

/**
 * The same request as plain JSON to Singapore's incoming-request route: validated, persisted, audited; no envelope,
 * no outbox.
 */
async function plainPosts(c: Cluster, count: number, offset: number): Promise<{ rate: number; samples: number[] }> {
  const samples: number[] = [];
  const started = process.hrtime.bigint();
  for (let i = 0; i < count; i += 1) {
    const body = {
      reference: `VN-BENCH-${String(offset + i).padStart(6, '0')}`,
      requestingState: 'VN',
      type: 'PRESERVATION_42',
      legalBasis: 'UN',
      language: 'en',
      priority: 'urgent',
      details,
    };
    const one = process.hrtime.bigint();
    await c.b.expect(201, 'POST', '/api/v1/requests/incoming', { token: c.token, body });
    samples.push(Number(process.hrtime.bigint() - one) / 1e6);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { rate: count / seconds, samples };
}

async function run(): Promise<BenchResult> {
  const messages = Math.floor(positiveNumberFromEnv('BENCH_MESSAGES', 200));
  const roundTrips = Math.floor(positiveNumberFromEnv('BENCH_ROUND_TRIPS', 50));
  const root = mkdtempSync(join(tmpdir(), 'h247-bench-federation-'));
  const cluster = await startCluster(root);
  try {
    progress(
      name,
      `VN at ${cluster.a.url} and SG at ${cluster.b.url} (SQLite, default settings), pinned with hanoi247 peers add`,
    );
    await federatedRoundTrips(cluster, warmUp);
    await plainPosts(cluster, warmUp, 0);
    const federatedLatency = await federatedRoundTrips(cluster, roundTrips);
    progress(
      name,
      latencyLine('federated request -> signed receipt (queued to delivered, VN clock)', federatedLatency),
    );
    const baseline = await plainPosts(cluster, messages, warmUp);
    progress(name, `baseline: ${messages} plain POSTs in sequence = ${baseline.rate.toFixed(1)} POSTs/s`);
    progress(name, latencyLine('plain POST /api/v1/requests/incoming (client clock)', baseline.samples));
    const federated = await drain(cluster, messages);
    return { value: federated, baseline: baseline.rate, unit: 'messages/s' };
  } finally {
    await Promise.allSettled([cluster.a.stop(), cluster.b.stop()]);
    rmSync(root, { recursive: true, force: true });
  }
}

export const federationBenchmark: Benchmark = {
  name,
  description:
    'federated messages/s (outbox drain to a partner back from an outage, signed receipts) ' +
    'vs plain JSON POSTs of the same request',
  run,
};
