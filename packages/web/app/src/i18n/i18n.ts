import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.js';
import { resolveLanguage, type Language } from './language-order.js';
import { vi } from './vi.js';

export type { Language } from './language-order.js';
const storageKey = 'h247.language';

/** The language the user picked with the switch on this browser, if ever. */
export function savedLanguage(): Language | null {
  const saved = localStorage.getItem(storageKey);
  return saved === 'en' || saved === 'vi' ? saved : null;
}

function browserLanguages(): readonly string[] {
  return navigator.languages.length > 0 ? navigator.languages : [navigator.language];
}

/** Before the node has said its default: the saved choice, else the browser's, else Vietnamese. */
export function initialLanguage(): Language {
  return resolveLanguage({ saved: savedLanguage(), nodeDefault: null, browser: browserLanguages() });
}

export function initI18n(): void {
  const lng = initialLanguage();
  void i18next.use(initReactI18next).init({
    resources: { vi: { translation: vi }, en: { translation: en } },
    lng,
    fallbackLng: false,
    interpolation: { escapeValue: false },
  });
  document.documentElement.lang = lng;
}

function show(language: Language): Promise<unknown> {
  document.documentElement.lang = language;
  return i18next.changeLanguage(language);
}

/** The user's choice: remembered on this browser, and it outranks the node's default from now on. */
export function setLanguage(language: Language): void {
  localStorage.setItem(storageKey, language);
  void show(language);
}

/** Once the node has said its operator's default: applied unless the user chose (nothing is saved). */
export async function followNodeLanguage(nodeDefault: Language | null): Promise<void> {
  const language = resolveLanguage({ saved: savedLanguage(), nodeDefault, browser: browserLanguages() });
  if (i18next.language !== language) await show(language);
}

/** The server's bilingual labels, in the language the officer reads. */
export function pick(text: { readonly en: string; readonly vi: string }, language: string): string {
  return language === 'en' ? text.en : text.vi;
}
