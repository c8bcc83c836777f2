import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { vi } from './vi.js';

const keys = (dictionary: object): string[] =>
  Object.entries(dictionary)
    .flatMap(([section, entries]) => Object.keys(entries as object).map((key) => `${section}.${key}`))
    .sort();
const placeholders = (text: string): string[] => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();

describe('the two dictionaries', () => {
  it('have exactly the same keys, so no Vietnamese screen falls back to English', () => {
    expect(keys(vi)).toEqual(keys(en));
  });

  it('use the same placeholders and leave no string empty', () => {
    for (const [section, entries] of Object.entries(en)) {
      for (const [key, english] of Object.entries(entries as Record<string, string>)) {
        const vietnamese = (vi as unknown as Record<string, Record<string, string>>)[section]?.[key] ?? '';
        expect(vietnamese.trim(), `${section}.${key}`).not.toBe('');
        expect(placeholders(vietnamese), `${section}.${key}`).toEqual(placeholders(english));
      }
    }
  });
});
