import type { Readable } from 'node:stream';
import type { BundleEntry, BundleSource, RefusedEntry } from '@hanoi247/core';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { collisionKey, defaultZipLimits, judgeEntry, overlappingEntries, type ZipLimits } from './zip-entry-rules.js';

/** The file is not a zip we can read at all: the CLI exits 2, there is nothing to verify. */
export class UnusableBundleError extends Error {}

export interface ZipBundle {
  readonly source: BundleSource;
  close(): void;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function readCentralDirectory(zip: ZipFile): Promise<Entry[]> {
  const entries: Entry[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', resolve);
    zip.once('error', reject);
    zip.readEntry();
  });
  return entries;
}

/**
 * A BundleSource over a zip file, read in place with yauzl (random access, nothing extracted).
 * Names are decoded here (decodeStrings off) so that an unsafe name refuses one entry instead
 * of aborting the whole listing, and sizes are enforced here so that no entry can inflate past
 * what it declares.
 */
export async function openZipBundle(path: string, limits: ZipLimits = defaultZipLimits): Promise<ZipBundle> {
  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(path, {
      lazyEntries: true,
      autoClose: false,
      decodeStrings: false,
      validateEntrySizes: false,
      strictFileNames: true,
    });
  } catch (error) {
    throw new UnusableBundleError(`${path} is not a readable zip file: ${messageOf(error)}`);
  }
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw new UnusableBundleError(
        `${path} holds ${zip.entryCount} entries, more than the ${limits.maxEntries} a bundle may have`,
      );
    }
    let raw: Entry[];
    try {
      raw = await readCentralDirectory(zip);
    } catch (error) {
      throw new UnusableBundleError(`${path} has a damaged zip directory: ${messageOf(error)}`);
    }
    const judged = raw.map((entry) => {
      const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, true);
      return { entry, name, verdict: judgeEntry(entry, name, limits) };
    });
    const refused: RefusedEntry[] = [];
    const overlapping = overlappingEntries(judged);
    const byKey = new Map<string, number>();
    for (const j of judged) byKey.set(collisionKey(j.name), (byKey.get(collisionKey(j.name)) ?? 0) + 1);
    const files = new Map<string, Entry>();
    for (const j of judged) {
      const copies = byKey.get(collisionKey(j.name)) ?? 0;
      if (j.verdict.kind === 'refused') refused.push({ name: j.name, reason: j.verdict.reason });
      else if (copies > 1) refused.push({ name: j.name, reason: `${copies} entries would extract to this same name` });
      else if (overlapping.has(j)) {
        refused.push({ name: j.name, reason: 'its data overlaps another entry (overlapping-entries zip bomb)' });
      } else if (j.verdict.kind === 'file') files.set(j.name, j.entry);
    }
    const entries: BundleEntry[] = [...files].map(([name, entry]) => ({ name, size: entry.uncompressedSize }));
    return {
      source: {
        list: async () => ({ entries, refused }),
        open: (name) => readEntryStream(zip, files.get(name), name),
      },
      close: () => zip.close(),
    };
  } catch (error) {
    zip.close();
    throw error;
  }
}

/** The entry's bytes, refusing any byte past its declared size and any shortfall at its end. */
async function* readEntryStream(zip: ZipFile, entry: Entry | undefined, name: string): AsyncGenerator<Uint8Array> {
  if (entry === undefined) throw new Error(`no entry ${name}`);
  const stream: Readable = await zip.openReadStreamPromise(entry);
  let seen = 0;
  try {
    for await (const chunk of stream) {
      const bytes = chunk as Buffer;
      seen += bytes.length;
      if (seen > entry.uncompressedSize) {
        throw new Error(`${name} inflates past the ${entry.uncompressedSize} bytes it declares`);
      }
      yield bytes;
    }
    if (seen !== entry.uncompressedSize) {
      throw new Error(`${name} holds ${seen} bytes, not the ${entry.uncompressedSize} it declares`);
    }
  } finally {
    stream.destroy();
  }
}
