/**
 * Writes the committed Merkle proof vectors (packages/core/src/ledger/testdata/*.json).
 * Run with `npx tsx scripts/generate-ledger-vectors.ts` after a deliberate change to the
 * generator; packages/core/src/ledger/vectors.test.ts checks the files against it.
 */
import { writeFileSync } from 'node:fs';
import {
  consistencyVectors,
  inclusionVectors,
  vectorFileText,
} from '../packages/core/src/ledger/testdata/vectors.fixtures.js';

const dir = new URL('../packages/core/src/ledger/testdata/', import.meta.url);
writeFileSync(new URL('inclusion.json', dir), vectorFileText(inclusionVectors()));
writeFileSync(new URL('consistency.json', dir), vectorFileText(consistencyVectors()));
console.log('wrote inclusion.json and consistency.json');
