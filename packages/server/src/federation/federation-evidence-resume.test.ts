import { createHash, randomBytes } from 'node:crypto';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { operatorPrincipal, parseCustodyLeaf } from '@hanoi247/core';
import { settle } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fsContentStore } from '../evidence/fs-content-store.js';
import { uuidV7Ids } from '../identity/ids.js';
import { fetchPartialId, sealedLength } from '../services/evidence-fetch-resume.js';
import { createEvidenceFetcher } from '../services/evidence-fetcher.service.js';
import { quietTelemetry } from '../telemetry.js';
import { sealedChunkSize } from './content-stream-cipher.js';
import { createOutboundHttp } from './http-transport.js';
import { auditEntries, incomingAt, keyringOf, sendPreservation, startPair, type Pair } from './federation.fixtures.js';

/** What the receiver asked for and how many sealed bytes it was given. */
interface Fetched {
  readonly fromChunk: number;
  status: number;
  bytes: number;
}

/**
 * The link between the nodes: real HTTP, except that it can break the first body it carries after
 * `cutAfter` bytes, or answer "invalid offset" for any resumed fetch, as a sender without resume would.
 */
function link(options: { cutAfter?: number; refuseOffsets?: boolean } = {}) {
  const log: Fetched[] = [];
  let cutAfter = options.cutAfter ?? null;
  const impl: typeof fetch = async (input, init) => {
    const url = input instanceof URL ? input : new URL(typeof input === 'string' ? input : input.url);
    const entry: Fetched = { fromChunk: Number(url.searchParams.get('fromChunk')), status: 0, bytes: 0 };
    log.push(entry);
    if (options.refuseOffsets === true && entry.fromChunk > 0) {
      entry.status = 400;
      return new Response(JSON.stringify({ status: 400, code: 'request/validation-failed' }), {
        status: 400,
        headers: { 'content-type': 'application/problem+json' },
      });
    }
    const response = await fetch(input, init);
    entry.status = response.status;
    if (response.body === null) return response;
    const limit = cutAfter ?? Number.POSITIVE_INFINITY;
    cutAfter = null;
    const reader: ReadableStreamDefaultReader<Uint8Array> = response.body.getReader();
    let cut = false;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        // Broken on the pull after the last byte passed: erroring at once would drop queued bytes.
        if (cut) {
          await reader.cancel();
          controller.error(new Error('connection reset (injected)'));
          return;
        }
        const { done, value } = await reader.read();
        if (done) return controller.close();
        const part = value.subarray(0, Math.max(0, limit - entry.bytes));
        if (part.length > 0) controller.enqueue(part);
        entry.bytes += part.length;
        cut = entry.bytes >= limit;
      },
    });
    return new Response(body, { status: response.status, headers: response.headers });
  };
  return { impl, log, total: () => log.reduce((sum, f) => sum + f.bytes, 0) };
}

describe('an evidence fetch that breaks off resumes where it stopped', () => {
  let pair: Pair;
  let sgRequestId: string;
  let sgEvidenceId: string;
  // Four sealed chunks: three whole ones and a short final one.
  const content = randomBytes(3_500_000);
  const sha256 = createHash('sha256').update(content).digest('hex');
  const sealedTotal = sealedLength(content.length);
  const operator = { principal: operatorPrincipal('test'), requestId: null };
  const metadata = {
    source: 'provider-production',
    dataCategory: 'traffic',
    acquisition: { method: 'Production order to the provider', acquiredAt: '2026-11-01T15:00:00+08:00' },
    personalData: true,
    originCountry: 'SG',
  };

  beforeAll(async () => {
    pair = await startPair();
    await sendPreservation(pair);
    await settle([pair.vn, pair.sg]);
    sgRequestId = (await incomingAt(pair.sg, pair.users.sgDuty))[0]!.id;
    sgEvidenceId = (
      await pair.sg.app.node.services.evidence.add(
        operator,
        { requestId: sgRequestId, filename: 'traffic.pcap', mediaType: 'application/vnd.tcpdump.pcap', metadata },
        Readable.from([content]),
      )
    ).id;
  });
  afterAll(async () => pair.stop());

  /** A fetcher built afresh each time, as after a restart: it holds nothing in memory between attempts. */
  const fetcher = (impl: typeof fetch) => {
    const node = pair.vn.app.node;
    return createEvidenceFetcher({
      db: node.database.db,
      clock: pair.vn.clock,
      ids: uuidV7Ids,
      ownCountry: () => 'VN',
      keyring: () => keyringOf(pair.vn),
      ingest: node.services.evidence.ingest,
      store: fsContentStore(join(pair.vn.config.dataDir, 'evidence')),
      checkpoints: node.services.partnerCheckpoints,
      maxAttempts: 5,
      retryBaseSeconds: 2,
      retryMaxSeconds: 60,
      outbound: createOutboundHttp({ metrics: quietTelemetry().metrics, fetchImpl: impl }),
      telemetry: quietTelemetry(),
    });
  };

  const db = () => pair.vn.app.node.database.db;
  const partialPath = (transferId: string) =>
    join(pair.vn.config.dataDir, 'evidence', 'uploads', `${fetchPartialId(transferId, sha256)}.part`);

  /** Offers the item again (a new transfer) and lets a first fetch break after `cutAfter` sealed bytes. */
  async function offerAndBreak(cutAfter: number): Promise<{ transferId: string; first: ReturnType<typeof link> }> {
    const offered = await pair.sg.call('POST', `/api/v1/requests/${sgRequestId}/evidence-offers`, {
      as: pair.users.sgChief,
      body: { evidenceIds: [sgEvidenceId] },
    });
    expect(offered.statusCode, offered.body).toBe(202);
    await settle([pair.vn, pair.sg]);
    const first = link({ cutAfter });
    expect(await fetcher(first.impl).fetchDue()).toEqual({ received: 0, failed: 0, retrying: 1 });
    const transferId = offered.json<{ transferId: string }>().transferId;
    const row = await db()
      .selectFrom('evidence_transfers')
      .selectAll()
      .where('id', '=', transferId)
      .executeTakeFirstOrThrow();
    expect(row.last_error).toMatch(/broke off .*the next attempt resumes there/);
    // Progress does not use up the attempts, nor lengthen the back-off.
    expect(Number(row.attempts)).toBe(0);
    expect(Date.parse(row.next_attempt_at) - pair.vn.clock.now().getTime()).toBe(2000);
    pair.vn.clock.set(new Date(row.next_attempt_at));
    return { transferId, first };
  }

  /** The item arrived whole, recorded with its custody as any transfer, and its partial file is gone. */
  async function expectReceived(transferId: string): Promise<void> {
    const transfer = await db()
      .selectFrom('evidence_transfers')
      .selectAll()
      .where('id', '=', transferId)
      .executeTakeFirstOrThrow();
    expect(transfer).toMatchObject({ status: 'received', content_key: null });
    const custody = await db().selectFrom('custody_events').selectAll().where('type', '=', 'received').execute();
    const event = custody.find((e) => parseCustodyLeaf(e.leaf_data)?.details['transferId'] === transferId);
    expect(event).toBeDefined();
    const item = await db()
      .selectFrom('evidence_items')
      .selectAll()
      .where('id', '=', event!.evidence_id)
      .executeTakeFirstOrThrow();
    expect(item).toMatchObject({ sha256, size: content.length, origin_country: 'SG' });
    const types = (
      await db()
        .selectFrom('custody_events')
        .select('type')
        .where('evidence_id', '=', item.id)
        .orderBy('created_at')
        .orderBy('id')
        .execute()
    ).map((e) => e.type);
    expect(types.slice(0, 2)).toEqual(['received', 'hash-verified']);
    const download = await pair.vn.call('GET', `/api/v1/evidence/${item.id}/content`, { as: pair.users.vnDuty });
    expect(createHash('sha256').update(download.rawPayload).digest('hex')).toBe(sha256);
    await expect(stat(partialPath(transferId))).rejects.toMatchObject({ code: 'ENOENT' });
  }

  it('keeps the whole chunks that arrived and asks only for the rest', async () => {
    const { transferId, first } = await offerAndBreak(2 * sealedChunkSize + 1000);
    expect(first.log.map((f) => f.fromChunk)).toEqual([0]);
    // The partial file holds what arrived, torn chunk included; only whole chunks count.
    expect((await stat(partialPath(transferId))).size).toBe(2 * sealedChunkSize + 1000);

    const second = link();
    expect(await fetcher(second.impl).fetchDue()).toEqual({ received: 1, failed: 0, retrying: 0 });
    expect(second.log).toEqual([{ fromChunk: 2, status: 200, bytes: sealedTotal - 2 * sealedChunkSize }]);
    // Fetched once, plus the torn piece of the broken chunk; without resuming it would be 1.6 times the item.
    expect(first.total() + second.total()).toBe(sealedTotal + 1000);
    expect((await auditEntries(pair.sg, 'evidence.content-served')).at(-1)?.details).toMatchObject({
      transferId,
      fromChunk: 2,
    });
    await expectReceived(transferId);
  });

  it('starts over when a kept chunk no longer opens, and still stores the right item', async () => {
    const { transferId } = await offerAndBreak(2 * sealedChunkSize);
    const path = partialPath(transferId);
    const kept = await readFile(path);
    kept[100] = kept[100]! ^ 0x01;
    await writeFile(path, kept);

    const second = link();
    expect(await fetcher(second.impl).fetchDue()).toEqual({ received: 1, failed: 0, retrying: 0 });
    expect(second.log).toEqual([{ fromChunk: 0, status: 200, bytes: sealedTotal }]);
    await expectReceived(transferId);
  });

  it('starts over when the kept file is gone', async () => {
    const { transferId } = await offerAndBreak(3 * sealedChunkSize);
    await rm(partialPath(transferId));

    const second = link();
    expect(await fetcher(second.impl).fetchDue()).toEqual({ received: 1, failed: 0, retrying: 0 });
    expect(second.log.map((f) => f.fromChunk)).toEqual([0]);
    await expectReceived(transferId);
  });

  it('starts over when the sender refuses the offset', async () => {
    const { transferId } = await offerAndBreak(2 * sealedChunkSize);
    // Refused, started over, and broken again at the same place: nothing gained, so the attempt counts.
    const second = link({ refuseOffsets: true, cutAfter: 2 * sealedChunkSize });
    expect(await fetcher(second.impl).fetchDue()).toEqual({ received: 0, failed: 0, retrying: 1 });
    expect(second.log).toEqual([
      { fromChunk: 2, status: 400, bytes: 0 },
      { fromChunk: 0, status: 200, bytes: 2 * sealedChunkSize },
    ]);
    const row = await db()
      .selectFrom('evidence_transfers')
      .selectAll()
      .where('id', '=', transferId)
      .executeTakeFirstOrThrow();
    expect(Number(row.attempts)).toBe(1);
    pair.vn.clock.set(new Date(row.next_attempt_at));

    const third = link({ refuseOffsets: true });
    expect(await fetcher(third.impl).fetchDue()).toEqual({ received: 1, failed: 0, retrying: 0 });
    expect(third.log).toEqual([
      { fromChunk: 2, status: 400, bytes: 0 },
      { fromChunk: 0, status: 200, bytes: sealedTotal },
    ]);
    await expectReceived(transferId);
  });
});
