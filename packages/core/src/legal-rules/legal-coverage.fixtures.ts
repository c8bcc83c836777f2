// eslint-disable-next-line no-restricted-imports -- test support lists the repository's tests; core's code does no I/O
import { readdirSync, readFileSync } from 'node:fs';
import { legalCoverageMarkdown, type TestFile } from './legal-coverage.js';

const root = new URL('../../../../', import.meta.url);
export const legalCoverageFile = new URL('docs/legal-coverage.md', root);

/** Every test file of the packages and the end-to-end tier, by path from the repository root. */
export function repositoryTestFiles(): TestFile[] {
  const found: TestFile[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(new URL(dir, root), { withFileTypes: true })) {
      const path = `${dir}${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'dist') walk(`${path}/`);
      } else if (/\.test\.tsx?$/.test(entry.name)) {
        found.push({ path, text: readFileSync(new URL(path, root), 'utf8') });
      }
    }
  };
  for (const dir of ['packages/', 'e2e/']) walk(dir);
  return found;
}

/** The document as the catalogues and the test files make it now. */
export function legalCoverageDocument(): string {
  return legalCoverageMarkdown(repositoryTestFiles());
}
