/** One record of a CSV file: the line it starts on (1-based) and its fields. */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
}

export type CsvResult =
  | { readonly ok: true; readonly records: readonly CsvRecord[] }
  | { readonly ok: false; readonly line: number; readonly reason: string };

interface Cursor {
  readonly text: string;
  at: number;
  line: number;
}

/** A quoted field from its opening quote: `""` is one quote; line breaks inside count as lines. */
function quoted(cursor: Cursor): string | null {
  let value = '';
  cursor.at += 1;
  for (;;) {
    const next = cursor.text.indexOf('"', cursor.at);
    if (next === -1) return null;
    const chunk = cursor.text.slice(cursor.at, next);
    cursor.line += chunk.split('\n').length - 1;
    value += chunk;
    cursor.at = next + 1;
    if (cursor.text[cursor.at] !== '"') return value;
    value += '"';
    cursor.at += 1;
  }
}

function unquoted(cursor: Cursor): string {
  const rest = /[^,\r\n]*/y;
  rest.lastIndex = cursor.at;
  const match = rest.exec(cursor.text);
  const value = match?.[0] ?? '';
  cursor.at += value.length;
  return value;
}

/** Reads one record; the cursor ends after its line break. */
function record(cursor: Cursor): readonly string[] | string {
  const fields: string[] = [];
  for (;;) {
    const field = cursor.text[cursor.at] === '"' ? quoted(cursor) : unquoted(cursor);
    if (field === null) return 'a quoted field is not closed';
    fields.push(field);
    const next = cursor.text[cursor.at];
    if (next === ',') {
      cursor.at += 1;
      continue;
    }
    if (next === undefined) return fields;
    if (next === '\r' && cursor.text[cursor.at + 1] === '\n') cursor.at += 1;
    if (next === '\r' || next === '\n') {
      cursor.at += 1;
      cursor.line += 1;
      return fields;
    }
    return 'text follows a closing quote';
  }
}

/**
 * RFC 4180 CSV (comma, double quotes, CRLF or LF; a leading byte-order mark ignored). Blank lines are
 * skipped. A malformed record stops the reading: after a stray quote the rest of the file cannot be
 * split into records with any certainty, so the caller refuses the file and names the line.
 */
export function readCsv(text: string): CsvResult {
  const cursor: Cursor = { text: text.startsWith('\uFEFF') ? text.slice(1) : text, at: 0, line: 1 };
  const records: CsvRecord[] = [];
  while (cursor.at < cursor.text.length) {
    const line = cursor.line;
    const fields = record(cursor);
    if (typeof fields === 'string') return { ok: false, line, reason: fields };
    if (fields.length === 1 && fields[0] === '') continue;
    records.push({ line, fields });
  }
  return { ok: true, records };
}
