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

// The fraud desk's code lists with their labels in both languages (pure data), and the normalisers the public
// report form checks identifiers with as they are typed: none of them reaches a Node built-in (browser.test.ts).
export { normaliseIndicator } from './fraud/normalise-indicator.js';
export { indicatorTypes } from './fraud/indicator-types.js';
export { firstContactChannels, scamTypeCodes, scamTypeLabels } from './fraud/scam-types.js';
