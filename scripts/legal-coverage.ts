/**
 * Writes docs/legal-coverage.md from the rule catalogues of packages/core and the repository's test
 * files. Run with `node --import tsx scripts/legal-coverage.ts` after changing legal rules or their
 * tests; packages/core/src/legal-rules/legal-coverage.test.ts fails while the file is stale.
 */
import { writeFileSync } from 'node:fs';
import { legalCoverageDocument, legalCoverageFile } from '../packages/core/src/legal-rules/legal-coverage.fixtures.js';

writeFileSync(legalCoverageFile, legalCoverageDocument());
console.log(`wrote ${legalCoverageFile.pathname}`);
