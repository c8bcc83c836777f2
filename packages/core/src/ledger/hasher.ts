import { hash } from 'node:crypto';
import { hashSize } from './hash-bytes.js';

export { bytesEqual, hashSize } from './hash-bytes.js';

/*
 * RFC 9162 §2.1.1 hashing with domain separation: a leaf is SHA-256(0x00 || data), an
 * interior node SHA-256(0x01 || left || right), so no interior node can pass as a leaf.
 * One-shot `crypto.hash` over one buffer: for 65-byte inputs Node's per-call overhead, not
 * SHA-256, is the cost, and a streaming hash with three updates costs about 1.6× as much.
 * The browser has portable-hasher.ts instead.
 */

const leafPrefix = Uint8Array.of(0x00);
const nodePrefix = Uint8Array.of(0x01);
/** Reused input for nodeHash: hashing is synchronous, so no other call can see it half written. */
const nodeInput = Buffer.alloc(1 + 2 * hashSize);
nodeInput[0] = 0x01;

export function leafHash(data: Uint8Array): Uint8Array {
  return hash('sha256', Buffer.concat([leafPrefix, data]), 'buffer');
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  if (left.length !== hashSize || right.length !== hashSize) {
    return hash('sha256', Buffer.concat([nodePrefix, left, right]), 'buffer');
  }
  nodeInput.set(left, 1);
  nodeInput.set(right, 1 + hashSize);
  return hash('sha256', nodeInput, 'buffer');
}

export function emptyRoot(): Uint8Array {
  return hash('sha256', new Uint8Array(0), 'buffer');
}
