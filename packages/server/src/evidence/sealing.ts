import { createCipheriv, createDecipheriv, randomBytes, type CipherGCM, type DecipherGCM } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { DomainError } from '@hanoi247/core';
import type { ContentSealer } from './content-store.js';
import type { StorageKey } from './storage-key.js';

/**
 * Sealed object, version 1 (docs/adr/0008-crypto-formats.md §3): magic `h247gcm1` (8, its last
 * byte the version) ‖ GCM nonce (12) ‖ AES-256-GCM ciphertext ‖ tag (16). One random key per
 * object, so a nonce is never reused under a key.
 */
const magicFamily = Buffer.from('h247gcm', 'ascii');
const magic = Buffer.from('h247gcm1', 'ascii');
const nonceBytes = 12;
const tagBytes = 16;
const headerBytes = magic.length + nonceBytes;

/** RFC 3394 key wrap (OpenSSL's id-aes256-wrap) with its default initial value. */
const keyWrapIv = Buffer.from('A6A6A6A6A6A6A6A6', 'hex');
const wrapPrefix = 'aes256kw';

export interface ItemKey {
  readonly key: Buffer;
}

export function newItemKey(): ItemKey {
  return { key: randomBytes(32) };
}

/** `aes256kw:<storage key id>:<base64url>`: the key id says which storage key unwraps it. */
export function wrapItemKey(storageKey: StorageKey, item: ItemKey): string {
  const cipher = createCipheriv('id-aes256-wrap', storageKey.key, keyWrapIv);
  const wrapped = Buffer.concat([cipher.update(item.key), cipher.final()]);
  return `${wrapPrefix}:${storageKey.id}:${wrapped.toString('base64url')}`;
}

export function wrappedKeyId(wrapped: string): string {
  const [prefix, id] = wrapped.split(':');
  if (prefix !== wrapPrefix || id === undefined) {
    throw new DomainError('evidence/integrity-failed', 'the wrapped key of this item is not in a known format');
  }
  return id;
}

/** The unwrap checks RFC 3394's integrity value: a wrong storage key or altered text fails here. */
export function unwrapItemKey(storageKey: StorageKey, wrapped: string): ItemKey {
  const parts = wrapped.split(':');
  if (parts.length !== 3 || parts[0] !== wrapPrefix || parts[1] !== storageKey.id) {
    throw new DomainError(
      'evidence/storage-key-missing',
      'the item key was wrapped by another storage key: restore keys/storage.key from backup',
    );
  }
  try {
    const decipher = createDecipheriv('id-aes256-wrap', storageKey.key, keyWrapIv);
    return { key: Buffer.concat([decipher.update(Buffer.from(parts[2] ?? '', 'base64url')), decipher.final()]) };
  } catch (cause) {
    throw new DomainError('evidence/integrity-failed', 'the item key does not unwrap under the storage key', { cause });
  }
}

/** `nonce` is given only to reproduce the published test vectors; objects are sealed with a random one. */
export function gcmSealer(item: ItemKey, nonce: Buffer = randomBytes(nonceBytes)): ContentSealer {
  if (nonce.length !== nonceBytes) throw new RangeError('the GCM nonce is 12 bytes');
  const cipher: CipherGCM = createCipheriv('aes-256-gcm', item.key, nonce);
  return {
    header: () => Buffer.concat([magic, nonce]),
    update: (chunk) => cipher.update(chunk),
    final: () => Buffer.concat([cipher.final(), cipher.getAuthTag()]),
  };
}

const integrity = (detail: string, cause?: unknown) =>
  new DomainError('evidence/integrity-failed', detail, cause === undefined ? {} : { cause });

/**
 * Stored bytes in, plaintext out. The tag is the stream's last 16 bytes, so they are held back
 * until the end; GCM checks it at `final`, which fails the stream if one bit changed. Plaintext
 * flows before that check: callers that must not release unverified bytes verify first.
 */
export class GcmOpener extends Transform {
  private decipher: DecipherGCM | null = null;
  private head: Buffer = Buffer.alloc(0);
  private tail: Buffer = Buffer.alloc(0);

  constructor(private readonly item: ItemKey) {
    super({ highWaterMark: 1024 * 1024 });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      let data = chunk;
      if (this.decipher === null) {
        this.head = Buffer.concat([this.head, data]);
        if (this.head.length < headerBytes) return callback();
        if (!this.head.subarray(0, magic.length).equals(magic)) {
          throw integrity(
            this.head.subarray(0, magicFamily.length).equals(magicFamily)
              ? `the stored content is sealed in format version ${this.head.toString('latin1', 7, 8)}, ` +
                  'which this node does not read'
              : 'the stored content is not a sealed object',
          );
        }
        this.decipher = createDecipheriv('aes-256-gcm', this.item.key, this.head.subarray(magic.length, headerBytes));
        data = this.head.subarray(headerBytes);
        this.head = Buffer.alloc(0);
      }
      this.pushCiphertext(data);
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  /** Everything but the last 16 bytes seen so far is ciphertext. */
  private pushCiphertext(data: Buffer): void {
    const decipher = this.decipher as DecipherGCM;
    if (data.length >= tagBytes) {
      if (this.tail.length > 0) this.push(decipher.update(this.tail));
      this.push(decipher.update(data.subarray(0, data.length - tagBytes)));
      this.tail = Buffer.from(data.subarray(data.length - tagBytes));
      return;
    }
    const joined = Buffer.concat([this.tail, data]);
    const cut = Math.max(0, joined.length - tagBytes);
    if (cut > 0) this.push(decipher.update(joined.subarray(0, cut)));
    this.tail = joined.subarray(cut);
  }

  override _flush(callback: TransformCallback): void {
    if (this.decipher === null || this.tail.length !== tagBytes) {
      callback(integrity('the sealed content is truncated'));
      return;
    }
    try {
      this.decipher.setAuthTag(this.tail);
      this.push(this.decipher.final());
      callback();
    } catch (cause) {
      callback(integrity('the sealed content fails its authentication tag: it was altered', cause));
    }
  }
}

/**
 * Partial uploads wait on disk for hours, so they are encrypted too: AES-256-CTR under a random
 * per-upload key, because a resumed PATCH must continue at any byte offset. Integrity comes
 * later, from the SHA-256 and GCM of the completed item.
 */
export interface PartialSealing {
  readonly wrappedKey: string;
  /** The initial counter block, hex. */
  readonly iv: string;
}

export function newPartialSealing(storageKey: StorageKey): PartialSealing {
  return { wrappedKey: wrapItemKey(storageKey, newItemKey()), iv: randomBytes(16).toString('hex') };
}

/** The CTR keystream positioned at `offset`: counter block iv + ⌊offset/16⌋, then the rest of that block skipped. */
export function ctrAt(item: ItemKey, ivHex: string, offset: number): (chunk: Buffer) => Buffer {
  const block = (BigInt(`0x${ivHex}`) + BigInt(Math.floor(offset / 16))) % (1n << 128n);
  const cipher = createCipheriv('aes-256-ctr', item.key, Buffer.from(block.toString(16).padStart(32, '0'), 'hex'));
  const skip = offset % 16;
  if (skip > 0) cipher.update(Buffer.alloc(skip));
  return (chunk) => cipher.update(chunk);
}
