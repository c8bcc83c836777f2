import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { afterAll, describe, expect, it } from 'vitest';
import { fsContentStore } from '../evidence/fs-content-store.js';
import { contentChunkSize, encryptContent, sealedChunkSize } from '../federation/content-stream-cipher.js';
import { fetchPartialId, keptChunks, sealedLength } from './evidence-fetch-resume.js';

/** Which sealed chunks of an interrupted fetch may be kept: only those that open as middle chunks. */
describe('kept chunks of an interrupted evidence fetch', () => {
  const root = mkdtemp(join(tmpdir(), 'h247-resume-'));
  const stream = { key: randomBytes(32), noncePrefix: randomBytes(7) };
  const id = fetchPartialId('0190f1c2-0000-7000-8000-000000000001', 'a'.repeat(64));
  afterAll(async () => rm(await root, { recursive: true, force: true }));

  async function keptOf(sealed: Buffer): Promise<number | 'none' | 'corrupt'> {
    const store = fsContentStore(await root);
    await store.partials.remove(id);
    await store.partials.create(id);
    await store.partials.write(id, 0, Readable.from([sealed]), sealed.length);
    return keptChunks(store.partials, id, stream);
  }
  const sealedOf = (size: number) => buffer(Readable.from([randomBytes(size)]).pipe(encryptContent(stream)));

  it('counts whole middle chunks, and leaves out the final chunk and a torn one', async () => {
    const uneven = await sealedOf(2 * contentChunkSize + 10);
    expect(uneven.length).toBe(sealedLength(2 * contentChunkSize + 10));
    expect(await keptOf(uneven)).toBe(2);
    expect(await keptOf(uneven.subarray(0, sealedChunkSize + 5))).toBe(1);
    // A whole final chunk never opens as a middle one: it is fetched again, not taken for damage.
    const even = await sealedOf(3 * contentChunkSize);
    expect(even.length).toBe(sealedLength(3 * contentChunkSize));
    expect(await keptOf(even)).toBe(2);
    expect(sealedLength(0)).toBe(16);
  });

  it('calls a file with a damaged chunk before others corrupt, and a missing one none', async () => {
    const sealed = await sealedOf(3 * contentChunkSize + 1);
    sealed[sealedChunkSize + 7] = sealed[sealedChunkSize + 7]! ^ 0x80;
    expect(await keptOf(sealed)).toBe('corrupt');
    // Chunks from another key (or another item) do not open either.
    expect(
      await keptOf(
        Buffer.concat([
          await buffer(
            Readable.from([randomBytes(contentChunkSize + 1)]).pipe(
              encryptContent({ key: randomBytes(32), noncePrefix: stream.noncePrefix }),
            ),
          ),
          sealed.subarray(sealedChunkSize),
        ]),
      ),
    ).toBe('corrupt');
    const store = fsContentStore(await root);
    await store.partials.remove(id);
    expect(await keptChunks(store.partials, id, stream)).toBe('none');
    await writeFile(join(await root, 'uploads', `${id}.part`), Buffer.alloc(0));
    expect(await keptChunks(store.partials, id, stream)).toBe(0);
  });
});
