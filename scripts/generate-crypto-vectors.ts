/**
 * Writes the published crypto-format test vectors (docs/protocols/test-vectors/*.json) from the
 * implementation, with fixed test keys and nonces, so the output is the same on every run.
 * Run with `npx tsx --conditions=source scripts/generate-crypto-vectors.ts` after a deliberate
 * change to a format; packages/server/src/crypto-vectors/crypto-vectors.test.ts checks the files.
 */
import { writeFileSync } from 'node:fs';
import { vectorDir, vectorFiles } from '../packages/server/src/crypto-vectors/crypto-vectors.fixtures.js';

for (const [name, text] of Object.entries(vectorFiles)) {
  writeFileSync(new URL(name, vectorDir), await text());
  console.log(`wrote docs/protocols/test-vectors/${name}`);
}
