import { readCsv, type CsvRecord } from './csv.js';

/** One row of a bulk submission before validation: the line it came from and what it says, or why it is unreadable. */
export type BatchRow =
  | { readonly line: number; readonly ok: true; readonly input: unknown }
  | { readonly line: number; readonly ok: false; readonly reason: string };

export type BatchReading =
  | { readonly ok: true; readonly rows: readonly BatchRow[] }
  | { readonly ok: false; readonly line: number; readonly reason: string };

/** JSON Lines: one report per non-blank line; a line that is not a JSON object is a bad row, not a bad file. */
export function readJsonLines(text: string, parse: (line: string) => unknown): BatchReading {
  const rows: BatchRow[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    try {
      const input = parse(raw);
      rows.push(
        typeof input === 'object' && input !== null && !Array.isArray(input)
          ? { line, ok: true, input }
          : { line, ok: false, reason: 'the line is not a JSON object' },
      );
    } catch {
      rows.push({ line, ok: false, reason: 'the line is not valid JSON' });
    }
  });
  return { ok: true, rows };
}

/** The CSV columns: one row is one report with at most one transfer (docs/fraud-reports.md). */
export const csvReportColumns = [
  'institution_reference',
  'scam_type',
  'occurred_at',
  'first_contact',
  'province',
  'transfer_at',
  'amount',
  'currency',
  'payer_institution',
  'payee_type',
  'payee_value',
  'payee_bank',
  'transaction_reference',
  'identifiers',
] as const;
type Column = (typeof csvReportColumns)[number];
const requiredColumns: readonly Column[] = ['institution_reference', 'scam_type', 'occurred_at', 'first_contact'];

const present = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value.trim());
/** The object without its undefined keys, so a blank optional cell reads as absent. */
const defined = (object: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
/** A plain decimal becomes a number; anything else stays text, for the schema to refuse with its reason. */
const amountOf = (value: string) => (/^\d+(\.\d+)?$/.test(value) ? Number(value) : value);

/** `phone=0912 345 678; url=https://…`: entries split on `;`, each on its first `=`. */
function identifiersOf(cell: string | undefined): unknown[] {
  return (present(cell) ?? '')
    .split(';')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => {
      const cut = entry.indexOf('=');
      return cut === -1
        ? { type: '', value: entry }
        : { type: entry.slice(0, cut).trim(), value: entry.slice(cut + 1) };
    });
}

function transferOf(cell: (column: Column) => string | undefined): unknown[] {
  const amount = cell('amount');
  if (amount === undefined) return [];
  const payeeValue = cell('payee_value');
  const payee =
    payeeValue === undefined
      ? undefined
      : defined({ type: cell('payee_type') ?? '', value: payeeValue, bank: cell('payee_bank') });
  const transfer = defined({
    at: cell('transfer_at'),
    amount: amountOf(amount),
    currency: cell('currency'),
    payerInstitution: cell('payer_institution'),
    payee,
    transactionReference: cell('transaction_reference'),
  });
  return [transfer];
}

function reportOf(header: readonly Column[], record: CsvRecord): BatchRow {
  if (record.fields.length !== header.length) {
    return {
      line: record.line,
      ok: false,
      reason: `the row has ${record.fields.length} fields, the header ${header.length}`,
    };
  }
  const cell = (column: Column) => present(record.fields[header.indexOf(column)]);
  const input = defined({
    institutionReference: cell('institution_reference'),
    scamType: cell('scam_type'),
    occurredAt: cell('occurred_at'),
    firstContact: cell('first_contact'),
    province: cell('province'),
    transfers: transferOf(cell),
    identifiers: identifiersOf(cell('identifiers')),
  });
  return { line: record.line, ok: true, input };
}

/** CSV with a header row naming columns of `csvReportColumns` (any order); a bad header refuses the whole file. */
export function readCsvReports(text: string): BatchReading {
  const read = readCsv(text);
  if (!read.ok) return read;
  const [first, ...records] = read.records;
  if (first === undefined) return { ok: true, rows: [] };
  const header = first.fields.map((name) => name.trim().toLowerCase());
  const unknown = header.filter((name) => !(csvReportColumns as readonly string[]).includes(name));
  const missing = requiredColumns.filter((name) => !header.includes(name));
  if (unknown.length > 0 || missing.length > 0 || new Set(header).size !== header.length) {
    const reason = [
      unknown.length > 0 ? `unknown columns: ${unknown.join(', ')}` : '',
      missing.length > 0 ? `missing columns: ${missing.join(', ')}` : '',
    ].filter((part) => part !== '');
    return { ok: false, line: first.line, reason: reason.join('; ') || 'a column is named twice' };
  }
  return { ok: true, rows: records.map((record) => reportOf(header as Column[], record)) };
}
