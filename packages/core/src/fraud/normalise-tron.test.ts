import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { createBase58check } from '@scure/base';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accepted, bytes20, expectIdempotent, otherChar, replaceAt, runs } from './indicator.fixtures.js';
import { normaliseTron } from './normalise-tron.js';

const base58check = createBase58check(sha256);
const base58Alphabet = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const tronAddress = bytes20.map((id) => Uint8Array.from([0x41, ...id]));

describe('normaliseTron', () => {
  it('accepts the published USDT contract address and its hex form', () => {
    const usdt = accepted(normaliseTron('TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t'));
    expect(usdt.hashKey).toBe('tron|TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t');
    expect(accepted(normaliseTron(String(usdt.facts['hex']).toUpperCase())).hashKey).toBe(usdt.hashKey);
  });

  it('refuses a bad checksum, a base58check value of another kind and junk', () => {
    expect(normaliseTron('TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u')).toEqual({
      ok: false,
      reason: 'fraud/indicator-invalid-checksum',
    });
    // A Bitcoin P2PKH address is valid base58check, but 25 bytes that do not start 0x41.
    expect(normaliseTron('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa')).toEqual({
      ok: false,
      reason: 'fraud/indicator-unparseable',
    });
    expect(normaliseTron('not a wallet')).toEqual({ ok: false, reason: 'fraud/indicator-unparseable' });
  });

  it('maps the base58check and hex forms to one indicator, idempotently', () => {
    fc.assert(
      fc.property(tronAddress, (bytes) => {
        const text = base58check.encode(bytes);
        const tron = expectIdempotent(normaliseTron, text);
        expect(tron.valueNorm).toBe(text);
        for (const raw of [bytesToHex(bytes), bytesToHex(bytes).toUpperCase(), ` ${text} `]) {
          expect(accepted(normaliseTron(raw)).hashKey).toBe(tron.hashKey);
        }
      }),
      runs,
    );
  });

  it('refuses any address with one character changed', () => {
    fc.assert(
      fc.property(tronAddress, fc.nat(), fc.nat(), (bytes, at, pick) => {
        const text = base58check.encode(bytes);
        const position = 1 + (at % (text.length - 1));
        const changed = replaceAt(text, position, otherChar(base58Alphabet, text[position]!, pick));
        expect(normaliseTron(changed)).toEqual({ ok: false, reason: 'fraud/indicator-invalid-checksum' });
      }),
      runs,
    );
  });
});
