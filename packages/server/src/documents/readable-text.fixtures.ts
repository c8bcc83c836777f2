/**
 * Machine forms a reader of a formal document must never meet: the PDF counterpart of the web
 * app's DOM scan (web/app/src/test/readable-scan.ts).
 */
const unreadable: readonly { readonly name: string; readonly pattern: RegExp }[] = [
  { name: 'ISO timestamp', pattern: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}[^\s]*/g },
  { name: 'SCREAMING_SNAKE code', pattern: /\b[A-Z][A-Z0-9]*_[A-Z0-9_]*[A-Z0-9]\b/g },
  { name: 'JSON', pattern: /[{[]\s*"[^\n]{0,40}/g },
  { name: 'unverified mark', pattern: /\[unverified\]/g },
];

/** Each offending piece of text with what it looks like, e.g. `SCREAMING_SNAKE code: ESSENTIAL_INTERESTS`. */
export function unreadableIn(text: string): string[] {
  return unreadable.flatMap(({ name, pattern }) => [...text.matchAll(pattern)].map((m) => `${name}: ${m[0]}`));
}
