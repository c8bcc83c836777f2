import { sha256 } from '@noble/hashes/sha2.js';
import { bech32, bech32m, createBase58check } from '@scure/base';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accepted, bytes20, expectIdempotent, otherChar, replaceAt, runs } from './indicator.fixtures.js';
import { normaliseBtc } from './normalise-btc.js';

const base58check = createBase58check(sha256);
const base58Alphabet = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const bech32Alphabet = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';

/** Valid mainnet addresses from random hashes: P2PKH and P2SH (base58check), P2WPKH (bech32), P2TR (bech32m). */
const address = fc.oneof(
  bytes20.map((hash) => ({ kind: 'p2pkh', text: base58check.encode(Uint8Array.from([0x00, ...hash])) })),
  bytes20.map((hash) => ({ kind: 'p2sh', text: base58check.encode(Uint8Array.from([0x05, ...hash])) })),
  bytes20.map((hash) => ({ kind: 'p2wpkh', text: bech32.encode('bc', [0, ...bech32.toWords(hash)]) })),
  fc
    .uint8Array({ minLength: 32, maxLength: 32 })
    .map((key) => ({ kind: 'p2tr', text: bech32m.encode('bc', [1, ...bech32m.toWords(key)]) })),
);

describe('normaliseBtc', () => {
  it('accepts the published examples and tells their kind', () => {
    const genesis = accepted(normaliseBtc('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa'));
    expect(genesis.facts).toEqual({ kind: 'p2pkh', network: 'mainnet', bech32: false });
    // BIP 173's example P2WPKH address, in upper case as a QR code carries it.
    const segwit = accepted(normaliseBtc('BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4'));
    expect(segwit.hashKey).toBe('btc|bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4');
    expect(segwit.facts['kind']).toBe('p2wpkh');
  });

  it('refuses a changed character as a bad checksum and other text as unparseable', () => {
    expect(normaliseBtc('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb')).toEqual({
      ok: false,
      reason: 'fraud/indicator-invalid-checksum',
    });
    expect(normaliseBtc('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed')).toEqual({
      ok: false,
      reason: 'fraud/indicator-unparseable',
    });
  });

  it('maps case (bech32), a bitcoin: URI and spaces to one indicator, idempotently', () => {
    fc.assert(
      fc.property(address, ({ kind, text }) => {
        const btc = expectIdempotent(normaliseBtc, text);
        expect(btc.valueNorm).toBe(text);
        expect(btc.facts['kind']).toBe(kind);
        const variants = [` ${text} `, `bitcoin:${text}?amount=0.5&label=x`, `BITCOIN:${text}`];
        if (text.startsWith('bc1')) variants.push(text.toUpperCase());
        for (const raw of variants) expect(accepted(normaliseBtc(raw)).hashKey).toBe(btc.hashKey);
      }),
      runs,
    );
  });

  it('refuses any address with one character changed', () => {
    fc.assert(
      fc.property(address, fc.nat(), fc.nat(), ({ text }, at, pick) => {
        const bech = text.startsWith('bc1');
        const first = bech ? 3 : 1;
        const position = first + (at % (text.length - first));
        const changed = replaceAt(
          text,
          position,
          otherChar(bech ? bech32Alphabet : base58Alphabet, text[position]!, pick),
        );
        expect(normaliseBtc(changed)).toEqual({ ok: false, reason: 'fraud/indicator-invalid-checksum' });
      }),
      runs,
    );
  });
});
