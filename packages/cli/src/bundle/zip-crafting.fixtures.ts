import { crc32, deflateRawSync } from 'node:zlib';

/**
 * Writes zip files byte by byte, including the malicious ones no zip library will produce
 * (paths with "..", symlinks, duplicate names, lying sizes, entries sharing data), so the
 * reader's refusals can be tested. Layout per APPNOTE 6.3: local headers, central directory, EOCD.
 */
export interface CraftedEntry {
  readonly name: string;
  readonly data: Buffer;
  readonly deflate?: boolean;
  /** Unix mode bits for the external attributes (e.g. 0o120777 for a symlink). */
  readonly unixMode?: number;
  /** Points this central-directory entry at the local header of an earlier entry. */
  readonly sameDataAs?: number;
  /** Lies about the uncompressed size in both headers. */
  readonly declaredSize?: number;
}

export function craftZip(entries: readonly CraftedEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const body = entry.deflate === true ? deflateRawSync(entry.data) : entry.data;
    const size = entry.declaredSize ?? entry.data.length;
    const crc = crc32(entry.data);
    const method = entry.deflate === true ? 8 : 0;
    let localOffset = offset;
    if (entry.sameDataAs === undefined) {
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(0x0800, 6);
      local.writeUInt16LE(method, 8);
      local.writeUInt32LE(crc, 14);
      local.writeUInt32LE(body.length, 18);
      local.writeUInt32LE(size, 22);
      local.writeUInt16LE(name.length, 26);
      locals.push(local, name, body);
      offset += local.length + name.length + body.length;
    } else {
      localOffset = offsets[entry.sameDataAs]!;
    }
    offsets.push(localOffset);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(entry.sameDataAs === undefined ? body.length : centralSizeOf(entries, entry.sameDataAs), 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(((entry.unixMode ?? 0o100644) << 16) >>> 0, 38);
    central.writeUInt32LE(localOffset, 42);
    centrals.push(central, name);
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function centralSizeOf(entries: readonly CraftedEntry[], index: number): number {
  const entry = entries[index]!;
  return entry.deflate === true ? deflateRawSync(entry.data).length : entry.data.length;
}
