import { TestNode } from '@hanoi247/testkit';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { positiveNumberFromEnv, progress, type Benchmark, type BenchResult } from './report.js';

const name = 'authenticated-get';
const sessionPath = '/api/v1/auth/session';
const barePath = '/bare';
/** Same load shape for both targets; only the server differs. */
const connections = 10;
const warmUpSeconds = 1;

interface Target {
  readonly label: string;
  readonly url: string;
  readonly headers: Record<string, string>;
}

interface Measured {
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly total: number;
  readonly slowestSecond: number;
  readonly fastestSecond: number;
}

/**
 * The load generator runs in a worker thread of this same process, so its own work does
 * not queue on the servers' event loop and count against them.
 */
function clientWorkers(): number {
  // 0 is allowed (autocannon then runs on the main thread), to compare both set-ups.
  const raw = process.env['BENCH_CLIENT_WORKERS'];
  if (raw === undefined || raw.trim() === '') return 1;
  const parsed = Number(raw);
  if (!Number.isInteger(parsed) || parsed < 0) {
    throw new Error(`BENCH_CLIENT_WORKERS must be a whole number >= 0, got "${raw}"`);
  }
  return parsed;
}

async function fire(target: Target, seconds: number): Promise<autocannon.Result> {
  return autocannon({
    url: target.url,
    connections,
    duration: seconds,
    headers: target.headers,
    workers: clientWorkers(),
  });
}

/** Any non-2xx or socket error means we measured something other than the happy path. */
function assertClean(target: Target, phase: string, result: autocannon.Result): void {
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    const codes = JSON.stringify(result.statusCodeStats ?? {});
    throw new Error(
      `${target.label} ${phase}: ${result.non2xx} non-2xx, ${result.errors} errors, ` +
        `${result.timeouts} timeouts (status codes ${codes})`,
    );
  }
}

async function measure(target: Target, seconds: number, warmUp: boolean): Promise<Measured> {
  if (warmUp) {
    progress(name, `${target.label}: warming up for ${warmUpSeconds} s`);
    assertClean(target, 'warm-up', await fire(target, warmUpSeconds));
  }
  progress(name, `${target.label}: measuring for ${seconds} s with ${connections} connections`);
  const result = await fire(target, seconds);
  assertClean(target, 'run', result);
  const measured = {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    slowestSecond: result.requests.min,
    fastestSecond: result.requests.max,
  };
  progress(
    name,
    `${target.label}: ${measured.requestsPerSecond.toFixed(1)} req/s, p50 ${measured.p50} ms, ` +
      `p99 ${measured.p99} ms, ${measured.total} requests, 0 non-2xx`,
  );
  // The per-second spread shows how noisy the machine was, which the mean alone hides.
  progress(name, `${target.label}: per-second range ${measured.slowestSecond}-${measured.fastestSecond} req/s`);
  return measured;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Rounds alternate node and bare runs, and the medians are reported: on a shared 2-core
 * machine throughput drifts over seconds, and alternating keeps both sides under the
 * same drift. One round (the default) is a single run of each.
 */
async function measureRounds(node: Target, bare: Target, seconds: number): Promise<BenchResult> {
  const rounds = Math.floor(positiveNumberFromEnv('BENCH_ROUNDS', 1));
  const nodeRates: number[] = [];
  const bareRates: number[] = [];
  for (let round = 1; round <= rounds; round += 1) {
    if (rounds > 1) progress(name, `round ${round} of ${rounds}`);
    nodeRates.push((await measure(node, seconds, round === 1)).requestsPerSecond);
    bareRates.push((await measure(bare, seconds, round === 1)).requestsPerSecond);
  }
  if (rounds > 1) {
    progress(
      name,
      `medians over ${rounds} rounds: node ${median(nodeRates).toFixed(1)} req/s, ` +
        `bare ${median(bareRates).toFixed(1)} req/s`,
    );
  }
  return { value: median(nodeRates), baseline: median(bareRates), unit: 'req/s' };
}

/** Fails before any load is sent, so a broken sign-in cannot pass as a fast 401 benchmark. */
async function expectOk(target: Target): Promise<void> {
  const response = await fetch(target.url, { headers: target.headers });
  const body = await response.text();
  if (response.status !== 200) {
    throw new Error(`${target.label}: expected 200 before measuring, got ${response.status}: ${body.slice(0, 200)}`);
  }
}

async function run(): Promise<BenchResult> {
  const seconds = positiveNumberFromEnv('BENCH_SECONDS', 5);
  // SQLite explicitly: TEST_BACKEND must not silently turn this into a PostgreSQL benchmark.
  const node = await TestNode.start({ backend: 'sqlite' });
  try {
    const admin = await node.administrator();
    progress(name, `node started on SQLite in ${node.database.dataDir}; administrator signed in`);
    const nodeBase = await node.app.listen({ host: '127.0.0.1', port: 0 });
    const bare = Fastify({ logger: false });
    bare.get(barePath, async () => ({ ok: true, service: 'bare' }));
    try {
      const bareBase = await bare.listen({ host: '127.0.0.1', port: 0 });
      const authenticated: Target = {
        label: `node GET ${sessionPath}`,
        url: `${nodeBase}${sessionPath}`,
        headers: { cookie: admin.cookie },
      };
      const baseline: Target = { label: `bare GET ${barePath}`, url: `${bareBase}${barePath}`, headers: {} };
      await expectOk(authenticated);
      await expectOk(baseline);
      progress(name, `both routes answer 200; load generator in ${clientWorkers()} worker thread(s)`);
      return await measureRounds(authenticated, baseline, seconds);
    } finally {
      await bare.close();
    }
  } finally {
    await node.stop();
  }
}

export const authenticatedGetBenchmark: Benchmark = {
  name,
  description: `requests/s of the node's authenticated ${sessionPath} versus a bare Fastify route`,
  run,
};
