import { nodeHash } from './hasher.js';
import { proofChecks } from './proof-checks.js';

/** RFC 9162 inclusion and consistency checks over Node's SHA-256 (proof-checks.ts). */
export const { verifyInclusion, verifyConsistency } = proofChecks(nodeHash);
