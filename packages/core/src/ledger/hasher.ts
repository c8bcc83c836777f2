import { createHash } from 'node:crypto';

/**
 * RFC 9162 §2.1.1 hashing with domain separation: a leaf is SHA-256(0x00 || data), an
 * interior node SHA-256(0x01 || left || right), so no interior node can pass as a leaf.
 */
export const hashSize = 32;

export function leafHash(data: Uint8Array): Uint8Array {
  return createHash('sha256').update(Uint8Array.of(0x00)).update(data).digest();
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  return createHash('sha256').update(Uint8Array.of(0x01)).update(left).update(right).digest();
}

export function emptyRoot(): Uint8Array {
  return createHash('sha256').digest();
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
