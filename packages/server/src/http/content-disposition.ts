/** RFC 8187 attr-char: everything else in filename* is percent-encoded as UTF-8. */
const attrChar = /[A-Za-z0-9!#$&+\-.^_`|~]/;

function encodeExtValue(name: string): string {
  let out = '';
  for (const byte of Buffer.from(name, 'utf8')) {
    const char = String.fromCharCode(byte);
    out += byte < 0x80 && attrChar.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * `attachment` with an ASCII fallback and the exact name in `filename*` (RFC 6266). Quotes,
 * backslashes, control characters and separators never reach the fallback, so a stored name
 * cannot break out of the header or turn the download inline.
 */
export function attachmentDisposition(filename: string): string {
  const fallback =
    filename
      .replace(/[^A-Za-z0-9 ._()-]/g, '_')
      .replace(/^[. ]+/, '')
      .slice(0, 150) || 'evidence';
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeExtValue(filename)}`;
}
