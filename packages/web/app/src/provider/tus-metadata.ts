/** The pure parts of the tus client, unit-tested without a network. */

/** "key base64(utf8 value)" pairs, comma-separated (tus creation extension). */
export function encodeUploadMetadata(pairs: Readonly<Record<string, string>>): string {
  return Object.entries(pairs)
    .map(([key, value]) => {
      let binary = '';
      for (const byte of new TextEncoder().encode(value)) binary += String.fromCharCode(byte);
      return `${key} ${btoa(binary)}`;
    })
    .join(',');
}

/**
 * Where a half-done upload of this very file to this order is remembered: name, size and
 * modification time stand for "the same file" (hashing it again only to find the key would
 * cost as much as the upload's own hash).
 */
export function resumeKey(
  orderId: string,
  file: { readonly name: string; readonly size: number; readonly lastModified: number },
): string {
  return `h247.tus.${orderId}.${file.size}.${file.lastModified}.${file.name}`;
}

export function toHex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The next chunk to send, [start, end), never past the file. */
export function nextChunk(
  offset: number,
  size: number,
  chunkSize: number,
): { readonly start: number; readonly end: number } {
  return { start: offset, end: Math.min(size, offset + chunkSize) };
}
