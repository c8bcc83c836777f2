import { createHash } from 'node:crypto';

/** One regular file inside the bundle container, with its uncompressed size as declared. */
export interface BundleEntry {
  readonly name: string;
  readonly size: number;
}

/** An entry the container reader would not hand over (zip slip, symlink, duplicate, zip bomb...). */
export interface RefusedEntry {
  readonly name: string;
  readonly reason: string;
}

export interface BundleListing {
  readonly entries: readonly BundleEntry[];
  readonly refused: readonly RefusedEntry[];
}

/**
 * The port through which the pure verifier reads a bundle: the CLI implements it over a zip
 * file, tests over a Map. Content arrives as a stream of chunks, so multi-gigabyte files are
 * hashed without ever being held in memory; the verifier hashes them itself.
 */
export interface BundleSource {
  list(): Promise<BundleListing>;
  /** The entry's bytes in order. The verifier may stop early; the iterator's return() must release resources. */
  open(name: string): AsyncIterable<Uint8Array>;
}

export interface EntryDigest {
  readonly sha256: string;
  readonly size: number;
}

/** Streams an entry through SHA-256 and counts its bytes. */
export async function digestEntry(source: BundleSource, name: string): Promise<EntryDigest> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of source.open(name)) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { sha256: hash.digest('hex'), size };
}

export class EntryTooLargeError extends Error {}

/** Reads a small entry whole, refusing it as soon as it passes the cap (the declared size may lie). */
export async function readEntry(
  source: BundleSource,
  name: string,
  cap: number,
): Promise<{ readonly bytes: Buffer; readonly sha256: string }> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of source.open(name)) {
    size += chunk.length;
    if (size > cap) throw new EntryTooLargeError(`${name} is larger than the ${cap} bytes allowed for it`);
    chunks.push(chunk);
  }
  const bytes = Buffer.concat(chunks);
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** UTF-8 that does not decode is refused rather than replaced: a replaced byte would change what was signed. */
export function utf8Text(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
}

/** A bundle held in memory, for tests and small tools. */
export function memoryBundleSource(
  entries: ReadonlyMap<string, Uint8Array | string>,
  refused: readonly RefusedEntry[] = [],
): BundleSource {
  const bytesOf = (value: Uint8Array | string) => (typeof value === 'string' ? Buffer.from(value, 'utf8') : value);
  return {
    async list() {
      return { entries: [...entries].map(([name, value]) => ({ name, size: bytesOf(value).length })), refused };
    },
    async *open(name: string) {
      const value = entries.get(name);
      if (value === undefined) throw new Error(`no entry ${name}`);
      const bytes = bytesOf(value);
      // Several chunks, as a real stream would give, so the hashing loop is exercised.
      for (let offset = 0; offset < bytes.length; offset += 4096) yield bytes.subarray(offset, offset + 4096);
    },
  };
}
