import type { Indicator, IndicatorRefusal, NormaliseHints } from './indicator-result.js';
import { normaliseIndicator } from './normalise-indicator.js';
import type { IdentifierRole, RawIdentifier, ReportInput } from './report.schema.js';

export type ReportChannel = 'citizen' | 'institution';

/** An identifier of the report after normalising: an indicator, or the raw text with the reason it was refused. */
export type PreparedIdentifier =
  | { readonly ok: true; readonly raw: RawIdentifier; readonly indicator: Indicator }
  | { readonly ok: false; readonly raw: RawIdentifier; readonly reason: IndicatorRefusal };

/** An indicator the report links to, once per (indicator, role); derived ones (a URL's domain) take `derived`. */
export interface IndicatorLink {
  readonly indicator: Indicator;
  readonly role: IdentifierRole | 'derived';
}

export interface PreparedReport {
  readonly identifiers: readonly PreparedIdentifier[];
  /** The payee of each transfer, in order, normalised like the identifiers; null where none was given. */
  readonly payees: readonly (PreparedIdentifier | null)[];
  readonly links: readonly IndicatorLink[];
  /** The sum of the VND transfers only: other currencies are kept as given and never converted. */
  readonly lossVnd: number;
}

const hintsOf = (raw: Omit<RawIdentifier, 'role'>): NormaliseHints => ({
  ...(raw.bank === undefined ? {} : { bank: raw.bank }),
  ...(raw.provider === undefined ? {} : { provider: raw.provider }),
  ...(raw.platform === undefined ? {} : { platform: raw.platform }),
});

export function prepareIdentifier(raw: RawIdentifier): PreparedIdentifier {
  const result = normaliseIndicator(raw.type, raw.value, hintsOf(raw));
  return result.ok ? { ok: true, raw, indicator: result.indicator } : { ok: false, raw, reason: result.reason };
}

function linksOf(prepared: readonly PreparedIdentifier[]): IndicatorLink[] {
  const links = new Map<string, IndicatorLink>();
  const add = (indicator: Indicator, role: IndicatorLink['role']) => {
    const key = `${role}\n${indicator.hashKey}`;
    if (!links.has(key)) links.set(key, { indicator, role });
  };
  for (const item of prepared) {
    if (!item.ok) continue;
    add(item.indicator, item.raw.role);
    for (const derived of item.indicator.derived) add(derived, 'derived');
  }
  return [...links.values()];
}

/**
 * Normalises every identifier of a report (the payees of its transfers included) and sums its losses in
 * VND. Pure: a refused value stays on the report as text with its reason and never becomes an indicator.
 */
export function prepareReport(input: ReportInput): PreparedReport {
  const identifiers = input.identifiers.map(prepareIdentifier);
  const payees = input.transfers.map((transfer) =>
    transfer.payee === undefined ? null : prepareIdentifier({ ...transfer.payee, role: 'payee' }),
  );
  const lossVnd = input.transfers.filter((t) => t.currency === 'VND').reduce((sum, t) => sum + t.amount, 0);
  const links = linksOf([...identifiers, ...payees.filter((p): p is PreparedIdentifier => p !== null)]);
  return { identifiers, payees, links, lossVnd };
}
