export type Language = 'vi' | 'en';

const supported: readonly Language[] = ['vi', 'en'];

export interface LanguageSources {
  /** What the user picked with the switch on this browser, if ever. */
  readonly saved: Language | null;
  /** The operator's `web.defaultLanguage`, null when unset or not yet known. */
  readonly nodeDefault: Language | null;
  /** The browser's preferences, most preferred first (what it sends as Accept-Language). */
  readonly browser: readonly string[];
}

/** The language a BCP 47 tag asks for, if the app has it: 'vi-VN' → 'vi', 'en-GB' → 'en', 'fr' → null. */
export function supportedLanguageOf(tag: string): Language | null {
  try {
    const language = new Intl.Locale(tag).language;
    return supported.find((candidate) => candidate === language) ?? null;
  } catch {
    return null; // not a well-formed tag: it asks for nothing we have
  }
}

/**
 * Issue 13's order: the user's own choice, then what the node's operator set for the State's
 * officers, then the browser's first language the app has, then Vietnamese (the project's first).
 */
export function resolveLanguage(sources: LanguageSources): Language {
  if (sources.saved !== null) return sources.saved;
  if (sources.nodeDefault !== null) return sources.nodeDefault;
  for (const tag of sources.browser) {
    const language = supportedLanguageOf(tag);
    if (language !== null) return language;
  }
  return 'vi';
}
