import { createHash } from 'node:crypto';
import { emptyRoot, nodeHash } from '../hasher.js';
import { consistencyProof, inclusionProof, rootOf } from '../merkle-tree.js';
import { referenceLeafData, referenceLeaves } from '../rfc6962.fixtures.js';

/**
 * Generates the committed vectors in testdata/{inclusion,consistency}.json from the RFC 6962
 * reference tree with the naive reference implementation (merkle-tree.ts, itself checked
 * against the published roots): each valid proof, then systematic mutations after
 * transparency-dev/merkle's testdata. `wantErr` says whether a verifier must refuse it.
 * Regenerate with `npx tsx scripts/generate-ledger-vectors.ts`; vectors.test.ts fails when the
 * committed files and this generator disagree. Hashes and data are standard base64.
 */
export interface InclusionVector {
  readonly desc: string;
  readonly leafIndex: number;
  readonly treeSize: number;
  /** The leaf's data: verifiers hash it themselves (0x00 prefix), which is what domain separation protects. */
  readonly leafData: string;
  readonly proof: readonly string[];
  readonly root: string;
  readonly wantErr: boolean;
}

export interface ConsistencyVector {
  readonly desc: string;
  readonly size1: number;
  readonly size2: number;
  readonly root1: string;
  readonly root2: string;
  readonly proof: readonly string[];
  readonly wantErr: boolean;
}

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
const label = (text: string): Uint8Array => createHash('sha256').update(text).digest();
const garbage = label('hanoi247 ledger vectors: garbage component');
const randomRoot = label('hanoi247 ledger vectors: random root');
const tree = (size: number) => referenceLeaves.slice(0, size);
const isPowerOfTwo = (n: number) => n > 0 && (n & (n - 1)) === 0;

function flipped(bytes: Uint8Array, bit: number): Uint8Array {
  const copy = Uint8Array.from(bytes);
  const at = Math.floor(bit / 8) % copy.length;
  copy[at] = copy[at]! ^ (1 << bit % 8);
  return copy;
}

/** The structural mutations every proof gets: each component flipped and removed, garbage around it, nothing at all. */
function proofMutations(proof: readonly Uint8Array[]): [string, Uint8Array[]][] {
  const out: [string, Uint8Array[]][] = [];
  proof.forEach((_, j) => {
    out.push([`component ${j} bit-flipped`, proof.map((p, i) => (i === j ? flipped(p, 8 * j + 3) : p))]);
    out.push([`component ${j} removed`, proof.filter((_, i) => i !== j)]);
  });
  out.push(['trailing garbage', [...proof, garbage]], ['preceding garbage', [garbage, ...proof]]);
  if (proof.length >= 2) out.push(['garbage inserted in the middle', [proof[0]!, garbage, ...proof.slice(1)]]);
  if (proof.length > 0) out.push(['empty proof', []]);
  return out;
}

const mutatedInclusion: readonly [number, number][] = [[0, 1], [1, 2], [2, 3], [0, 5], [4, 5], [3, 7], [6, 7], [0, 8], [5, 8]];
const mutatedConsistency: readonly [number, number][] = [[1, 2], [1, 8], [2, 5], [3, 7], [4, 7], [4, 8], [6, 8], [7, 8]];

function inclusion(desc: string, leafIndex: number, treeSize: number, data: Uint8Array, proof: readonly Uint8Array[], root: Uint8Array, wantErr: boolean): InclusionVector {
  return { desc, leafIndex, treeSize, leafData: b64(data), proof: proof.map(b64), root: b64(root), wantErr };
}

function inclusionMutations(index: number, size: number): InclusionVector[] {
  const proof = inclusionProof(index, tree(size));
  const root = rootOf(tree(size));
  const data = referenceLeafData[index]!;
  const at = (desc: string, i: number, n: number, d: Uint8Array, p: readonly Uint8Array[], r: Uint8Array) => inclusion(`leaf ${index} of ${size}: ${desc}`, i, n, d, p, r, true);
  const out = [
    at('leaf index + 1', index + 1, size, data, proof, root),
    at('tree size × 2', index, size * 2, data, proof, root),
    at('tree size ÷ 2', index, Math.floor(size / 2), data, proof, root),
    at('root of another size', index, size, data, proof, rootOf(tree(size === 8 ? 7 : size + 1))),
    at('random root', index, size, data, proof, randomRoot),
    at('root of the empty tree', index, size, data, proof, emptyRoot()),
    at('leaf data changed', index, size, data.length === 0 ? Uint8Array.of(0) : flipped(data, 0), proof, root),
  ];
  if (index > 0) out.push(at('leaf index − 1', index - 1, size, data, proof, root));
  if (size > 1) out.push(at('another leaf\u2019s data', index, size, referenceLeafData[(index + 1) % size]!, proof, root));
  for (const [desc, mutated] of proofMutations(proof)) out.push(at(desc, index, size, data, mutated, root));
  return out;
}

/** RFC 6962 prefixes: an interior node's preimage hashed as a leaf is a different hash. Odd trees never duplicate their last leaf. */
function separationAndOddSizes(): InclusionVector[] {
  const [l0, l1, l2, l3] = referenceLeaves as unknown as [Uint8Array, Uint8Array, Uint8Array, Uint8Array];
  const preimage = Buffer.concat([Uint8Array.of(0x01), l0, l1]);
  const out = [
    inclusion('interior node preimage (0x01‖l0‖l1) as leaf 0 of a 2-leaf view of the 4-leaf tree', 0, 2, preimage, [nodeHash(l2, l3)], rootOf(tree(4)), true),
    inclusion('interior node children (l0‖l1) as leaf 0 of a 2-leaf view of the 4-leaf tree', 0, 2, preimage.subarray(1), [nodeHash(l2, l3)], rootOf(tree(4)), true),
    inclusion('interior node preimage (0x01‖l0‖l1) as the only leaf of the 2-leaf tree', 0, 1, preimage, [], rootOf(tree(2)), true),
  ];
  for (const size of [3, 5, 7]) {
    const duplicated = [...tree(size), referenceLeaves[size - 1]!];
    const last = referenceLeafData[size - 1]!;
    out.push(
      inclusion(`odd size ${size}: last leaf duplicated to even the tree, proved against the true root`, size, size + 1, last, inclusionProof(size, duplicated), rootOf(tree(size)), true),
      inclusion(`odd size ${size}: proof from the duplicated tree`, size - 1, size, last, inclusionProof(size - 1, duplicated), rootOf(tree(size)), true),
      inclusion(`odd size ${size}: root of the duplicated tree`, size - 1, size, last, inclusionProof(size - 1, tree(size)), rootOf(duplicated), true),
    );
  }
  return out;
}

export function inclusionVectors(): InclusionVector[] {
  const valid: InclusionVector[] = [];
  for (let size = 1; size <= 8; size += 1) {
    for (let index = 0; index < size; index += 1) {
      valid.push(inclusion(`valid: leaf ${index} of ${size}`, index, size, referenceLeafData[index]!, inclusionProof(index, tree(size)), rootOf(tree(size)), false));
    }
  }
  return [...valid, ...mutatedInclusion.flatMap(([index, size]) => inclusionMutations(index, size)), ...separationAndOddSizes()];
}

function consistency(desc: string, size1: number, size2: number, root1: Uint8Array, root2: Uint8Array, proof: readonly Uint8Array[], wantErr: boolean): ConsistencyVector {
  return { desc, size1, size2, root1: b64(root1), root2: b64(root2), proof: proof.map(b64), wantErr };
}

function consistencyMutations(m: number, n: number): ConsistencyVector[] {
  const proof = consistencyProof(m, tree(n));
  const [r1, r2] = [rootOf(tree(m)), rootOf(tree(n))];
  const at = (desc: string, s1: number, s2: number, a: Uint8Array, b: Uint8Array, p: readonly Uint8Array[]) => consistency(`${m} to ${n}: ${desc}`, s1, s2, a, b, p, true);
  const out = [
    at('size1 + 1', m + 1, n, r1, r2, proof),
    at('size1 − 1', m - 1, n, r1, r2, proof),
    at('size2 × 2', m, n * 2, r1, r2, proof),
    at('size2 ÷ 2', m, Math.floor(n / 2), r1, r2, proof),
    at('roots swapped', m, n, r2, r1, proof),
    at('random old root', m, n, randomRoot, r2, proof),
    at('random new root', m, n, r1, randomRoot, proof),
    at('old root of another size', m, n, rootOf(tree(m + 1)), r2, proof),
  ];
  if (isPowerOfTwo(m)) out.push(at('old root prepended (RFC 9162 leaves it out for a power of two)', m, n, r1, r2, [r1, ...proof]));
  for (const [desc, mutated] of proofMutations(proof)) out.push(at(desc, m, n, r1, r2, mutated));
  return out;
}

export function consistencyVectors(): ConsistencyVector[] {
  const valid: ConsistencyVector[] = [];
  for (let n = 1; n <= 8; n += 1) {
    for (let m = 1; m <= n; m += 1) valid.push(consistency(`valid: ${m} to ${n}`, m, n, rootOf(tree(m)), rootOf(tree(n)), consistencyProof(m, tree(n)), false));
  }
  const edges = [
    consistency('valid: from the empty tree, empty proof', 0, 8, emptyRoot(), rootOf(tree(8)), [], false),
    consistency('from the empty tree with a non-empty proof', 0, 8, emptyRoot(), rootOf(tree(8)), [garbage], true),
    consistency('equal sizes with a proof', 5, 5, rootOf(tree(5)), rootOf(tree(5)), [garbage], true),
    consistency('equal sizes, different roots', 5, 5, rootOf(tree(5)), randomRoot, [], true),
    consistency('size1 greater than size2', 6, 5, rootOf(tree(6)), rootOf(tree(5)), consistencyProof(5, tree(6)), true),
  ];
  return [...valid, ...edges, ...mutatedConsistency.flatMap(([m, n]) => consistencyMutations(m, n))];
}

/** One vector per line: diffs stay readable and the files small. */
export function vectorFileText(vectors: readonly object[]): string {
  return `[\n${vectors.map((v) => `  ${JSON.stringify(v)}`).join(',\n')}\n]\n`;
}
