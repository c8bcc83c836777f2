import { createHash } from 'node:crypto';

/**
 * Large test-vector plaintexts are not stored but regenerated from a seed, as the vector files
 * document: the first `length` bytes of SHA-256(seed ‖ uint32_be(0)) ‖ SHA-256(seed ‖ uint32_be(1)) ‖ …,
 * the seed as UTF-8.
 */
export function seededPlaintext(seed: string, length: number): Buffer {
  const seedBytes = Buffer.from(seed, 'utf8');
  const out = Buffer.alloc(Math.ceil(length / 32) * 32);
  const counter = Buffer.alloc(4);
  for (let block = 0; block * 32 < length; block += 1) {
    counter.writeUInt32BE(block);
    createHash('sha256')
      .update(seedBytes)
      .update(counter)
      .digest()
      .copy(out, block * 32);
  }
  return out.subarray(0, length);
}
