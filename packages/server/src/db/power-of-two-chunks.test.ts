import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { padToPowerOfTwo, powerOfTwoChunks } from './power-of-two-chunks.js';

const isPowerOfTwo = (n: number) => n > 0 && (n & (n - 1)) === 0;

describe('power-of-two batches (few distinct SQL texts for the statement cache)', () => {
  it('property: chunks keep every item in order, each a power of two at most the maximum', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 700 }), fc.constantFrom(1, 8, 128, 256), (items, max) => {
        const chunks = powerOfTwoChunks(items, max);
        expect(chunks.flat()).toEqual(items);
        for (const chunk of chunks) expect(isPowerOfTwo(chunk.length) && chunk.length <= max).toBe(true);
      }),
      { seed: 128, numRuns: 200 },
    );
  });

  it('pads a list to a power of two, at least the minimum, with its last element', () => {
    expect(padToPowerOfTwo([])).toEqual([]);
    expect(padToPowerOfTwo([1, 2, 3])).toEqual([1, 2, 3, 3]);
    expect(padToPowerOfTwo([1], 4)).toEqual([1, 1, 1, 1]);
    expect(padToPowerOfTwo([1, 2, 3, 4, 5, 6, 7, 8, 9], 8)).toHaveLength(16);
  });
});
