import { sha256 } from '@noble/hashes/sha2.js';

/**
 * The RFC 9162 leaf and node hashes of hasher.ts without Node's crypto module, for code that
 * runs in the browser (browser.ts). The server keeps hasher.ts: Node's one-shot hash is about
 * twice as fast on the 65-byte inputs of the tree, which the ledger hashes by the thousand.
 */
export function portableLeafHash(data: Uint8Array): Uint8Array {
  const input = new Uint8Array(1 + data.length);
  input.set(data, 1);
  return sha256(input);
}

export function portableNodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  const input = new Uint8Array(1 + left.length + right.length);
  input[0] = 0x01;
  input.set(left, 1);
  input.set(right, 1 + left.length);
  return sha256(input);
}
