import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fileSha256 } from './file-sha256.js';

const blob = (bytes: Uint8Array<ArrayBuffer>) => new Blob([bytes]);
const reference = (bytes: Uint8Array<ArrayBuffer>) => createHash('sha256').update(bytes).digest('hex');
// Not all zeroes, so a slice read at the wrong offset changes the digest.
const patterned = (length: number) => Uint8Array.from({ length }, (_, i) => (i * 31 + 7) % 251);

describe('the streamed file SHA-256', () => {
  it('matches the FIPS 180-2 vectors for the empty input and "abc"', async () => {
    expect(await fileSha256(blob(new Uint8Array()))).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(await fileSha256(blob(new TextEncoder().encode('abc')))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('gives the one-shot digest whether slices end on, before or after the chunk boundary', async () => {
    for (const length of [63, 64, 65, 191, 192, 193, 1000]) {
      const bytes = patterned(length);
      expect(await fileSha256(blob(bytes), { chunkSize: 64 }), `length ${length}`).toBe(reference(bytes));
    }
  });

  it('reports the bytes hashed after each slice, ending at the size', async () => {
    const seen: number[] = [];
    await fileSha256(blob(patterned(150)), {
      chunkSize: 64,
      onProgress: (hashed, total) => {
        expect(total).toBe(150);
        seen.push(hashed);
      },
    });
    expect(seen).toEqual([0, 64, 128, 150]);
  });

  it('stops reading when cancelled, with the signal’s reason', async () => {
    const controller = new AbortController();
    const reason = new Error('cancelled by the provider');
    const hashing = fileSha256(blob(patterned(1000)), {
      chunkSize: 64,
      signal: controller.signal,
      onProgress: (hashed) => {
        if (hashed >= 128) controller.abort(reason);
      },
    });
    await expect(hashing).rejects.toBe(reason);
  });

  it('refuses a chunk size that would never advance', async () => {
    await expect(fileSha256(blob(patterned(10)), { chunkSize: 0 })).rejects.toThrow(RangeError);
  });
});
