/**
 * Where a legal rule comes from. Every rule the product enforces carries one, so a
 * correction to the law is a data change. `verified: false` marks the brief's [V] items:
 * paragraph numbers not yet checked against the official text.
 */
export const instruments = ['UN', 'BUDAPEST', 'SAP', 'BILATERAL', 'RECIPROCITY', 'DOMESTIC', 'PRACTICE'] as const;
export type Instrument = (typeof instruments)[number];

export interface LegalSource {
  readonly instrument: Instrument;
  readonly article: string;
  readonly paragraph?: string;
  readonly verified: boolean;
  readonly note?: string;
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

export function un(article: number | string, paragraph?: string, verified = true): LegalSource {
  return { instrument: 'UN', article: String(article), ...(paragraph === undefined ? {} : { paragraph }), verified };
}

export function practice(note: string): LegalSource {
  return { instrument: 'PRACTICE', article: '-', verified: true, note };
}

/** "UN Convention against Cybercrime art. 42(3)" — the form shown to officers and printed on documents. */
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
  const unverified = source.verified ? '' : ' [unverified]';
  return `${instrumentNames[source.instrument]} art. ${source.article}${paragraph}${unverified}`;
}

/** The treaty basis a request relies on; validation rules are selected by it (brief §1.8). */
export const legalBases = ['UN', 'BUDAPEST', 'BILATERAL', 'RECIPROCITY'] as const;
export type LegalBasis = (typeof legalBases)[number];
