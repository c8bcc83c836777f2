import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { DomainError, isDomainError } from '@hanoi247/core';
import type { PartialStore } from '../evidence/content-store.js';
import {
  contentChunkSize,
  decryptContent,
  openContentChunk,
  sealedChunkSize,
  type StreamKey,
} from '../federation/content-stream-cipher.js';

/**
 * Resuming a partner's evidence content (docs/protocols/federation.md §9.5). The sealed stream is
 * written as it arrives to a partial file named after the transfer and the item, so a broken link
 * or a restarted node keeps it: the file itself is the record of progress, and no migration or row
 * has to agree with it. The bytes stay sealed with the transfer's key while they wait, so nothing
 * readable lies on disk even without encryption at rest. Only once the whole stream is there is it
 * opened from its first chunk into the ingest, which hashes all of it against the offer.
 */

const tagBytes = sealedChunkSize - contentChunkSize;

/** A UUID-shaped name (what the partial store accepts) that a restarted node derives again. */
export function fetchPartialId(transferId: string, sha256: string): string {
  const h = createHash('sha256').update(`hanoi247 evidence fetch\n${transferId}\n${sha256}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** The length of the whole sealed stream for `size` plaintext bytes (one chunk at least, the last possibly short). */
export function sealedLength(size: number): number {
  return size + tagBytes * Math.max(1, Math.ceil(size / contentChunkSize));
}

const isMissing = (error: unknown) => (error as { code?: unknown }).code === 'ENOENT';

function opensAsMiddle(stream: StreamKey, counter: number, sealed: Buffer): boolean {
  try {
    openContentChunk(stream, counter, false, sealed);
    return true;
  } catch (error) {
    if (isDomainError(error) && error.code === 'federation/undecryptable') return false;
    throw error;
  }
}

/**
 * How many leading sealed chunks of an earlier attempt can be kept: 'none' without a file,
 * 'corrupt' when a chunk fails to open and more chunks follow it. A last whole chunk that fails is
 * not corruption: it may be the final chunk (flagged last, so it never opens as a middle one) or a
 * torn write, and is fetched again; so is a trailing piece shorter than a chunk. The first
 * `checked` chunks were opened before and are only counted.
 */
export async function keptChunks(
  partials: PartialStore,
  id: string,
  stream: StreamKey,
  checked = 0,
): Promise<number | 'none' | 'corrupt'> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let kept = 0;
  let failed = false;
  try {
    for await (const data of partials.open(id) as AsyncIterable<Buffer>) {
      pending.push(data);
      pendingBytes += data.length;
      while (pendingBytes >= sealedChunkSize) {
        const all = Buffer.concat(pending, pendingBytes);
        const chunk = all.subarray(0, sealedChunkSize);
        pending = [all.subarray(sealedChunkSize)];
        pendingBytes -= sealedChunkSize;
        if (failed) return 'corrupt';
        if (kept < checked || opensAsMiddle(stream, kept, chunk)) kept += 1;
        else failed = true;
      }
    }
  } catch (error) {
    if (isMissing(error)) return 'none';
    throw error;
  }
  return kept;
}

export interface ResumableFetch {
  readonly partials: PartialStore;
  readonly partialId: string;
  readonly stream: StreamKey;
  /** Plaintext size as offered. */
  readonly size: number;
  /** Asks the sender for the sealed stream from chunk `fromChunk` on. */
  readonly request: (fromChunk: number) => Promise<Response>;
  /** Told, when the link broke, how many more chunks are kept than when the attempt began. */
  readonly onBroken?: (gained: number) => void;
  /** Names the item in errors. */
  readonly label: string;
}

/** A sender that cannot serve the offset (it answers "invalid"): the whole stream is asked for again. */
const offsetRefused = (status: number) => status === 400 || status === 416 || status === 422;

/**
 * The body as it arrives, ending quietly where the link broke (noted in `broke`): a stream that
 * errors instead would drop the bytes it had buffered but not yet handed on, which did arrive.
 */
async function* arriving(body: WebReadableStream<Uint8Array>, broke: { error: unknown }): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } catch (error) {
    broke.error = error ?? new Error('the link broke');
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

async function drop(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

/**
 * Completes the item's sealed stream in its partial file, resuming after what earlier attempts
 * kept, and returns its plaintext. A broken link throws (the bytes that arrived stay for the next
 * attempt); the plaintext stream fails if any chunk does not open.
 */
export async function fetchResumable(fetch: ResumableFetch): Promise<Readable> {
  const { partials, partialId: id, stream } = fetch;
  const kept = await keptChunks(partials, id, stream);
  if (kept === 'corrupt') await partials.remove(id);
  if (kept === 'corrupt' || kept === 'none') await partials.create(id);
  const before = typeof kept === 'number' ? kept : 0;
  let from = before;
  let response = await fetch.request(from);
  if (from > 0 && offsetRefused(response.status)) {
    await drop(response);
    from = 0;
    response = await fetch.request(0);
  }
  if (!response.ok || response.body === null) {
    await drop(response);
    throw new DomainError(
      'storage/unavailable',
      `the partner answered ${response.status} for the content of ${fetch.label}`,
    );
  }
  const offset = from * sealedChunkSize;
  const broke: { error: unknown } = { error: null };
  const body = Readable.from(arriving(response.body as WebReadableStream<Uint8Array>, broke));
  // Truncates to `offset` first: a torn chunk or a final chunk from an earlier attempt goes.
  const { written } = await partials
    .write(id, offset, body, sealedLength(fetch.size) - offset)
    .finally(() => body.destroy());
  if (broke.error !== null) {
    // Counted from chunks that open, so a sender that resends the same prefix, or garbage, gains nothing.
    const after = await keptChunks(partials, id, stream, from);
    fetch.onBroken?.(typeof after === 'number' ? after - before : -before);
    const message = broke.error instanceof Error ? broke.error.message : 'the link broke';
    throw new DomainError(
      'storage/unavailable',
      `the content of ${fetch.label} broke off after ${offset + written} sealed ` +
        `bytes (${message}); the next attempt resumes there`,
    );
  }
  const plain = decryptContent(stream);
  const sealed = partials.open(id);
  sealed.on('error', (error) => plain.destroy(error));
  return sealed.pipe(plain);
}
