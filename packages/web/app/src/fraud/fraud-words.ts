import { indicatorTypes, scamTypeLabels } from '@hanoi247/core/browser';

const lang = (language: string): 'vi' | 'en' => (language === 'en' ? 'en' : 'vi');

/** A scam type's label in the reader's language (the code list's own labels). */
export function scamTypeWords(code: string, language: string): string {
  const label = (scamTypeLabels as Readonly<Record<string, { vi: string; en: string }>>)[code];
  return label === undefined ? code.toLowerCase().replaceAll('_', ' ') : label[lang(language)];
}

/** An indicator type's label in the reader's language. */
export function indicatorTypeWords(code: string, language: string): string {
  const definition = (indicatorTypes as Readonly<Record<string, { label: { vi: string; en: string } }>>)[code];
  return definition === undefined ? code : definition.label[lang(language)];
}

/** "15.000.000" / "15,000,000": an amount of VND as the reader writes numbers. */
export function vnd(amount: number, language: string): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'vi-VN').format(amount);
}
