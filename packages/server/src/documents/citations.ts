import { isVerified, type LegalSource } from '@hanoi247/core';
import type { FormalDocumentSection, LocalisedText } from './formal-document.js';
import { documentLanguages, everywhere, fillIn, instrumentNames, wording } from './record-wording.js';

/**
 * A legal source in the document's language, without the "[unverified]" mark: a section says
 * once that its citations are unverified (see `withSourcesNote`), rather than after each one.
 */
export function citeIn(source: LegalSource): LocalisedText {
  const name = instrumentNames[source.instrument];
  if (source.article === '-' || source.instrument === 'PRACTICE') {
    // The note saying why the source applies is English data: other languages print the instrument alone.
    if (source.note === undefined) return name;
    return { ...name, en: `${name['en'] ?? ''}: ${source.note}` };
  }
  // '3(a)' prints as (3)(a), the way the articles are cited.
  const paragraph = source.paragraph === undefined ? '' : source.paragraph.replace(/^([^(]+)/, '($1)');
  const article = fillIn(wording.article, { number: everywhere(`${source.article}${paragraph}`) });
  return Object.fromEntries(
    documentLanguages.map((language) => [language, `${name[language] ?? name['en']} ${article[language]}`]),
  );
}

/** A section whose fields cite these sources, with the one "unverified" note if any of them is. */
export function withSourcesNote(
  section: Omit<FormalDocumentSection, 'note'>,
  sources: readonly LegalSource[],
): FormalDocumentSection {
  const unverified = sources.some((s) => s.instrument !== 'PRACTICE' && s.article !== '-' && !isVerified(s));
  return unverified ? { ...section, note: wording.unverifiedNote } : section;
}
