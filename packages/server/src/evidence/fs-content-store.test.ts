import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { isDomainError } from '@hanoi247/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fsContentStore } from './fs-content-store.js';
import { openForWrite, type OpenForWrite } from './writable-file.js';

const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const bytes = (size: number, seed: number) =>
  Buffer.from(Array.from({ length: size }, (_, i) => (i * 31 + seed) & 0xff));

async function* chunks(data: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let offset = 0; offset < data.length; offset += size) yield data.subarray(offset, offset + size);
}

async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

/** A disk that fills up after `capacity` bytes, as ENOSPC does, whatever the file. */
function fillingDisk(capacity: number): OpenForWrite {
  let used = 0;
  return async (path, flags) => {
    const file = await openForWrite(path, flags);
    return {
      ...file,
      async write(data, position) {
        if (used + data.length > capacity) {
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        }
        used += data.length;
        await file.write(data, position);
      },
    };
  };
}

const codeOf = async (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) => (isDomainError(error) ? error.code : String(error)),
  );

describe('filesystem content store', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'h247-store-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('hashes while writing, commits at objects/<aa>/<sha256> and reads back the same bytes', async () => {
    const store = fsContentStore(root);
    const data = bytes(3 * 1024 * 1024 + 5, 1);
    const progress: number[] = [];
    const staged = await store.stage(chunks(data, 64 * 1024 + 3), {
      maxBytes: 10 * 1024 * 1024,
      sealer: null,
      onProgress: (n) => progress.push(n),
    });
    expect(staged).toMatchObject({ sha256: sha(data), size: data.length });
    expect(progress.at(-1)).toBe(data.length);
    expect(await store.has(staged.sha256)).toBe(false);
    await staged.commit();
    expect(readFileSync(join(root, 'objects', staged.sha256.slice(0, 2), staged.sha256)).equals(data)).toBe(true);
    expect((await readAll(await store.open(staged.sha256))).equals(data)).toBe(true);
    expect(readdirSync(join(root, 'tmp'))).toEqual([]);
    await store.remove(staged.sha256);
    expect(await store.has(staged.sha256)).toBe(false);
    expect(await codeOf(store.open(staged.sha256))).toBe('evidence/integrity-failed');
  });

  it('fails closed when the disk fills up: a storage error, no staged file, no object', async () => {
    const store = fsContentStore(root, { openForWrite: fillingDisk(1024 * 1024) });
    expect(
      await codeOf(store.put(chunks(bytes(4 * 1024 * 1024, 2), 256 * 1024), { maxBytes: 1e9, sealer: null })),
    ).toBe('evidence/storage-failed');
    expect(readdirSync(join(root, 'tmp'))).toEqual([]);
    expect(readdirSync(join(root, 'objects'))).toEqual([]);
  });

  it('refuses content past the limit and keeps nothing; a failing source keeps nothing either', async () => {
    const store = fsContentStore(root);
    expect(await codeOf(store.stage(chunks(bytes(1001, 3), 100), { maxBytes: 1000, sealer: null }))).toBe(
      'evidence/too-large',
    );
    async function* broken(): AsyncGenerator<Buffer> {
      yield Buffer.alloc(100);
      throw new Error('source went away');
    }
    expect(await codeOf(store.stage(broken(), { maxBytes: 1000, sealer: null }))).toBe('Error: source went away');
    expect(readdirSync(join(root, 'tmp'))).toEqual([]);
  });

  it('keeps what arrived of a broken partial write and drops bytes past a resumed offset', async () => {
    const store = fsContentStore(root);
    const id = '01900000-0000-7000-8000-0000000000aa';
    await store.partials.create(id);
    // The link breaks once the first 300 bytes have been taken.
    let reads = 0;
    const broken = new Readable({
      read() {
        reads += 1;
        if (reads === 1) this.push(Buffer.alloc(300, 1));
        else this.destroy(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
      },
    });
    const first = await store.partials.write(id, 0, broken, 1000);
    expect(first.written).toBe(300);
    expect(first.interrupted).toBeInstanceOf(Error);
    // The database recorded only 200 of them: the resumed write starts there.
    const second = await store.partials.write(id, 200, Readable.from([Buffer.alloc(50, 2)]), 800);
    expect(second).toEqual({ written: 50, interrupted: null });
    const partial = await readAll(store.partials.open(id));
    expect(partial.equals(Buffer.concat([Buffer.alloc(200, 1), Buffer.alloc(50, 2)]))).toBe(true);
    expect(await codeOf(store.partials.write(id, 250, Readable.from([Buffer.alloc(11)]), 10))).toBe(
      'evidence/too-large',
    );
    expect((await readAll(store.partials.open(id))).length).toBe(250);
    await store.partials.remove(id);
    expect(await codeOf(store.partials.write(id, 0, Readable.from([]), 10))).toBe('evidence/upload-gone');
  });

  it('reports a full disk during a partial write as a storage failure and keeps the earlier bytes', async () => {
    const store = fsContentStore(root, { openForWrite: fillingDisk(100) });
    const id = '01900000-0000-7000-8000-0000000000ab';
    await store.partials.create(id);
    expect(await store.partials.write(id, 0, Readable.from([Buffer.alloc(80, 1)]), 1000)).toEqual({
      written: 80,
      interrupted: null,
    });
    expect(await codeOf(store.partials.write(id, 80, Readable.from([Buffer.alloc(30, 2)]), 1000))).toBe(
      'evidence/storage-failed',
    );
    expect((await readAll(store.partials.open(id))).equals(Buffer.alloc(80, 1))).toBe(true);
  });

  it('sweeps only staging files old enough to be left over from a crash', async () => {
    const store = fsContentStore(root);
    await store.put(Readable.from([Buffer.from('x')]), { maxBytes: 10, sealer: null });
    writeFileSync(join(root, 'tmp', 'old.tmp'), 'a');
    writeFileSync(join(root, 'tmp', 'fresh.tmp'), 'b');
    const dayAgo = new Date(Date.now() - 86_400_000);
    utimesSync(join(root, 'tmp', 'old.tmp'), dayAgo, dayAgo);
    expect(await store.sweepStaging(3_600_000)).toBe(1);
    expect(existsSync(join(root, 'tmp', 'fresh.tmp'))).toBe(true);
  });
});
