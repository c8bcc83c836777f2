/**
 * Where a legal rule comes from. Every rule the product enforces carries one, so a
 * correction to the law is a data change. A citation is unverified until someone has read
 * the paragraph in the instrument's official text and recorded what they read: the brief's
 * [V] items, and every UN paragraph number while the official text (A/RES/79/243, annex)
 * is not at hand, stay unverified.
 */
export const instruments = ['UN', 'BUDAPEST', 'SAP', 'BILATERAL', 'RECIPROCITY', 'DOMESTIC', 'PRACTICE'] as const;
export type Instrument = (typeof instruments)[number];

/** Who read which paragraph of which official text, when, and the words they read. */
export interface Verification {
  readonly officialText: string;
  /** The paragraph as the official text numbers it, e.g. "Article 29, paragraph 5, sub-paragraph a". */
  readonly paragraph: string;
  /** A short exact quotation of that paragraph. */
  readonly quote: string;
  readonly verifiedBy: string;
  /** The day of the check, yyyy-mm-dd. */
  readonly verifiedOn: string;
}

export interface LegalSource {
  readonly instrument: Instrument;
  readonly article: string;
  readonly paragraph?: string;
  readonly note?: string;
  /** Present only for a citation checked word for word against the official text. */
  readonly verification?: Verification;
}

/** A citation read in the official text, with the record of that reading. */
export type VerifiedLegalSource = LegalSource & { readonly verification: Verification };

/** The texts a citation may be verified against: only an instrument's official text counts. */
export const officialTexts: Readonly<Partial<Record<Instrument, string>>> = {
  UN: 'United Nations Convention against Cybercrime, A/RES/79/243, annex',
  BUDAPEST: 'Convention on Cybercrime, ETS No. 185 (authentic English text, as published in Tractatenblad 2004, 18)',
};

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/**
 * What is wrong with a citation's verification, or nothing: a verified citation carries the
 * official text of its instrument, the paragraph, a quotation, who checked it and when.
 */
export function verificationProblems(source: LegalSource): string[] {
  const v = source.verification;
  if (v === undefined) return [];
  const problems: string[] = [];
  const official = officialTexts[source.instrument];
  if (official === undefined) problems.push(`${source.instrument} has no official text to verify against`);
  else if (v.officialText !== official) problems.push(`officialText is not "${official}"`);
  if (!v.paragraph.trim().startsWith(`Article ${source.article}`)) {
    problems.push(`paragraph must name Article ${source.article}`);
  }
  if (v.quote.trim().length < 20) problems.push('quote must be a real quotation of the paragraph');
  if (v.verifiedBy.trim() === '') problems.push('verifiedBy is empty');
  if (!isoDate.test(v.verifiedOn) || Number.isNaN(Date.parse(v.verifiedOn))) {
    problems.push('verifiedOn must be a date (yyyy-mm-dd)');
  }
  return problems;
}

/** Verified means a complete verification against the official text, nothing less. */
export function isVerified(source: LegalSource): boolean {
  return source.verification !== undefined && verificationProblems(source).length === 0;
}

const instrumentNames: Record<Instrument, string> = {
  UN: 'UN Convention against Cybercrime',
  BUDAPEST: 'Budapest Convention',
  SAP: 'Second Additional Protocol',
  BILATERAL: 'bilateral treaty',
  RECIPROCITY: 'reciprocity',
  DOMESTIC: 'domestic law',
  PRACTICE: 'operational practice (G8/UNODC)',
};

/** A UN citation: unverified, since no official text of the Convention has been checked. */
export function un(article: number | string, paragraph?: string): LegalSource {
  return { instrument: 'UN', article: String(article), ...(paragraph === undefined ? {} : { paragraph }) };
}

export function practice(note: string): LegalSource {
  return { instrument: 'PRACTICE', article: '-', note };
}

/**
 * "UN Convention against Cybercrime art. 42(2)(c) [unverified]" — the form shown to officers and printed on documents.
 */
export function citeLegalSource(source: LegalSource): string {
  if (source.instrument === 'PRACTICE') return `${instrumentNames.PRACTICE}: ${source.note ?? ''}`.trim();
  // No article to cite (a bilateral treaty, reciprocity): the instrument and why it applies.
  if (source.article === '-') {
    return source.note === undefined
      ? instrumentNames[source.instrument]
      : `${instrumentNames[source.instrument]}: ${source.note}`;
  }
  // '3(a)' prints as (3)(a), the way the articles are cited.
  const paragraph = source.paragraph === undefined ? '' : source.paragraph.replace(/^([^(]+)/, '($1)');
  const unverified = isVerified(source) ? '' : ' [unverified]';
  return `${instrumentNames[source.instrument]} art. ${source.article}${paragraph}${unverified}`;
}

/** The treaty basis a request relies on; validation rules are selected by it (brief §1.8). */
export const legalBases = ['UN', 'BUDAPEST', 'BILATERAL', 'RECIPROCITY'] as const;
export type LegalBasis = (typeof legalBases)[number];
