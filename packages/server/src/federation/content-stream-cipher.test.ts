import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { contentCipherSchema, contentCipherVersion } from '@hanoi247/core';
import {
  contentChunkSize,
  decryptContent,
  encryptContent,
  itemStreamKey,
  newContentCipher,
  openContentChunk,
  sealedChunkSize,
  storedContentCipher,
} from './content-stream-cipher.js';

const key = randomBytes(32);
const prefix = randomBytes(7);
const stream = { key, noncePrefix: prefix };

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
      const sealed = await run(encryptContent(stream), plain, 70_001);
      expect(sealed.length).toBe(
        size + 16 * (Math.floor(size / contentChunkSize) + (size % contentChunkSize === 0 && size > 0 ? 0 : 1)),
      );
      if (size >= 64) expect(sealed.includes(plain.subarray(0, 64))).toBe(false);
      expect((await run(decryptContent(stream), sealed, 99_999)).equals(plain)).toBe(true);
    },
  );

  it('resumes at a chunk boundary', async () => {
    const plain = randomBytes(2 * contentChunkSize + 500);
    const sealed = await run(encryptContent(stream), plain);
    const tail = await run(decryptContent(stream, 1), sealed.subarray(sealedChunkSize));
    expect(tail.equals(plain.subarray(contentChunkSize))).toBe(true);
    const resent = await run(encryptContent(stream, 1), plain.subarray(contentChunkSize));
    expect(resent.equals(sealed.subarray(sealedChunkSize))).toBe(true);
  });

  it('refuses a flipped bit, a dropped chunk, a truncated stream and the wrong key', async () => {
    const plain = randomBytes(2 * contentChunkSize + 10);
    const sealed = await run(encryptContent(stream), plain);
    const flipped = Buffer.from(sealed);
    flipped[contentChunkSize + 100] = flipped[contentChunkSize + 100]! ^ 1;
    await expect(run(decryptContent(stream), flipped)).rejects.toThrow(/chunk 1 does not authenticate/);
    const dropped = Buffer.concat([sealed.subarray(0, sealedChunkSize), sealed.subarray(2 * sealedChunkSize)]);
    await expect(run(decryptContent(stream), dropped)).rejects.toThrow(/does not authenticate/);
    // Cut exactly at a chunk boundary: every remaining chunk is intact, but none is marked final.
    await expect(run(decryptContent(stream), sealed.subarray(0, 2 * sealedChunkSize))).rejects.toThrow(
      /chunk 1 does not authenticate/,
    );
    await expect(run(decryptContent({ key: randomBytes(32), noncePrefix: prefix }), sealed)).rejects.toThrow(
      /chunk 0 does not authenticate/,
    );
  });

  describe('versions', () => {
    const itemA = 'a'.repeat(64);
    const itemB = 'b'.repeat(64);

    it('writes a transfer cipher of either version that the offer schema reads back as that version', () => {
      for (const version of [1, 2] as const) {
        const cipher = contentCipherSchema.parse(JSON.parse(JSON.stringify(newContentCipher(version))));
        expect(contentCipherVersion(cipher)).toBe(version);
      }
      expect('v' in newContentCipher(1)).toBe(false);
    });

    it('reads a cipher stored before versions existed (no v) as version 1, and refuses one of no known version', () => {
      // As the previous release stored it in evidence_transfers.content_key.
      const stored =
        '{"algorithm":"A256GCM-STREAM","chunkSize":1048576,"key":"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8","noncePrefix":"oKGio6Slpg"}';
      const cipher = storedContentCipher(stored);
      expect(contentCipherVersion(cipher)).toBe(1);
      expect(itemStreamKey(cipher, itemA).key.toString('base64url')).toBe((JSON.parse(stored) as { key: string }).key);
      expect(() => storedContentCipher(stored.replace('{', '{"v":3,'))).toThrow(/no known version/);
    });

    it('version 1 seals every item of a transfer under one key; version 2 gives each its own', () => {
      const v1 = newContentCipher(1);
      expect(itemStreamKey(v1, itemA).key.equals(itemStreamKey(v1, itemB).key)).toBe(true);
      expect(itemStreamKey(v1, itemA).key.equals(Buffer.from(v1.key, 'base64url'))).toBe(true);
      const v2 = newContentCipher(2);
      const [a, b] = [itemStreamKey(v2, itemA), itemStreamKey(v2, itemB)];
      expect(a.key.equals(b.key)).toBe(false);
      expect(a.key.equals(Buffer.from(v2.key, 'base64url'))).toBe(false);
      expect(a.noncePrefix.equals(b.noncePrefix)).toBe(true);
      expect(itemStreamKey(v2, itemA).key.equals(a.key)).toBe(true);
    });

    it('under version 2 a chunk of one item does not open as the same chunk of another', async () => {
      const v2 = newContentCipher(2);
      const sealed = await run(encryptContent(itemStreamKey(v2, itemA)), randomBytes(100));
      expect(openContentChunk(itemStreamKey(v2, itemA), 0, true, sealed).length).toBe(100);
      expect(() => openContentChunk(itemStreamKey(v2, itemB), 0, true, sealed)).toThrow(/does not authenticate/);
    });
  });
});
