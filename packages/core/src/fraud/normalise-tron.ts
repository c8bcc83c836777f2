import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { createBase58check } from '@scure/base';
import { cleanInput, indicator, refuse, type NormaliseResult } from './indicator-result.js';

const base58check = createBase58check(sha256);
/** TRON's mainnet addresses are 21 bytes: the prefix 0x41 and a 20-byte account id. */
const tronPrefix = 0x41;
const hexForm = /^41[0-9a-f]{40}$/i;
const base58Shape = /^T[1-9A-HJ-NP-Za-km-z]{33}$/;

function decode(address: string): Uint8Array | 'checksum' | 'shape' {
  if (hexForm.test(address)) return hexToBytes(address.toLowerCase());
  try {
    return base58check.decode(address);
  } catch {
    return base58Shape.test(address) ? 'checksum' : 'shape';
  }
}

/**
 * A TRON address in base58check (`T…`): 21 bytes starting 0x41 with a double-SHA-256 checksum. The hex form
 * (`41…`, 42 hex digits) is accepted and written in base58check.
 */
export function normaliseTron(raw: string): NormaliseResult {
  const input = cleanInput(raw);
  if (!input.ok) return input;
  const bytes = decode(input.text.replace(/\s+/g, ''));
  if (bytes === 'checksum') return refuse('fraud/indicator-invalid-checksum');
  if (bytes === 'shape' || bytes.length !== 21 || bytes[0] !== tronPrefix) {
    return refuse('fraud/indicator-unparseable');
  }
  const address = base58check.encode(bytes);
  return indicator('tron', address, address, { hex: bytesToHex(bytes) });
}
