import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import {
  contentCipherSchema,
  contentCipherVersion,
  DomainError,
  type ContentCipher,
  type ContentStreamVersion,
} from '@hanoi247/core';

/**
 * The STREAM construction over AES-256-GCM for evidence content between nodes (docs/adr/0008,
 * docs/protocols/federation.md §9.5): fixed 1 MiB plaintext chunks, each sealed with nonce =
 * 7-byte prefix ‖ 4-byte big-endian counter ‖ final flag (1 for the last chunk, which may be
 * empty). Reordered, dropped, truncated or extended streams fail to open.
 */
export const contentChunkSize = 1_048_576;
const tagSize = 16;
export const sealedChunkSize = contentChunkSize + tagSize;

/** What one item's chunks are sealed with. */
export interface StreamKey {
  readonly key: Buffer;
  readonly noncePrefix: Buffer;
}

/** HKDF info of version 2; the item's SHA-256 (lower-case hex) follows it. */
export const contentStreamV2Info = 'hanoi247 content-stream v2\n';

/**
 * Version 1 seals every item of a transfer with the transfer's key and prefix, so the chunks
 * of two items share nonces. Version 2 gives each item its own key, HKDF-SHA256 of the
 * transfer's key (no salt: it is 32 uniformly random bytes, RFC 5869 §3.1) with the item's
 * SHA-256 in the info, as Tink derives a key per stream: a nonce is then never reused under a
 * key, and a chunk of one item does not open as a chunk of another.
 */
export function itemStreamKey(cipher: ContentCipher, sha256: string): StreamKey {
  const key = Buffer.from(cipher.key, 'base64url');
  const noncePrefix = Buffer.from(cipher.noncePrefix, 'base64url');
  if (contentCipherVersion(cipher) === 1) return { key, noncePrefix };
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new RangeError('the item is named by its lower-case hex SHA-256');
  return {
    key: Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), `${contentStreamV2Info}${sha256}`, 32)),
    noncePrefix,
  };
}

/**
 * A transfer's content cipher as the node stored it (`evidence_transfers.content_key`): either
 * version, so transfers offered or received before version 2 keep working.
 */
export function storedContentCipher(stored: string): ContentCipher {
  const parsed = contentCipherSchema.safeParse(JSON.parse(stored));
  if (!parsed.success) {
    throw new DomainError('bug/invariant-violated', 'a stored content cipher is in no known version');
  }
  return parsed.data;
}

/** A fresh random key and nonce prefix for one transfer, in the version the partner reads. */
export function newContentCipher(version: ContentStreamVersion): ContentCipher {
  const key = randomBytes(32).toString('base64url');
  const noncePrefix = randomBytes(7).toString('base64url');
  return version === 1
    ? { algorithm: 'A256GCM-STREAM', chunkSize: 1_048_576, key, noncePrefix }
    : { v: 2, algorithm: 'A256GCM-HKDF-STREAM', chunkSize: 1_048_576, key, noncePrefix };
}

function nonce(prefix: Buffer, counter: number, last: boolean): Buffer {
  if (prefix.length !== 7) throw new RangeError('the nonce prefix is 7 bytes');
  if (!Number.isInteger(counter) || counter < 0 || counter > 0xffffffff) {
    throw new RangeError('too many chunks for one stream');
  }
  const out = Buffer.alloc(12);
  prefix.copy(out, 0);
  out.writeUInt32BE(counter, 7);
  out[11] = last ? 1 : 0;
  return out;
}

function seal({ key, noncePrefix }: StreamKey, counter: number, last: boolean, plaintext: Buffer): Buffer {
  const cipher = createCipheriv('aes-256-gcm', key, nonce(noncePrefix, counter, last));
  return Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}

/** Opens one sealed chunk; exported so a receiver can check chunks it kept from an interrupted fetch. */
export function openContentChunk(stream: StreamKey, counter: number, last: boolean, sealed: Buffer): Buffer {
  if (sealed.length < tagSize) {
    throw new DomainError('federation/undecryptable', `evidence content chunk ${counter} is truncated`);
  }
  const decipher = createDecipheriv('aes-256-gcm', stream.key, nonce(stream.noncePrefix, counter, last));
  decipher.setAuthTag(sealed.subarray(sealed.length - tagSize));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - tagSize)), decipher.final()]);
  } catch {
    throw new DomainError(
      'federation/undecryptable',
      `evidence content chunk ${counter} does not authenticate (altered, reordered or truncated)`,
    );
  }
}

/** Collects input into exact-size pieces; the remainder waits for more or for the end. */
class Chunker {
  private parts: Buffer[] = [];
  private length = 0;
  constructor(private readonly size: number) {}
  push(data: Buffer): Buffer[] {
    this.parts.push(data);
    this.length += data.length;
    const out: Buffer[] = [];
    if (this.length < this.size) return out;
    let all = Buffer.concat(this.parts, this.length);
    while (all.length >= this.size) {
      out.push(all.subarray(0, this.size));
      all = all.subarray(this.size);
    }
    this.parts = all.length > 0 ? [all] : [];
    this.length = all.length;
    return out;
  }
  rest(): Buffer {
    return Buffer.concat(this.parts, this.length);
  }
}

/**
 * Cuts a stream into `size` pieces and hands each to `process` with its counter and whether it is
 * the last. Whether a full piece is last is known only when the stream ends, so one is held back;
 * the last piece may be short or empty.
 */
function chunked(
  size: number,
  fromChunk: number,
  process: (counter: number, last: boolean, piece: Buffer) => Buffer,
): Transform {
  const chunker = new Chunker(size);
  let counter = fromChunk;
  let held: Buffer | null = null;
  return new Transform({
    transform(data: Buffer, _encoding, done: TransformCallback) {
      try {
        for (const piece of chunker.push(data)) {
          if (held !== null) this.push(process(counter++, false, held));
          held = Buffer.from(piece);
        }
        done();
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done: TransformCallback) {
      try {
        const rest = chunker.rest();
        if (held !== null && rest.length === 0) {
          this.push(process(counter++, true, held));
        } else {
          if (held !== null) this.push(process(counter++, false, held));
          this.push(process(counter++, true, rest));
        }
        done();
      } catch (error) {
        done(error as Error);
      }
    },
  });
}

/**
 * Encrypts plaintext into sealed chunks, starting at chunk `fromChunk` (the caller has skipped
 * fromChunk × 1 MiB of plaintext), so an interrupted fetch resumes at a chunk boundary.
 */
export function encryptContent(stream: StreamKey, fromChunk = 0): Transform {
  return chunked(contentChunkSize, fromChunk, (counter, last, piece) => seal(stream, counter, last, piece));
}

/** Opens sealed chunks starting at chunk `fromChunk`; fails unless the stream ends with the final chunk. */
export function decryptContent(stream: StreamKey, fromChunk = 0): Transform {
  return chunked(sealedChunkSize, fromChunk, (counter, last, piece) => openContentChunk(stream, counter, last, piece));
}
