import { bytesToHex } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accepted, bytes20, expectIdempotent, runs } from './indicator.fixtures.js';
import { eip55, normaliseEth } from './normalise-eth.js';

/** The test vectors published in EIP-55 itself. */
const eip55Examples = [
  '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
  '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
  '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB',
  '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb',
];

const swapCase = (c: string): string => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase());

describe('normaliseEth', () => {
  it.each(eip55Examples)('checksums %s as EIP-55 does', (example) => {
    expect(eip55(example.slice(2).toLowerCase())).toBe(example);
    expect(accepted(normaliseEth(example.toLowerCase())).valueNorm).toBe(example);
    expect(accepted(normaliseEth(example)).facts).toEqual({ checksumGiven: true });
  });

  it('refuses a wrong mixed-case checksum and text that is no address', () => {
    expect(normaliseEth('0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed')).toEqual({
      ok: false,
      reason: 'fraud/indicator-invalid-checksum',
    });
    for (const raw of ['0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe', '0xZZAeb6053F3E94C9b9A09f33669435E7Ef1BeAed']) {
      expect(normaliseEth(raw)).toEqual({ ok: false, reason: 'fraud/indicator-unparseable' });
    }
  });

  it('maps lower case, upper case, no prefix and an ethereum: URI to one checksummed indicator, idempotently', () => {
    fc.assert(
      fc.property(bytes20, (bytes) => {
        const lower = bytesToHex(bytes);
        const eth = expectIdempotent(normaliseEth, `0x${lower}`);
        expect(eth.valueNorm).toBe(eip55(lower));
        for (const raw of [
          lower,
          `0x${lower.toUpperCase()}`,
          eth.valueNorm,
          `ethereum:${eth.valueNorm}`,
          ` ${lower} `,
        ]) {
          expect(accepted(normaliseEth(raw)).hashKey).toBe(eth.hashKey);
        }
      }),
      runs,
    );
  });

  it('refuses a checksummed address with the case of one letter flipped', () => {
    fc.assert(
      fc.property(bytes20, fc.nat(), (bytes, at) => {
        const checksummed = eip55(bytesToHex(bytes));
        const letters = [...checksummed].flatMap((c, i) => (i > 1 && /[a-f]/i.test(c) ? [i] : []));
        // Flipping a letter of an address with a single letter would give an all-one-case address: no checksum to test.
        fc.pre(letters.length > 1);
        const position = letters[at % letters.length]!;
        const flipped =
          checksummed.slice(0, position) + swapCase(checksummed[position]!) + checksummed.slice(position + 1);
        expect(normaliseEth(flipped)).toEqual({ ok: false, reason: 'fraud/indicator-invalid-checksum' });
      }),
      runs,
    );
  });
});
