import { custodyLeafData, leafHash, operatorPrincipal } from '@hanoi247/core';
import { configDefaults, ledgerPendingRepository, openNode, type NodeRuntime } from '@hanoi247/server';
import { createTestDatabase, sampleCustodyEvent, testConfig, type Backend } from '@hanoi247/testkit';
import { positiveNumberFromEnv, progress, type Benchmark, type BenchResult } from './report.js';

const name = 'ledger-append';

interface Leaf {
  readonly refId: string;
  readonly leafData: string;
  readonly leafHash: string;
}

function leaves(count: number): Leaf[] {
  return Array.from({ length: count }, (_, i) => {
    const event = sampleCustodyEvent(i);
    const leafData = custodyLeafData(event);
    return { refId: event.id, leafData, leafHash: Buffer.from(leafHash(Buffer.from(leafData))).toString('hex') };
  });
}

/**
 * better-sqlite3 is synchronous: a loop of awaited statements is one unbroken chain of
 * microtasks, and the sequencer's timer would not fire until it ends. Requests reach a real
 * node as separate events, so each append (and each baseline insert) yields once.
 */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

async function withNode<T>(backend: Backend, work: (node: NodeRuntime) => Promise<T>): Promise<T> {
  const database = await createTestDatabase(backend);
  const node = await openNode(testConfig(database));
  try {
    await node.services.identity.ensureKeys({ principal: operatorPrincipal('bench'), requestId: null });
    return await work(node);
  } finally {
    await node.close();
    await database.drop();
  }
}

/**
 * The real path: each append is a service-style transaction that queues one leaf, while the
 * sequencer runs every `ledger.sequenceIntervalMs` (default) on the same database, as the job
 * does. The clock stops when the last leaf is in a signed checkpoint (the final batch runs at
 * once rather than after an idle interval). Latency: from an append's commit to the commit
 * of the checkpoint that includes it.
 */
async function realPath(node: NodeRuntime, batch: readonly Leaf[]): Promise<{ rate: number; latencies: number[] }> {
  const { db } = node.database;
  const sequencer = node.services.ledgerSequencer;
  const appendedAt = new Map<string, number>();
  const latencies: number[] = [];
  const drain = async () => {
    for (;;) {
      const result = await sequencer.sequence();
      const now = performance.now();
      for (const leaf of result?.leaves ?? []) {
        const at = appendedAt.get(leaf.refId);
        if (at !== undefined) latencies.push(now - at);
      }
      if (result === null || result.leaves.length < sequencer.batchSize) return;
    }
  };
  // An object, not a variable: the timer callback sets it, which control-flow narrowing cannot see.
  const job: { running: Promise<void> | null } = { running: null };
  const timer = setInterval(() => {
    job.running ??= drain().finally(() => (job.running = null));
  }, configDefaults.ledger.sequenceIntervalMs);
  const started = performance.now();
  for (const leaf of batch) {
    await db.transaction().execute((tx) =>
      ledgerPendingRepository.enqueue(tx, {
        kind: 'custody',
        refId: leaf.refId,
        leafData: leaf.leafData,
        queuedAt: new Date().toISOString(),
      }),
    );
    appendedAt.set(leaf.refId, performance.now());
    await nextTurn();
  }
  clearInterval(timer);
  await job.running;
  await drain();
  const elapsed = (performance.now() - started) / 1000;
  if (latencies.length !== batch.length) {
    throw new Error(`${latencies.length} of ${batch.length} appends reached a checkpoint`);
  }
  return { rate: batch.length / elapsed, latencies: latencies.sort((a, b) => a - b) };
}

/** The baseline: the same leaf rows, one plain autocommit INSERT each, no queue, tree or signature. */
async function plainInserts(node: NodeRuntime, batch: readonly Leaf[]): Promise<number> {
  const { db } = node.database;
  const started = performance.now();
  for (const [index, leaf] of batch.entries()) {
    const now = new Date().toISOString();
    await db
      .insertInto('ledger_leaves')
      .values({
        leaf_index: index,
        kind: 'custody',
        ref_id: leaf.refId,
        leaf_data: leaf.leafData,
        leaf_hash: leaf.leafHash,
        queued_at: now,
        sequenced_at: now,
      })
      .execute();
    await nextTurn();
  }
  return batch.length / ((performance.now() - started) / 1000);
}

const median = (values: readonly number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

/**
 * Rounds alternate real path and baseline, each on a fresh database: disk noise hits both alike; medians are reported.
 */
async function measure(backend: Backend, count: number, rounds: number): Promise<BenchResult> {
  const warm = leaves(200);
  const real: number[] = [];
  const plain: number[] = [];
  const latencies: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const batch = leaves(count);
    const result = await withNode(backend, async (node) => {
      await realPath(node, warm);
      return realPath(node, batch);
    });
    real.push(result.rate);
    latencies.push(...result.latencies);
    plain.push(
      await withNode(backend, async (node) => {
        await plainInserts(node, warm);
        await node.database.db.deleteFrom('ledger_leaves').execute();
        return plainInserts(node, batch);
      }),
    );
  }
  const [value, baseline] = [median(real), median(plain)];
  const sorted = latencies.sort((a, b) => a - b);
  progress(
    name,
    `${backend}: real path ${real.map((r) => r.toFixed(0)).join(', ')} appends/s; ` +
      `plain INSERT ${plain.map((r) => r.toFixed(0)).join(', ')} rows/s`,
  );
  progress(
    name,
    `${backend}: median ${value.toFixed(0)} appends/s vs ${baseline.toFixed(0)} rows/s, ` +
      `ratio ${(value / baseline).toFixed(2)} (goal >= 0.5 and >= 2,000/s); ` +
      `append -> signed checkpoint p50 ${percentile(sorted, 50).toFixed(0)} ms, ` +
      `p99 ${percentile(sorted, 99).toFixed(0)} ms at a ${configDefaults.ledger.sequenceIntervalMs} ms interval ` +
      `(goal p99 <= 2 s)`,
  );
  return { value, baseline, unit: 'appends/s' };
}

export const ledgerAppendBenchmark: Benchmark = {
  name,
  description:
    'ledger appends (queue in a transaction + sequencer batches into signed checkpoints) ' +
    'vs plain autocommit INSERTs of the same rows; p99 append -> checkpoint',
  async run() {
    const count = Math.floor(positiveNumberFromEnv('BENCH_APPENDS', 5000));
    const rounds = Math.floor(positiveNumberFromEnv('BENCH_ROUNDS', 3));
    progress(
      name,
      `${rounds} rounds of ${count} appends, one at a time, after 200 warm-up appends; SQLite (WAL, synchronous=FULL)`,
    );
    const sqlite = await measure('sqlite', count, rounds);
    const pgUrl = process.env['TEST_DATABASE_URL'] ?? process.env['BENCH_DATABASE_URL'];
    if (pgUrl !== undefined && pgUrl !== '') {
      process.env['TEST_DATABASE_URL'] = pgUrl;
      await measure('postgres', count, rounds);
    } else {
      progress(
        name,
        'PostgreSQL: set TEST_DATABASE_URL or BENCH_DATABASE_URL to measure it too (reported, not the result line)',
      );
    }
    return { value: sqlite.value, baseline: sqlite.baseline, unit: sqlite.unit };
  },
};
