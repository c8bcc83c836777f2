import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { link, mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DomainError } from '@hanoi247/core';

/** The node's key-encryption key for evidence at rest: 32 random bytes in <dataDir>/keys/storage.key. */
export interface StorageKey {
  /** A short public name for the key (hash of it), written beside every wrapped item key. */
  readonly id: string;
  readonly key: Buffer;
}

export function storageKeyPath(dataDir: string): string {
  return join(dataDir, 'keys', 'storage.key');
}

/** The key with its public id, as every wrapped item key names it. */
export function namedStorageKey(key: Buffer): StorageKey {
  return { id: createHash('sha256').update('hanoi247 storage key id\n').update(key).digest('hex').slice(0, 16), key };
}

async function read(path: string): Promise<StorageKey | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return null;
    throw error;
  }
  if (bytes.length !== 32) {
    throw new DomainError('evidence/storage-key-missing', `${path} is not a 32-byte key: restore it from backup`);
  }
  return namedStorageKey(bytes);
}

/**
 * Loads the storage key, creating it on first need. Creation writes a flushed temporary file and
 * hard-links it into place, which fails if another process got there first: two processes never
 * end up sealing with different keys.
 */
export async function loadStorageKey(dataDir: string, create: boolean): Promise<StorageKey | null> {
  const path = storageKeyPath(dataDir);
  const existing = await read(path);
  if (existing !== null || !create) return existing;
  await mkdir(join(dataDir, 'keys'), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${randomUUID()}.tmp`;
  const handle = await open(temporary, 'wx', 0o600);
  try {
    await handle.writeFile(randomBytes(32));
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await link(temporary, path);
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'EEXIST') throw error;
  } finally {
    await rm(temporary, { force: true });
  }
  return read(path);
}

/** Reads the key once per process; `create` is asked only when sealing finds none. */
export function storageKeyProvider(dataDir: string) {
  let cached: StorageKey | null = null;
  return {
    async get(create: boolean): Promise<StorageKey | null> {
      cached ??= await loadStorageKey(dataDir, create);
      return cached;
    },
  };
}

export type StorageKeyProvider = ReturnType<typeof storageKeyProvider>;
