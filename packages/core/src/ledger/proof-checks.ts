import { bytesEqual, hashSize } from './hash-bytes.js';

/** SHA-256(0x01 ‖ left ‖ right): an interior node of the tree (RFC 9162 §2.1.1). */
export type NodeHash = (left: Uint8Array, right: Uint8Array) => Uint8Array;

export interface ProofChecks {
  readonly verifyInclusion: (
    leaf: Uint8Array,
    index: number,
    treeSize: number,
    proof: readonly Uint8Array[],
    root: Uint8Array,
  ) => boolean;
  readonly verifyConsistency: (
    oldSize: number,
    newSize: number,
    oldRoot: Uint8Array,
    newRoot: Uint8Array,
    proof: readonly Uint8Array[],
  ) => boolean;
}

/**
 * Proof verification exactly as RFC 9162 §2.1.3.2 and §2.1.4.2 describe it: pure, no
 * recursion over data the attacker controls, every length and index checked first. The node
 * hash is given, not imported: Node's OpenSSL on the server, a portable SHA-256 in the browser
 * (browser.ts), one algorithm for both.
 */
export function proofChecks(nodeHash: NodeHash): ProofChecks {
  function verifyInclusion(
    leaf: Uint8Array,
    index: number,
    treeSize: number,
    proof: readonly Uint8Array[],
    root: Uint8Array,
  ): boolean {
    if (!Number.isSafeInteger(index) || !Number.isSafeInteger(treeSize) || index < 0 || index >= treeSize) return false;
    if (leaf.length !== hashSize || root.length !== hashSize || proof.some((p) => p.length !== hashSize)) return false;
    let fn = index;
    let sn = treeSize - 1;
    let r = leaf;
    for (const p of proof) {
      if (sn === 0) return false;
      if (fn % 2 === 1 || fn === sn) {
        r = nodeHash(p, r);
        if (fn % 2 === 0) {
          while (fn % 2 === 0 && fn !== 0) {
            fn = Math.floor(fn / 2);
            sn = Math.floor(sn / 2);
          }
        }
      } else {
        r = nodeHash(r, p);
      }
      fn = Math.floor(fn / 2);
      sn = Math.floor(sn / 2);
    }
    return sn === 0 && bytesEqual(r, root);
  }

  function verifyConsistency(
    oldSize: number,
    newSize: number,
    oldRoot: Uint8Array,
    newRoot: Uint8Array,
    proof: readonly Uint8Array[],
  ): boolean {
    if (!Number.isSafeInteger(oldSize) || !Number.isSafeInteger(newSize) || oldSize < 0 || oldSize > newSize) {
      return false;
    }
    if (oldRoot.length !== hashSize || newRoot.length !== hashSize || proof.some((p) => p.length !== hashSize)) {
      return false;
    }
    if (oldSize === newSize) return proof.length === 0 && bytesEqual(oldRoot, newRoot);
    if (oldSize === 0) return proof.length === 0;
    if (proof.length === 0) return false;
    const path = isPowerOfTwo(oldSize) ? [oldRoot, ...proof] : [...proof];
    let fn = oldSize - 1;
    let sn = newSize - 1;
    while (fn % 2 === 1) {
      fn = Math.floor(fn / 2);
      sn = Math.floor(sn / 2);
    }
    let fr = path[0]!;
    let sr = path[0]!;
    for (const c of path.slice(1)) {
      if (sn === 0) return false;
      if (fn % 2 === 1 || fn === sn) {
        fr = nodeHash(c, fr);
        sr = nodeHash(c, sr);
        if (fn % 2 === 0) {
          while (fn % 2 === 0 && fn !== 0) {
            fn = Math.floor(fn / 2);
            sn = Math.floor(sn / 2);
          }
        }
      } else {
        sr = nodeHash(sr, c);
      }
      fn = Math.floor(fn / 2);
      sn = Math.floor(sn / 2);
    }
    return sn === 0 && bytesEqual(fr, oldRoot) && bytesEqual(sr, newRoot);
  }

  return { verifyInclusion, verifyConsistency };
}

/** Arithmetic, not bitwise: tree sizes may pass 2^31. */
function isPowerOfTwo(n: number): boolean {
  let m = n;
  while (m > 1 && m % 2 === 0) m /= 2;
  return m === 1;
}
