import { spawn } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { userPrincipal } from '@hanoi247/core';
import { fsContentStore, ingestChunkBytes, openNode, type CallContext, type NodeRuntime } from '@hanoi247/server';
import { createTestDatabase, testConfig, type TestDatabase } from '@hanoi247/testkit';
import { positiveNumberFromEnv, progress, type Benchmark, type BenchResult } from './report.js';

const name = 'ingest';
const mib = 1024 * 1024;
const context: CallContext = {
  principal: userPrincipal({ id: 'bench-officer', username: 'bench.officer', roles: ['duty_officer'] }, 'session'),
  requestId: null,
};
const metadata = {
  source: 'seizure',
  dataCategory: 'content',
  acquisition: { method: 'Forensic image of a seized laptop', acquiredAt: '2026-11-01T09:30:00+07:00' },
  personalData: true,
  originCountry: 'VN',
};

/** Random bytes, written once and reused by every run (openssl and the node read the same file). */
async function generate(path: string, bytes: number): Promise<void> {
  const file = await open(path, 'wx', 0o600);
  const chunk = Buffer.allocUnsafe(8 * mib);
  try {
    for (let written = 0; written < bytes; written += chunk.length) {
      randomFillSync(chunk);
      await file.write(chunk, 0, Math.min(chunk.length, bytes - written));
    }
  } finally {
    await file.close();
  }
}

/** Seconds for `command file` to exit 0, and the hex digest it printed. */
async function timedDigest(command: string, args: readonly string[]): Promise<{ seconds: number; digest: string }> {
  const started = process.hrtime.bigint();
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (data: Buffer) => (out += data.toString('utf8')));
  const code = await new Promise<number | null>((resolve, reject) => child.on('error', reject).on('close', resolve));
  if (code !== 0) throw new Error(`${command} exited with ${String(code)}`);
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, digest: /([0-9a-f]{64})/.exec(out)?.[1] ?? '' };
}

interface Ingest {
  readonly node: NodeRuntime;
  readonly database: TestDatabase;
  readonly requestId: string;
}

async function startNode(encryptAtRest: boolean): Promise<Ingest> {
  const database = await createTestDatabase('sqlite');
  const node = await openNode(
    testConfig(database, (c) => ({ ...c, evidence: { ...c.evidence, encryptAtRest, maxUploadBytes: 2 ** 36 - 32 } })),
  );
  const request = await node.services.requests.createDraft(context, {
    type: 'PRESERVATION_42',
    legalBasis: 'UN',
    requestedState: 'SG',
    language: 'en',
    priority: 'urgent',
    details: {},
  });
  return { node, database, requestId: request.id };
}

/** Reads the stored item back through the checks every export runs (GCM tag, SHA-256): P1's streaming hash. */
async function timedReadBack(ingest: Ingest, id: string): Promise<number> {
  const record = await ingest.node.services.evidence.findItem(ingest.node.database.db, id);
  if (record === undefined) throw new Error('the item just added is missing');
  const started = process.hrtime.bigint();
  const content = await ingest.node.services.evidence.openContent(record);
  for await (const _chunk of content);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/** One `evidence add` of the file (hash, seal, store, fsync, custody events, audit) with its peak RSS growth. */
async function timedAdd(
  ingest: Ingest,
  file: string,
): Promise<{ seconds: number; digest: string; rssGrowth: number; readBack: number }> {
  const before = process.memoryUsage.rss();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  const started = process.hrtime.bigint();
  try {
    const item = await ingest.node.services.evidence.add(
      context,
      { requestId: ingest.requestId, filename: 'image.bin', mediaType: 'application/octet-stream', metadata },
      createReadStream(file, { highWaterMark: ingestChunkBytes }),
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const readBack = await timedReadBack(ingest, item.id);
    // The next run must write the object again rather than find it stored.
    await fsContentStore(join(ingest.node.config.dataDir, 'evidence')).remove(item.sha256);
    return { seconds, digest: item.sha256, rssGrowth: Math.max(peak, process.memoryUsage.rss()) - before, readBack };
  } finally {
    clearInterval(sampler);
  }
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function measure(file: string, bytes: number, rounds: number): Promise<BenchResult> {
  const plain = await startNode(false);
  const sealed = await startNode(true);
  try {
    const runs = {
      openssl: [] as number[],
      plain: [] as number[],
      sealed: [] as number[],
      plainRss: [] as number[],
      sealedRss: [] as number[],
      readClear: [] as number[],
      readSealed: [] as number[],
    };
    // Warm-up: the file in the page cache for everyone, the code paths compiled.
    const reference = await timedDigest('openssl', ['dgst', '-sha256', file]);
    await timedAdd(plain, file);
    for (let round = 0; round < rounds; round += 1) {
      const openssl = await timedDigest('openssl', ['dgst', '-sha256', file]);
      const p = await timedAdd(plain, file);
      const s = await timedAdd(sealed, file);
      if (p.digest !== reference.digest || s.digest !== reference.digest) {
        throw new Error('the node and openssl disagree on the SHA-256');
      }
      runs.openssl.push(bytes / mib / openssl.seconds);
      runs.plain.push(bytes / mib / p.seconds);
      runs.sealed.push(bytes / mib / s.seconds);
      runs.readClear.push(bytes / mib / p.readBack);
      runs.readSealed.push(bytes / mib / s.readBack);
      runs.plainRss.push(p.rssGrowth);
      runs.sealedRss.push(s.rssGrowth);
      progress(
        name,
        `round ${round + 1}: openssl ${runs.openssl.at(-1)!.toFixed(0)} MiB/s, ` +
          `add ${runs.plain.at(-1)!.toFixed(0)} MiB/s (RSS +${(p.rssGrowth / mib).toFixed(1)} MiB), ` +
          `sealed ${runs.sealed.at(-1)!.toFixed(0)} MiB/s (RSS +${(s.rssGrowth / mib).toFixed(1)} MiB)`,
      );
    }
    const sha256sum = await timedDigest('sha256sum', [file]).catch(() => null);
    const openssl = median(runs.openssl);
    const added = median(runs.plain);
    const withSealing = median(runs.sealed);
    progress(
      name,
      `medians over ${rounds} rounds of ${bytes / mib} MiB: openssl dgst ${openssl.toFixed(0)} MiB/s; ` +
        `evidence add ${added.toFixed(0)} MiB/s (${(added / openssl).toFixed(3)}x); ` +
        `sealed ${withSealing.toFixed(0)} MiB/s (${(withSealing / openssl).toFixed(3)}x)`,
    );
    progress(
      name,
      `reading an item back with its checks: ${median(runs.readClear).toFixed(0)} MiB/s in clear ` +
        `(SHA-256 only: ${(median(runs.readClear) / openssl).toFixed(3)}x openssl, anchor P1), ` +
        `${median(runs.readSealed).toFixed(0)} MiB/s sealed (GCM + SHA-256)`,
    );
    if (sha256sum !== null) {
      progress(
        name,
        `sha256sum ${(bytes / mib / sha256sum.seconds).toFixed(0)} MiB/s: ` +
          `evidence add is ${(added / (bytes / mib / sha256sum.seconds)).toFixed(2)}x sha256sum`,
      );
    }
    progress(
      name,
      `peak RSS growth during one add: ${(Math.max(...runs.plainRss) / mib).toFixed(1)} MiB in clear, ` +
        `${(Math.max(...runs.sealedRss) / mib).toFixed(1)} MiB sealed (goal <= 64 MiB)`,
    );
    return { value: added, baseline: openssl, unit: 'MiB/s' };
  } finally {
    for (const ingest of [plain, sealed]) {
      await ingest.node.close();
      await ingest.database.drop();
    }
  }
}

export const ingestBenchmark: Benchmark = {
  name,
  description:
    'evidence add of a 1 GiB file (hash, store, fsync, custody events) ' +
    'vs openssl dgst -sha256 on the same file; also sealed, with RSS growth',
  async run() {
    const sizeMib = positiveNumberFromEnv('BENCH_INGEST_MIB', 1024);
    const rounds = positiveNumberFromEnv('BENCH_INGEST_ROUNDS', 3);
    const bytes = Math.round(sizeMib * mib);
    const file = join(tmpdir(), `h247-ingest-${process.pid}.bin`);
    progress(name, `writing ${sizeMib} MiB of random bytes to ${file}`);
    await generate(file, bytes);
    try {
      return await measure(file, bytes, rounds);
    } finally {
      await rm(file, { force: true });
    }
  },
};
