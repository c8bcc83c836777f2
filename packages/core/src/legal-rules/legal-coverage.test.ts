// eslint-disable-next-line no-restricted-imports -- the test reads the committed document; core's code does no I/O
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { legalCoverageMarkdown } from './legal-coverage.js';
import { legalCoverageDocument, legalCoverageFile } from './legal-coverage.fixtures.js';

describe('docs/legal-coverage.md', () => {
  it(
    'is what the catalogues and the tests make it now (regenerate: node --import ' + 'tsx scripts/legal-coverage.ts)',
    () => {
      expect(readFileSync(legalCoverageFile, 'utf8')).toBe(legalCoverageDocument());
    },
  );

  it('maps a test file to the articles it names or the request types of those articles', () => {
    const tests = [
      { path: 'a.test.ts', text: 'refuses a preservation under Art. 42(5)' },
      { path: 'b.test.ts', text: "type: 'TRAFFIC_PATH_43'" },
      { path: 'c.test.ts', text: 'Điều 45 and art. 420 are other articles' },
    ];
    const section = (article: number) => {
      const text = legalCoverageMarkdown(tests);
      const start = text.indexOf(`### Art. ${article}:`);
      return text.slice(start, text.indexOf('### Art.', start + 1));
    };
    expect(section(42)).toContain('- Tests (1): `a.test.ts`');
    expect(section(43)).toContain('- Tests (1): `b.test.ts`');
    expect(section(45)).toContain('- Tests (1): `c.test.ts`');
    expect(section(41)).toContain('- Tests (0): none');
  });
});
