import { createHash, randomFillSync } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { fsContentStore } from '@hanoi247/server';
import { TestNode, type SignedInUser } from '@hanoi247/testkit';
import { uploadMetadata } from '../packages/server/src/http/evidence.fixtures.js';
import { preservationDetails } from '../packages/server/src/http/requests.fixtures.js';
import {
  benchReport,
  formatReportLine,
  positiveNumberFromEnv,
  progress,
  type Benchmark,
  type BenchResult,
} from './report.js';

const name = 'evidence-upload';
const mib = 1024 * 1024;
/** What the web app's tus client sends per PATCH (packages/web/app/src/provider/tus-upload.ts). */
const webChunkBytes = 4 * mib;
/** The node's own process (and this one) must not grow with the file: anchor P2, as for `ingest`. */
const rssGoalMib = 64;

/**
 * The HTTP client runs in a worker thread: its own event loop, so reading the file and writing
 * the socket do not queue on the main thread, where both the node and the baseline server run.
 * It sends `size` bytes of `file` as requests of at most `chunk` bytes on one keep-alive
 * connection, each a stream from the file (nothing buffered whole), and checks each status.
 */
const clientSource = `
const { parentPort } = require('node:worker_threads');
const { createReadStream } = require('node:fs');
const http = require('node:http');
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
function send(job, start, end) {
  return new Promise((resolve, reject) => {
    const headers = { ...job.headers, 'content-length': String(end - start) };
    if (job.tus) headers['upload-offset'] = String(start);
    let sent = 0n;
    const req = http.request(job.url, { method: job.method, agent, headers }, (res) => {
      const answered = process.hrtime.bigint();
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body, waitMs: sent === 0n ? 0 : Number(answered - sent) / 1e6 }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.on('finish', () => (sent = process.hrtime.bigint()));
    const source = createReadStream(job.file, { start, end: end - 1, highWaterMark: 1024 * 1024 });
    source.on('error', (error) => { req.destroy(error); reject(error); });
    source.pipe(req);
  });
}
parentPort.on('message', async (job) => {
  try {
    let last = null;
    for (let start = 0; start < job.size; start += job.chunk) {
      last = await send(job, start, Math.min(job.size, start + job.chunk));
      if (last.status !== job.expect) throw new Error(job.method + ' ' + job.url + ' at ' + start + ': HTTP ' + last.status + ' ' + last.body.slice(0, 300));
    }
    parentPort.postMessage({ ok: true, headers: last.headers, body: last.body, waitMs: last.waitMs });
  } catch (error) {
    parentPort.postMessage({ ok: false, error: String((error && error.stack) || error) });
  }
});
`;

interface ClientJob {
  readonly url: string;
  readonly method: 'POST' | 'PATCH';
  readonly headers: Record<string, string>;
  readonly file: string;
  readonly size: number;
  readonly chunk: number;
  readonly tus: boolean;
  readonly expect: number;
}

/** `waitMs`: from the last byte of the last request handed to the socket to its answer. */
interface ClientReply {
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
  readonly waitMs: number;
}

type ClientAnswer = ({ ok: true } & ClientReply) | { ok: false; error: string };

function startClient(): { send(job: ClientJob): Promise<ClientReply>; stop(): Promise<number> } {
  const worker = new Worker(clientSource, { eval: true });
  return {
    send: (job) =>
      new Promise((resolve, reject) => {
        const onError = (error: Error) => reject(error);
        worker.once('error', onError);
        worker.once('message', (answer: ClientAnswer) => {
          worker.off('error', onError);
          if (answer.ok) resolve({ headers: answer.headers, body: answer.body, waitMs: answer.waitMs });
          else reject(new Error(answer.error));
        });
        worker.postMessage(job);
      }),
    stop: () => worker.terminate(),
  };
}

type Client = ReturnType<typeof startClient>;

/** Random bytes written once; the SHA-256 is computed on the way, so every upload can be checked against it. */
async function generate(path: string, bytes: number): Promise<string> {
  const file = await open(path, 'wx', 0o600);
  const chunk = Buffer.allocUnsafe(8 * mib);
  const hash = createHash('sha256');
  try {
    for (let written = 0; written < bytes; written += chunk.length) {
      randomFillSync(chunk);
      const part = chunk.subarray(0, Math.min(chunk.length, bytes - written));
      hash.update(part);
      await file.write(part);
    }
  } finally {
    await file.close();
  }
  return hash.digest('hex');
}

/** Runs `work` while sampling this process's RSS every 20 ms; returns seconds, the peak growth and the wait `work` reported. */
async function timed(work: () => Promise<number>): Promise<{ seconds: number; rssGrowth: number; waitMs: number }> {
  const before = process.memoryUsage.rss();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  const started = process.hrtime.bigint();
  try {
    const waitMs = await work();
    return {
      seconds: Number(process.hrtime.bigint() - started) / 1e9,
      rssGrowth: Math.max(peak, process.memoryUsage.rss()) - before,
      waitMs,
    };
  } finally {
    clearInterval(sampler);
  }
}

/**
 * The floor of "receive, hash, store": a bare node:http server that streams the body through
 * SHA-256 into a file of the node's data directory, fdatasyncs it and answers the digest.
 * `?hash=0` stores without hashing (the anchor's own baseline: streaming to disk only).
 */
async function startBaseline(dataDir: string): Promise<{ server: Server; url: string }> {
  let counter = 0;
  const server = createServer((request, response) => {
    const hashing = !(request.url ?? '').includes('hash=0');
    const path = join(dataDir, `baseline-upload-${(counter += 1)}.bin`);
    const hash = createHash('sha256');
    const tap = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        if (hashing) hash.update(chunk);
        callback(null, chunk);
      },
    });
    const store = async () => {
      await pipeline(request, tap, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
      const file = await open(path, 'r+');
      try {
        await file.datasync();
      } finally {
        await file.close();
      }
      return hashing ? hash.digest('hex') : null;
    };
    store().then(
      async (sha256) => {
        await rm(path, { force: true });
        response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ sha256 }));
      },
      async (error: unknown) => {
        await rm(path, { force: true });
        response.writeHead(500).end(String(error));
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

interface UploadNode {
  readonly label: string;
  readonly node: TestNode;
  readonly url: string;
  readonly officer: SignedInUser;
  readonly requestId: string;
}

async function startNode(encryptAtRest: boolean): Promise<UploadNode> {
  // SQLite explicitly (synchronous = FULL), with the production default of sealing unless told otherwise.
  const node = await TestNode.start({
    backend: 'sqlite',
    configure: (c) => ({ ...c, evidence: { ...c.evidence, encryptAtRest } }),
  });
  const admin = await node.administrator();
  const officer = await node.user(admin, 'bench.officer', ['duty_officer']);
  const created = await node.call('POST', '/api/v1/requests/incoming', {
    as: officer,
    body: {
      reference: 'FR-2026-77',
      requestingState: 'FR',
      type: 'PRESERVATION_42',
      legalBasis: 'UN',
      language: 'en',
      details: preservationDetails(),
    },
  });
  if (created.statusCode !== 201) {
    throw new Error(`recording the request failed: ${created.statusCode} ${created.body}`);
  }
  const url = await node.listen();
  return {
    label: encryptAtRest ? 'sealed' : 'in clear',
    node,
    url,
    officer,
    requestId: created.json<{ id: string }>().id,
  };
}

/**
 * One officer's upload over real HTTP, end to end: tus creation (POST), then the bytes as PATCHes
 * of `chunk` bytes (the whole file in one streamed PATCH for the one-shot upload), until the
 * answer to the last byte names the evidence item. The declared SHA-256 is checked by the node.
 */
async function upload(
  client: Client,
  target: UploadNode,
  file: string,
  size: number,
  sha256: string,
  chunk: number,
): Promise<number> {
  const auth = { cookie: target.officer.cookie, 'x-csrf-token': target.officer.csrfToken, 'tus-resumable': '1.0.0' };
  const created = await fetch(`${target.url}/api/v1/evidence/uploads`, {
    method: 'POST',
    headers: {
      ...auth,
      'upload-length': String(size),
      'upload-metadata': uploadMetadata({
        requestId: target.requestId,
        filename: 'image.bin',
        mediaType: 'application/octet-stream',
        sha256,
      }),
    },
  });
  const location = created.headers.get('location');
  if (created.status !== 201 || location === null) {
    throw new Error(`${target.label}: opening the upload failed: ${created.status} ${await created.text()}`);
  }
  const last = await client.send({
    url: new URL(location, target.url).href,
    method: 'PATCH',
    headers: { ...auth, 'content-type': 'application/offset+octet-stream' },
    file,
    size,
    chunk,
    tus: true,
    expect: 204,
  });
  if (typeof last.headers['hanoi247-evidence-id'] !== 'string') {
    throw new Error(`${target.label}: the last PATCH did not name an evidence item`);
  }
  return last.waitMs;
}

async function uploadToBaseline(
  client: Client,
  url: string,
  file: string,
  size: number,
  sha256: string,
  hashing: boolean,
): Promise<number> {
  const answer = await client.send({
    url: `${url}/upload${hashing ? '' : '?hash=0'}`,
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    file,
    size,
    chunk: size,
    tus: false,
    expect: 201,
  });
  if (hashing && (JSON.parse(answer.body) as { sha256: string }).sha256 !== sha256) {
    throw new Error('the baseline server computed another SHA-256');
  }
  return answer.waitMs;
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const range = (values: readonly number[]) => `${Math.min(...values).toFixed(0)}-${Math.max(...values).toFixed(0)}`;

interface Series {
  readonly rates: number[];
  readonly rss: number[];
  readonly waits: number[];
}

async function measure(file: string, size: number, sha256: string, rounds: number): Promise<BenchResult> {
  const sealed = await startNode(true);
  const clear = await startNode(false);
  const baseline = await startBaseline(sealed.node.database.dataDir);
  const client = startClient();
  const removeObject = async (target: UploadNode) =>
    fsContentStore(join(target.node.config.dataDir, 'evidence')).remove(sha256);
  try {
    progress(
      name,
      `two nodes on SQLite (sealed: ${sealed.url}, in clear: ${clear.url}), officer signed in with a session cookie; baseline node:http at ${baseline.url}`,
    );
    const runs: Record<string, Series> = {};
    const record = async (key: string, work: () => Promise<number>, after?: () => Promise<void>) => {
      const result = await timed(work);
      if (after !== undefined) await after();
      const series = (runs[key] ??= { rates: [], rss: [], waits: [] });
      series.rates.push(size / mib / result.seconds);
      series.rss.push(result.rssGrowth / mib);
      series.waits.push(result.waitMs);
      return result;
    };
    const steps: readonly [string, () => Promise<number>, (() => Promise<void>) | undefined][] = [
      ['baseline', () => uploadToBaseline(client, baseline.url, file, size, sha256, true), undefined],
      ['store-only', () => uploadToBaseline(client, baseline.url, file, size, sha256, false), undefined],
      ['sealed single', () => upload(client, sealed, file, size, sha256, size), () => removeObject(sealed)],
      ['sealed tus', () => upload(client, sealed, file, size, sha256, webChunkBytes), () => removeObject(sealed)],
      ['clear single', () => upload(client, clear, file, size, sha256, size), () => removeObject(clear)],
      ['clear tus', () => upload(client, clear, file, size, sha256, webChunkBytes), () => removeObject(clear)],
    ];
    // Warm-up: the file in the page cache, the code paths compiled, the connections open.
    for (const [, work, after] of steps) {
      await work();
      if (after !== undefined) await after();
    }
    for (let round = 1; round <= rounds; round += 1) {
      const line: string[] = [];
      for (const [key, work, after] of steps) {
        const result = await record(key, work, after);
        line.push(
          `${key} ${(size / mib / result.seconds).toFixed(0)} MiB/s (RSS +${(result.rssGrowth / mib).toFixed(1)})`,
        );
      }
      progress(name, `round ${round}: ${line.join(', ')}`);
    }
    const m = (key: string) => median(runs[key]!.rates);
    const floor = m('baseline');
    progress(
      name,
      `medians over ${rounds} rounds of ${size / mib} MiB: baseline (receive, SHA-256, store, fdatasync) ${floor.toFixed(0)} MiB/s, store only ${m('store-only').toFixed(0)} MiB/s`,
    );
    for (const key of ['sealed single', 'sealed tus', 'clear single', 'clear tus']) {
      progress(
        name,
        `${key}: median ${m(key).toFixed(0)} MiB/s, range ${range(runs[key]!.rates)}; ${(m(key) / floor).toFixed(3)}x baseline, ${(m(key) / m('store-only')).toFixed(3)}x store only (anchor P2 goal >= 0.8)`,
      );
    }
    // What the sender waits for after its last byte: the node completes the item then (re-reading the partial file).
    progress(
      name,
      `wait from the last byte sent to the answer (median): ${Object.entries(runs)
        .map(([key, series]) => `${key} ${median(series.waits).toFixed(0)} ms`)
        .join(', ')}`,
    );
    const nodeRss = ['sealed single', 'sealed tus', 'clear single', 'clear tus'].flatMap((key) => runs[key]!.rss);
    progress(
      name,
      `peak RSS growth of this process (node + client worker) during one upload: up to ${Math.max(...nodeRss).toFixed(1)} MiB (goal <= ${rssGoalMib} MiB); baseline server: up to ${Math.max(...runs['baseline']!.rss).toFixed(1)} MiB`,
    );
    // One JSON line per figure; the headline (the one-shot upload, sealed as in production) is the last, printed by run.ts.
    for (const [suffix, key] of [
      ['tus-4mib', 'sealed tus'],
      ['single-clear', 'clear single'],
      ['tus-4mib-clear', 'clear tus'],
    ] as const) {
      console.log(
        formatReportLine(benchReport(`${name}.${suffix}`, { value: m(key), baseline: floor, unit: 'MiB/s' })),
      );
    }
    return { value: m('sealed single'), baseline: floor, unit: 'MiB/s' };
  } finally {
    await client.stop();
    await new Promise((resolve) => baseline.server.close(resolve));
    await sealed.node.stop();
    await clear.node.stop();
  }
}

export const evidenceUploadBenchmark: Benchmark = {
  name,
  description:
    'officer evidence upload over HTTP (one streamed tus PATCH, and 4 MiB tus chunks; sealed and in clear) vs a bare node:http receive + SHA-256 + store',
  async run() {
    const sizeMib = positiveNumberFromEnv('BENCH_UPLOAD_MIB', 512);
    const rounds = Math.floor(positiveNumberFromEnv('BENCH_UPLOAD_ROUNDS', 3));
    const size = Math.round(sizeMib * mib);
    const file = join(tmpdir(), `h247-upload-${process.pid}.bin`);
    progress(name, `writing ${sizeMib} MiB of random bytes to ${file}`);
    const sha256 = await generate(file, size);
    try {
      return await measure(file, size, sha256, rounds);
    } finally {
      await rm(file, { force: true });
    }
  },
};
