import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/**
 * WebCrypto's digest takes the whole input at once, so a multi-gigabyte production would have
 * to sit in memory; this reads the file a slice at a time into an incremental SHA-256, so
 * memory stays at one slice whatever the size.
 */

// Large enough that the per-slice read overhead is negligible, small enough to stay flat in memory.
export const hashChunkSize = 8 * 1024 * 1024;

export interface HashOptions {
  /** Called after each slice with the bytes hashed so far. */
  readonly onProgress?: ((hashed: number, total: number) => void) | undefined;
  readonly signal?: AbortSignal | undefined;
  /** Only tests change it, to cross slice boundaries with small inputs. */
  readonly chunkSize?: number;
}

/** The lower-case hex SHA-256 of the blob; rejects with the signal's reason when aborted. */
export async function fileSha256(
  file: Blob,
  { onProgress, signal, chunkSize = hashChunkSize }: HashOptions = {},
): Promise<string> {
  if (!Number.isInteger(chunkSize) || chunkSize <= 0) throw new RangeError('chunkSize must be a positive integer');
  const hasher = sha256.create();
  onProgress?.(0, file.size);
  for (let offset = 0; offset < file.size; offset += chunkSize) {
    signal?.throwIfAborted();
    const end = Math.min(file.size, offset + chunkSize);
    hasher.update(new Uint8Array(await file.slice(offset, end).arrayBuffer()));
    onProgress?.(end, file.size);
  }
  signal?.throwIfAborted();
  return bytesToHex(hasher.digest());
}
