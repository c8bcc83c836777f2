import { hash } from 'node:crypto';
import {
  inclusionProofNodes,
  leafHash,
  nodeHash,
  rehashProof,
  rootFromNodes,
  verifyInclusion,
  type NodeLookup,
} from '@hanoi247/core';
import { positiveNumberFromEnv, progress, type Benchmark, type BenchResult } from './report.js';

const name = 'proof-verify';

/** Every perfect subtree of a tree of `size` leaves, one flat buffer per level (32 bytes a node). */
function buildTree(size: number): Buffer[] {
  const levels = [Buffer.alloc(size * 32)];
  for (let i = 0; i < size; i += 1) levels[0]!.set(leafHash(Buffer.from(`leaf ${i}`)), i * 32);
  for (let width = Math.floor(size / 2), l = 1; width >= 1; width = Math.floor(width / 2), l += 1) {
    const below = levels[l - 1]!;
    const level = Buffer.alloc(width * 32);
    for (let i = 0; i < width; i += 1) {
      level.set(nodeHash(below.subarray(64 * i, 64 * i + 32), below.subarray(64 * i + 32, 64 * i + 64)), i * 32);
    }
    levels.push(level);
  }
  return levels;
}

/**
 * P7: how many inclusion proofs one core verifies per second (verifyInclusion, as peers and
 * `hanoi247 verify` run it) on a tree of 2^20 leaves (20-hash proofs), against the floor of
 * the same number of raw one-shot SHA-256 calls on 65-byte inputs, counted per proof.
 */
export const proofVerifyBenchmark: Benchmark = {
  name,
  description:
    'inclusion-proof verifications/s on one core (2^20 leaves) vs the same count of raw one-shot SHA-256 calls',
  async run(): Promise<BenchResult> {
    const size = Math.floor(positiveNumberFromEnv('BENCH_LEAVES', 2 ** 20));
    const verifications = Math.floor(positiveNumberFromEnv('BENCH_VERIFICATIONS', 200_000));
    const built = performance.now();
    const levels = buildTree(size);
    const lookup: NodeLookup = (id) => levels[id.level]!.subarray(id.index * 32, id.index * 32 + 32);
    const root = rootFromNodes(size, lookup);
    let seed = 9162;
    const cases = Array.from({ length: 1000 }, () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const index = seed % size;
      return {
        index,
        leaf: Buffer.from(lookup({ level: 0, index })),
        proof: rehashProof(inclusionProofNodes(index, size), lookup),
      };
    });
    const hashesPerProof = cases[0]!.proof.length;
    progress(
      name,
      `tree of ${size} leaves built in ${((performance.now() - built) / 1000).toFixed(1)} s; ` +
        `${verifications} verifications of ${hashesPerProof}-hash proofs`,
    );
    for (let i = 0; i < 5000; i += 1) {
      verifyInclusion(cases[i % 1000]!.leaf, cases[i % 1000]!.index, size, cases[i % 1000]!.proof, root);
    }

    // Alternating rounds, medians reported: a noisy neighbour then slows both sides alike.
    const rounds = Math.floor(positiveNumberFromEnv('BENCH_ROUNDS', 3));
    const input = Buffer.alloc(65, 1);
    const rates: number[] = [];
    const floors: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      let started = performance.now();
      let ok = 0;
      for (let i = 0; i < verifications; i += 1) {
        const c = cases[i % 1000]!;
        if (verifyInclusion(c.leaf, c.index, size, c.proof, root)) ok += 1;
      }
      rates.push(verifications / ((performance.now() - started) / 1000));
      if (ok !== verifications) throw new Error(`${verifications - ok} proofs did not verify`);
      started = performance.now();
      for (let i = 0; i < verifications * hashesPerProof; i += 1) hash('sha256', input, 'buffer');
      floors.push(verifications / ((performance.now() - started) / 1000));
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const [rate, floor] = [median(rates), median(floors)];
    progress(
      name,
      `rounds: ${rates.map((r) => r.toFixed(0)).join(', ')} proofs/s; ` +
        `${floors.map((r) => r.toFixed(0)).join(', ')} hash sets/s`,
    );
    progress(
      name,
      `verifyInclusion: ${rate.toFixed(0)} proofs/s (${(1e6 / rate).toFixed(1)} µs each); ` +
        `${hashesPerProof} raw one-shot SHA-256 calls: ${floor.toFixed(0)} sets/s; ` +
        `goal ≥ 10,000/s and ratio ≥ 0.67 (P7: at most 1.5× the raw hashes)`,
    );
    return { value: rate, baseline: floor, unit: 'verifications/s' };
  },
};
