import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { contentChunkSize, decryptContent, encryptContent, sealedChunkSize } from './content-stream-cipher.js';

const key = randomBytes(32);
const prefix = randomBytes(7);

async function run(transform: NodeJS.ReadWriteStream, input: Buffer, pieceSize = 65_536): Promise<Buffer> {
  const pieces: Buffer[] = [];
  for (let i = 0; i < input.length; i += pieceSize) pieces.push(input.subarray(i, i + pieceSize));
  const out: Buffer[] = [];
  await pipeline(Readable.from(pieces), transform, async (source: AsyncIterable<string | Buffer>) => {
    for await (const chunk of source) out.push(Buffer.from(chunk));
  });
  return Buffer.concat(out);
}

describe('evidence content stream cipher', () => {
  it.each([0, 1, contentChunkSize - 1, contentChunkSize, contentChunkSize + 1, 3 * contentChunkSize + 12345])(
    'round-trips %i bytes',
    async (size) => {
      const plain = randomBytes(size);
      const sealed = await run(encryptContent(key, prefix), plain, 70_001);
      expect(sealed.length).toBe(
        size + 16 * (Math.floor(size / contentChunkSize) + (size % contentChunkSize === 0 && size > 0 ? 0 : 1)),
      );
      if (size >= 64) expect(sealed.includes(plain.subarray(0, 64))).toBe(false);
      expect((await run(decryptContent(key, prefix), sealed, 99_999)).equals(plain)).toBe(true);
    },
  );

  it('resumes at a chunk boundary', async () => {
    const plain = randomBytes(2 * contentChunkSize + 500);
    const sealed = await run(encryptContent(key, prefix), plain);
    const tail = await run(decryptContent(key, prefix, 1), sealed.subarray(sealedChunkSize));
    expect(tail.equals(plain.subarray(contentChunkSize))).toBe(true);
    const resent = await run(encryptContent(key, prefix, 1), plain.subarray(contentChunkSize));
    expect(resent.equals(sealed.subarray(sealedChunkSize))).toBe(true);
  });

  it('refuses a flipped bit, a dropped chunk, a truncated stream and the wrong key', async () => {
    const plain = randomBytes(2 * contentChunkSize + 10);
    const sealed = await run(encryptContent(key, prefix), plain);
    const flipped = Buffer.from(sealed);
    flipped[contentChunkSize + 100] = flipped[contentChunkSize + 100]! ^ 1;
    await expect(run(decryptContent(key, prefix), flipped)).rejects.toThrow(/chunk 1 does not authenticate/);
    const dropped = Buffer.concat([sealed.subarray(0, sealedChunkSize), sealed.subarray(2 * sealedChunkSize)]);
    await expect(run(decryptContent(key, prefix), dropped)).rejects.toThrow(/does not authenticate/);
    // Cut exactly at a chunk boundary: every remaining chunk is intact, but none is marked final.
    await expect(run(decryptContent(key, prefix), sealed.subarray(0, 2 * sealedChunkSize))).rejects.toThrow(
      /chunk 1 does not authenticate/,
    );
    await expect(run(decryptContent(randomBytes(32), prefix), sealed)).rejects.toThrow(/chunk 0 does not authenticate/);
  });
});
