import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access, mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { DomainError } from '@hanoi247/core';
import {
  ingestChunkBytes,
  isSha256Hex,
  type ContentSource,
  type ContentStore,
  type PartialStore,
  type PartialWrite,
  type StageOptions,
  type StagedContent,
} from './content-store.js';
import { openForWrite as defaultOpenForWrite, storageFailure, WriteQueue, type OpenForWrite } from './writable-file.js';

export interface FsContentStoreOptions {
  /** Replaced by tests to simulate a full or failing disk. */
  readonly openForWrite?: OpenForWrite;
}

const toBuffer = (chunk: Uint8Array | string): Buffer =>
  typeof chunk === 'string'
    ? Buffer.from(chunk, 'utf8')
    : Buffer.isBuffer(chunk)
      ? chunk
      : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);

export function tooLarge(maxBytes: number): DomainError {
  return new DomainError('evidence/too-large', `the content exceeds the ${maxBytes}-byte limit; nothing was kept`);
}

/** A rename is durable only once its directory is flushed. */
async function syncDirectory(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

const isMissing = (error: unknown) => (error as { code?: unknown }).code === 'ENOENT';

/**
 * Objects live at <root>/objects/<aa>/<sha256>; content is first written to <root>/tmp, hashed
 * on the way, flushed, then renamed into place, so an object is complete or absent.
 */
export function fsContentStore(root: string, options: FsContentStoreOptions = {}): ContentStore {
  const openFile = options.openForWrite ?? defaultOpenForWrite;
  const dirs = { objects: join(root, 'objects'), tmp: join(root, 'tmp'), uploads: join(root, 'uploads') };
  const objectPath = (sha256: string): string => {
    if (!isSha256Hex(sha256)) throw new DomainError('bug/invariant-violated', 'a content address is 64 hex characters');
    return join(dirs.objects, sha256.slice(0, 2), sha256);
  };
  const partialPath = (uploadId: string): string => {
    if (!/^[0-9a-f-]{36}$/.test(uploadId)) throw new DomainError('bug/invariant-violated', 'an upload id is a UUID');
    return join(dirs.uploads, `${uploadId}.part`);
  };
  let prepared: Promise<void> | null = null;
  const prepare = (): Promise<void> => {
    prepared ??= Promise.all(Object.values(dirs).map((d) => mkdir(d, { recursive: true, mode: 0o700 }))).then(
      () => undefined,
      (error: unknown) => {
        // Tried again next time: the operator may fix the permissions without a restart.
        prepared = null;
        throw storageFailure(error);
      },
    );
    return prepared;
  };

  async function stage(source: ContentSource, { maxBytes, sealer, onProgress }: StageOptions): Promise<StagedContent> {
    await prepare();
    const temp = join(dirs.tmp, `${randomUUID()}.tmp`);
    const file = await openFile(temp, 'wx').catch((error: unknown) => {
      throw storageFailure(error);
    });
    const hash = createHash('sha256');
    const queue = new WriteQueue(file);
    let size = 0;
    let position = 0;
    const emit = async (data: Buffer) => {
      if (data.length === 0) return;
      await queue.push(data, position).catch((error: unknown) => {
        throw storageFailure(error);
      });
      position += data.length;
    };
    try {
      if (sealer !== null) await emit(sealer.header());
      for await (const raw of source) {
        const chunk = toBuffer(raw);
        size += chunk.length;
        if (size > maxBytes) throw tooLarge(maxBytes);
        hash.update(chunk);
        await emit(sealer === null ? chunk : sealer.update(chunk));
        onProgress?.(size);
      }
      if (sealer !== null) await emit(sealer.final());
      await queue
        .flush()
        .then(() => file.sync())
        .catch((error: unknown) => {
          throw storageFailure(error);
        });
    } catch (error) {
      // Disk errors arrive here as storage failures; anything else is the source's own error.
      await queue.flush().catch(() => undefined);
      await file.close().catch(() => undefined);
      await rm(temp, { force: true });
      throw error;
    }
    await file.close();
    const sha256 = hash.digest('hex');
    let settled = false;
    return {
      sha256,
      size,
      async commit() {
        if (settled) {
          throw new DomainError('bug/invariant-violated', 'staged content was already committed or discarded');
        }
        const target = objectPath(sha256);
        try {
          await mkdir(dirname(target), { recursive: true, mode: 0o700 });
          await rename(temp, target);
          settled = true;
          await syncDirectory(dirname(target));
        } catch (error) {
          throw storageFailure(error);
        }
      },
      async discard() {
        if (settled) return;
        settled = true;
        await rm(temp, { force: true });
      },
    };
  }

  const partials: PartialStore = {
    async create(uploadId) {
      await prepare();
      const file = await openFile(partialPath(uploadId), 'wx').catch((error: unknown) => {
        throw storageFailure(error);
      });
      await file.close();
    },

    async write(uploadId, offset, source, maxBytes, encode): Promise<PartialWrite> {
      const file = await openFile(partialPath(uploadId), 'r+').catch((error: unknown) => {
        throw isMissing(error)
          ? new DomainError('evidence/upload-gone', 'the partial content of this upload is gone')
          : storageFailure(error);
      });
      const queue = new WriteQueue(file);
      const disk = <T>(step: Promise<T>): Promise<T> =>
        step.catch((error: unknown) => {
          throw storageFailure(error);
        });
      let written = 0;
      let interrupted: unknown = null;
      try {
        await disk(file.truncate(offset));
        // Keep the source intact on an early stop: the reply (413, 503) still needs the socket.
        for await (const raw of source.iterator({ destroyOnReturn: false })) {
          const chunk = toBuffer(raw as Uint8Array | string);
          if (written + chunk.length > maxBytes) throw tooLarge(maxBytes);
          await disk(queue.push(encode === undefined ? chunk : encode(chunk), offset + written));
          written += chunk.length;
        }
        await disk(queue.flush());
      } catch (error) {
        if (error instanceof DomainError) {
          await queue.flush().catch(() => undefined);
          await file.truncate(offset).catch(() => undefined);
          await file.close().catch(() => undefined);
          throw error;
        }
        // Anything else came from the source: the link broke. Keep what arrived.
        interrupted = error;
      }
      try {
        await disk(queue.flush());
        await disk(file.sync());
      } catch (error) {
        await file.truncate(offset).catch(() => undefined);
        await file.close().catch(() => undefined);
        throw error;
      }
      await file.close();
      return { written, interrupted };
    },

    open: (uploadId) => createReadStream(partialPath(uploadId), { highWaterMark: ingestChunkBytes }),
    remove: (uploadId) => rm(partialPath(uploadId), { force: true }),
  };

  return {
    stage,
    async put(source, stageOptions) {
      const staged = await stage(source, stageOptions);
      await staged.commit();
      return { sha256: staged.sha256, size: staged.size };
    },
    async open(sha256): Promise<Readable> {
      const path = objectPath(sha256);
      // Opened before the stream is handed out, so a missing object fails the call, not the reply.
      const handle = await open(path, 'r').catch((error: unknown) => {
        throw isMissing(error)
          ? new DomainError('evidence/integrity-failed', 'the stored content of this item is missing', { cause: error })
          : error;
      });
      return createReadStream(path, { fd: handle, highWaterMark: ingestChunkBytes });
    },
    async has(sha256) {
      return access(objectPath(sha256)).then(
        () => true,
        () => false,
      );
    },
    async remove(sha256) {
      await rm(objectPath(sha256), { force: true });
    },
    async sweepStaging(olderThanMs) {
      // File times are the filesystem's, so they are compared with its clock, not an injected one.
      const now = Date.now();
      await prepare();
      let removed = 0;
      for (const name of await readdir(dirs.tmp)) {
        const path = join(dirs.tmp, name);
        const info = await stat(path).catch(() => null);
        if (info !== null && now - info.mtimeMs > olderThanMs) {
          await rm(path, { force: true });
          removed += 1;
        }
      }
      return removed;
    },
    partials,
  };
}
