import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.js';
import { vi } from './vi.js';

export type Language = 'vi' | 'en';
const storageKey = 'h247.language';

/** Vietnamese unless the officer chose English on this browser. */
export function initialLanguage(): Language {
  return localStorage.getItem(storageKey) === 'en' ? 'en' : 'vi';
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

export function setLanguage(language: Language): void {
  localStorage.setItem(storageKey, language);
  document.documentElement.lang = language;
  void i18next.changeLanguage(language);
}

/** The server's bilingual labels, in the language the officer reads. */
export function pick(text: { readonly en: string; readonly vi: string }, language: string): string {
  return language === 'en' ? text.en : text.vi;
}
