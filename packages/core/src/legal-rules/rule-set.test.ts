import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../support/canonical-json.js';
import { legalRuleData, ruleSetVersion } from './rule-set.js';

/**
 * The SHA-256 of the canonical JSON (RFC 8785) of all legal rule data, per rule-set version. A change
 * to any rule changes the digest: give the rules a new version and pin the new digest beside it.
 */
const pinned: Readonly<Record<string, string>> = {
  '2026.12.1': '467642507c509e0a6aba5054d584278693e3bd1ed6e6d56a7ef741e25721d3c0',
  // States that only a domestic order's events reach (recordedBy), the order's own period clock.
  '2026.12.2': '04ea1a5221d0d045f7f955554010770828c295d6b9d9832f2afdedd9c20dca60',
  // Confirming a production complete for a foreign request needs the authority to disclose (Arts. 36, 40).
  '2026.12.3': '538f67a351c73c95d20a2c5934a6006e744f7c00f6dab17423793ae5286196cb',
};

describe('the rule-set version', () => {
  it('is a dated version, yyyy.mm.n', () => {
    expect(ruleSetVersion).toMatch(/^\d{4}\.\d{2}\.\d+$/);
  });

  it('pins the legal rule data it was released with', () => {
    const digest = createHash('sha256').update(canonicalJson(legalRuleData())).digest('hex');
    expect(
      digest,
      `the legal rules changed without a new version: bump ruleSetVersion in ` +
        `packages/core/src/legal-rules/rule-set.ts (now ${ruleSetVersion}) and pin ` +
        `${digest} for it in this test`,
    ).toBe(pinned[ruleSetVersion]);
  });

  it('holds the rules themselves, not only their names', () => {
    const text = canonicalJson(legalRuleData());
    for (const rule of [
      '"seriousCrimeThresholdYears":4',
      '"extraditionThresholdYears":1',
      '"minimumPreservationDays":60',
    ]) {
      expect(text).toContain(rule);
    }
    expect(text).toContain('"minimumPreservationDays":60');
    expect(text).toContain('"quote":"Any preservation effected in response to the request referred to in paragraph 1');
  });
});
