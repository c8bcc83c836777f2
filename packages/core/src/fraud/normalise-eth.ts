import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { cleanInput, indicator, refuse, type NormaliseResult } from './indicator-result.js';

const hexAddress = /^(?:0x)?([0-9a-f]{40})$/i;

/** EIP-55: a hex letter is upper case when the matching nibble of keccak-256(lower-case hex) is 8 or more. */
export function eip55(lowerHex: string): string {
  const hash = bytesToHex(keccak_256(utf8ToBytes(lowerHex)));
  let out = '0x';
  for (let i = 0; i < lowerHex.length; i += 1) {
    const char = lowerHex[i]!;
    out += parseInt(hash[i]!, 16) >= 8 ? char.toUpperCase() : char;
  }
  return out;
}

/**
 * An Ethereum (or other EVM chain) address in its EIP-55 checksummed form. An all-lower or all-upper address has
 * no checksum and is accepted; a mixed-case one must carry the right checksum.
 */
export function normaliseEth(raw: string): NormaliseResult {
  const input = cleanInput(raw);
  if (!input.ok) return input;
  const match = hexAddress.exec(input.text.replace(/^ethereum:/i, '').replace(/\s+/g, ''));
  if (match === null) return refuse('fraud/indicator-unparseable');
  const hex = match[1]!;
  const checksummed = eip55(hex.toLowerCase());
  const mixedCase = hex !== hex.toLowerCase() && hex !== hex.toUpperCase();
  if (mixedCase && checksummed.slice(2) !== hex) return refuse('fraud/indicator-invalid-checksum');
  return indicator('eth', checksummed, checksummed, { checksumGiven: mixedCase });
}
