/**
 * The server cites legal sources in English ("UN Convention against Cybercrime art. 42(2)(c)
 * [unverified]", see core's citeLegalSource). A record shows them in the reader's language and
 * says "unverified" once per section, not after every citation.
 */
export const instrumentKeys = ['UN', 'BUDAPEST', 'SAP', 'BILATERAL', 'RECIPROCITY', 'DOMESTIC', 'PRACTICE'] as const;
export type InstrumentKey = (typeof instrumentKeys)[number];

/** The English names core prints, longest first so "UN Convention…" never matches a shorter name. */
const englishNames: readonly (readonly [string, InstrumentKey])[] = [
  ['operational practice (G8/UNODC)', 'PRACTICE'],
  ['UN Convention against Cybercrime', 'UN'],
  ['Second Additional Protocol', 'SAP'],
  ['Budapest Convention', 'BUDAPEST'],
  ['bilateral treaty', 'BILATERAL'],
  ['domestic law', 'DOMESTIC'],
  ['reciprocity', 'RECIPROCITY'],
];

export interface Citation {
  /** Null when the text names no instrument this build knows: it is then shown as given. */
  readonly instrument: InstrumentKey | null;
  /** "42(2)(c)", or null when the source cites no article. */
  readonly article: string | null;
  /** Why the source applies, in English, when it cites no article (practice, treaty, reciprocity). */
  readonly note: string | null;
  readonly unverified: boolean;
  readonly text: string;
}

const unverifiedMark = /\s*\[unverified\]\s*$/i;

export function parseCitation(cited: string): Citation {
  const unverified = unverifiedMark.test(cited);
  const text = cited.replace(unverifiedMark, '').trim();
  const known = englishNames.find(([name]) => text.toLowerCase().startsWith(name.toLowerCase()));
  if (known === undefined) return { instrument: null, article: null, note: null, unverified, text };
  const rest = text.slice(known[0].length).trim();
  const article = /^art\.\s*(.+)$/.exec(rest)?.[1]?.trim() ?? null;
  const note = article === null && rest.startsWith(':') ? rest.slice(1).trim() || null : null;
  return { instrument: known[1], article, note, unverified, text };
}

export interface CitationWords {
  readonly language: string;
  readonly instrument: (key: InstrumentKey) => string;
  readonly article: (number: string) => string;
}

/**
 * A citation in the reader's words. The note explaining a source without an article is English
 * data from the server, so a Vietnamese reader gets the instrument alone rather than mixed languages.
 */
export function citationText(citation: Citation, words: CitationWords): string {
  if (citation.instrument === null) return citation.text;
  const name = words.instrument(citation.instrument);
  if (citation.article !== null) return `${name} ${words.article(citation.article)}`;
  return citation.note !== null && words.language === 'en' ? `${name}: ${citation.note}` : name;
}

/** Each source once, in first-cited order, and whether any of them is unverified. */
export function citedOnce(
  cited: readonly string[],
  words: CitationWords,
): { readonly sources: readonly string[]; readonly unverified: boolean } {
  const parsed = cited.map(parseCitation);
  return {
    sources: [...new Set(parsed.map((c) => citationText(c, words)))],
    unverified: parsed.some((c) => c.unverified),
  };
}
