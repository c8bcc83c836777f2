import { createHash, type Hash } from 'node:crypto';
import { pipeline, Transform, Writable, type Readable, type TransformCallback } from 'node:stream';
import { pipeline as pipelineAsync } from 'node:stream/promises';
import { DomainError } from '@hanoi247/core';
import { ingestChunkBytes, type ContentStore } from './content-store.js';
import { GcmOpener, unwrapItemKey } from './sealing.js';
import type { StorageKeyProvider } from './storage-key.js';

/** What a reader needs to find an item's content and prove it is the content recorded. */
export interface ContentLocator {
  readonly sha256: string;
  readonly size: number;
  /** Null: stored in clear. */
  readonly wrappedKey: string | null;
}

/** Passes plaintext through and fails the stream at its end unless size and SHA-256 match. */
class DigestCheck extends Transform {
  private readonly hash: Hash = createHash('sha256');
  private seen = 0;

  constructor(private readonly expected: ContentLocator) {
    super({ highWaterMark: ingestChunkBytes });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.seen += chunk.length;
    this.hash.update(chunk);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    const actual = this.hash.digest('hex');
    if (actual !== this.expected.sha256 || this.seen !== this.expected.size) {
      callback(
        new DomainError('evidence/integrity-failed', 'the stored content no longer matches its recorded SHA-256'),
      );
      return;
    }
    callback();
  }
}

/**
 * The item's plaintext, checked as it streams: GCM tag (sealed items), then size and SHA-256
 * against the record. A mismatch errors the stream at its end, so a consumer that only acts on
 * a complete stream (an export, a transfer) never acts on altered content.
 */
export async function openVerifiedContent(
  store: ContentStore,
  keys: StorageKeyProvider,
  item: ContentLocator,
): Promise<Readable> {
  const opener = item.wrappedKey === null ? null : await openerFor(keys, item.wrappedKey);
  const raw = await store.open(item.sha256);
  const check = new DigestCheck(item);
  const noop = () => undefined;
  return opener === null ? pipeline(raw, check, noop) : pipeline(raw, opener, check, noop);
}

async function openerFor(keys: StorageKeyProvider, wrappedKey: string): Promise<GcmOpener> {
  const storageKey = await keys.get(false);
  if (storageKey === null) {
    throw new DomainError(
      'evidence/storage-key-missing',
      'this item is sealed but keys/storage.key is missing: restore it from backup',
    );
  }
  return new GcmOpener(unwrapItemKey(storageKey, wrappedKey));
}

/** Reads the whole item once and discards it: resolves only if every check passes. */
export async function verifyContent(
  store: ContentStore,
  keys: StorageKeyProvider,
  item: ContentLocator,
): Promise<void> {
  const discard = new Writable({ write: (_chunk, _encoding, callback) => callback(), highWaterMark: ingestChunkBytes });
  await pipelineAsync(await openVerifiedContent(store, keys, item), discard);
}
