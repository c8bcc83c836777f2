import { createCipheriv, createDecipheriv } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { DomainError } from '@hanoi247/core';

/**
 * The STREAM construction over AES-256-GCM for evidence content between nodes (see
 * docs/protocols/federation.md, "Evidence content"): fixed 1 MiB plaintext chunks, each sealed
 * with nonce = 7-byte prefix ‖ 4-byte big-endian counter ‖ final flag (1 for the last chunk,
 * which may be empty). Reordered, dropped, truncated or extended streams fail to open.
 */
export const contentChunkSize = 1_048_576;
const tagSize = 16;
export const sealedChunkSize = contentChunkSize + tagSize;

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

function seal(key: Buffer, prefix: Buffer, counter: number, last: boolean, plaintext: Buffer): Buffer {
  const cipher = createCipheriv('aes-256-gcm', key, nonce(prefix, counter, last));
  return Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}

/** Opens one sealed chunk; exported so a receiver can check chunks it kept from an interrupted fetch. */
export function openContentChunk(key: Buffer, prefix: Buffer, counter: number, last: boolean, sealed: Buffer): Buffer {
  if (sealed.length < tagSize) {
    throw new DomainError('federation/undecryptable', `evidence content chunk ${counter} is truncated`);
  }
  const decipher = createDecipheriv('aes-256-gcm', key, nonce(prefix, counter, last));
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
export function encryptContent(key: Buffer, prefix: Buffer, fromChunk = 0): Transform {
  return chunked(contentChunkSize, fromChunk, (counter, last, piece) => seal(key, prefix, counter, last, piece));
}

/** Opens sealed chunks starting at chunk `fromChunk`; fails unless the stream ends with the final chunk. */
export function decryptContent(key: Buffer, prefix: Buffer, fromChunk = 0): Transform {
  return chunked(sealedChunkSize, fromChunk, (counter, last, piece) =>
    openContentChunk(key, prefix, counter, last, piece),
  );
}
