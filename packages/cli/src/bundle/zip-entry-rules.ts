import type { Entry } from 'yauzl';

/**
 * What a bundle zip may contain (docs/protocols/bundle.md §6): regular files under plain
 * relative paths, stored or deflated, unencrypted, of plausible size and compression ratio,
 * each name once, no two entries sharing bytes. Anything else is refused entry by entry, so
 * the report names it, and is never opened: verification never extracts to disk.
 */
export interface ZipLimits {
  readonly maxEntries: number;
  readonly maxEntryBytes: number;
  /** Uncompressed ÷ compressed above this, for entries larger than ratioFloorBytes, is a zip bomb. */
  readonly maxRatio: number;
  readonly ratioFloorBytes: number;
}

export const defaultZipLimits: ZipLimits = {
  maxEntries: 500_000,
  maxEntryBytes: 2 ** 40,
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
};

const unixFileType = 0o170000;
const unixRegular = 0o100000;
const unixDirectory = 0o040000;
const unixSymlink = 0o120000;
const madeByUnix = 3;

/** Why a name is unsafe to extract, or null. */
export function unsafeName(name: string): string | null {
  // eslint-disable-next-line no-control-regex -- control characters and NUL are exactly what is refused
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'its name contains NUL or a control character';
  if (name.includes('\\')) return 'its name contains a backslash (a Windows path)';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'its name is an absolute path';
  const segments = name.replace(/\/$/, '').split('/');
  if (segments.includes('..')) return 'its path leaves the bundle (zip slip: "..")';
  if (segments.some((s) => s === '' || s === '.')) return 'its path is not in plain form (empty or "." segment)';
  if (name.length > 512) return 'its name is longer than 512 characters';
  return null;
}

export type EntryVerdict =
  { readonly kind: 'file' } | { readonly kind: 'directory' } | { readonly kind: 'refused'; readonly reason: string };

/** Judges one central-directory entry on its own (duplicates and overlaps are judged across entries). */
export function judgeEntry(entry: Entry, name: string, limits: ZipLimits): EntryVerdict {
  const refuse = (reason: string): EntryVerdict => ({ kind: 'refused', reason });
  const unsafe = unsafeName(name);
  if (unsafe !== null) return refuse(unsafe);
  const type = (entry.externalFileAttributes >>> 16) & unixFileType;
  if (entry.versionMadeBy >> 8 === madeByUnix && type === unixSymlink) return refuse('it is a symbolic link');
  if (name.endsWith('/')) {
    return entry.uncompressedSize === 0 ? { kind: 'directory' } : refuse('a directory entry with content');
  }
  if (entry.versionMadeBy >> 8 === madeByUnix && type !== 0 && type !== unixRegular && type !== unixDirectory) {
    return refuse('it is not a regular file');
  }
  if (entry.isEncrypted()) return refuse('it is encrypted');
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
    return refuse(`it uses compression method ${entry.compressionMethod} (only stored and deflate are read)`);
  }
  if (entry.uncompressedSize > limits.maxEntryBytes) {
    return refuse(`it declares ${entry.uncompressedSize} bytes, more than the ${limits.maxEntryBytes} allowed`);
  }
  if (entry.compressionMethod === 0 && entry.compressedSize !== entry.uncompressedSize) {
    return refuse('it is stored, yet its compressed and uncompressed sizes differ');
  }
  if (
    entry.uncompressedSize > limits.ratioFloorBytes &&
    entry.uncompressedSize / Math.max(entry.compressedSize, 1) > limits.maxRatio
  ) {
    return refuse(
      `it would inflate ${Math.round(entry.uncompressedSize / Math.max(entry.compressedSize, 1))} times (zip bomb)`,
    );
  }
  return { kind: 'file' };
}

/** Names that would extract to the same file: equal, or equal ignoring case and Unicode form. */
export function collisionKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/**
 * Entries whose data overlap another's (the "overlapping files" zip bomb): sorted by local
 * header offset, each header (30 bytes + name) and its data must end before the next begins.
 */
export function overlappingEntries<T extends { readonly entry: Entry }>(entries: readonly T[]): Set<T> {
  const sorted = [...entries].sort((a, b) => a.entry.relativeOffsetOfLocalHeader - b.entry.relativeOffsetOfLocalHeader);
  const overlapping = new Set<T>();
  for (let i = 1; i < sorted.length; i += 1) {
    const previous = sorted[i - 1]!;
    const current = sorted[i]!;
    const previousEnd =
      previous.entry.relativeOffsetOfLocalHeader + 30 + previous.entry.fileNameLength + previous.entry.compressedSize;
    if (previousEnd > current.entry.relativeOffsetOfLocalHeader) {
      overlapping.add(previous);
      overlapping.add(current);
    }
  }
  return overlapping;
}
