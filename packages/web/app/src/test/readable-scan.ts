import { expect } from 'vitest';

/**
 * What a reader should never see on a page: machine forms that leaked past the formatting.
 * Shared by every DOM test of a record so one rule holds for all pages and both languages.
 */
const unreadable: readonly { readonly name: string; readonly pattern: RegExp }[] = [
  { name: 'ISO timestamp', pattern: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/ },
  { name: 'SCREAMING_SNAKE code', pattern: /\b[A-Z][A-Z0-9]*_[A-Z0-9_]*[A-Z0-9]\b/ },
  { name: 'JSON', pattern: /[{[]\s*"/ },
  // A text that is nothing but a kebab-case token is a machine's action or rule name shown as itself.
  { name: 'kebab-case code', pattern: /^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/ },
];

/** Visible text, one string per text node: attributes (a <time dateTime>, a title) are not read. */
function visibleTexts(root: Element): string[] {
  const texts: string[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent === null || parent.closest('script, style, [hidden], [aria-hidden="true"]') !== null) continue;
    const text = node.textContent?.trim() ?? '';
    if (text !== '') texts.push(text);
  }
  return texts;
}

/** Each offending text with what it looks like, e.g. `ISO timestamp: "2026-09-30T17:00Z"`. */
export function unreadableTexts(root: Element): string[] {
  // The element's own textContent also catches a form split over several text nodes.
  const candidates = [...visibleTexts(root), ...[...root.querySelectorAll('td, li, p, dd')].map((e) => e.textContent)];
  const found = new Set<string>();
  for (const text of candidates) {
    for (const { name, pattern } of unreadable) {
      if (text !== null && pattern.test(text)) found.add(`${name}: "${text}"`);
    }
  }
  return [...found];
}

/** Fails with every offending text listed, so one run shows all that leaked. */
export function expectReadable(root: Element): void {
  expect(unreadableTexts(root)).toEqual([]);
}
