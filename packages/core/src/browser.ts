/**
 * What the web app imports from core (`@hanoi247/core/browser`): pure code with no Node
 * built-in anywhere on its import path, so Vite bundles it for the browser. The proof checks
 * are the very functions the server and the bundle verifier run (ledger/proof-checks.ts),
 * over a portable SHA-256; browser.test.ts keeps node:* modules off this path.
 */
import { portableLeafHash, portableNodeHash } from './ledger/portable-hasher.js';
import { proofChecks } from './ledger/proof-checks.js';

export { hashSize } from './ledger/hash-bytes.js';
export const leafHash = portableLeafHash;
export const { verifyInclusion, verifyConsistency } = proofChecks(portableNodeHash);
// The fraud desk's code lists with their labels in both languages (pure data).
export { scamTypeLabels } from './fraud/scam-types.js';
export { indicatorTypes } from './fraud/indicator-types.js';
