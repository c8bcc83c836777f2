import { getAddressInfo } from 'bitcoin-address-validation';
import { cleanInput, indicator, refuse, type NormaliseResult } from './indicator-result.js';

const bech32Shape = /^(bc|tb|bcrt)1[02-9ac-hj-np-z]{6,87}$/;
const base58Shape = /^[1-9A-HJ-NP-Za-km-z]{25,35}$/;

/** Bech32 is case-insensitive and canonical in lower case; base58 is case-sensitive and kept as given. */
function candidate(text: string): string {
  const address = text
    .replace(/^bitcoin:/i, '')
    .replace(/\?.*$/, '')
    .replace(/\s+/g, '');
  return /^(bc|tb|bcrt)1/i.test(address) ? address.toLowerCase() : address;
}

/**
 * A Bitcoin address, checked by bitcoin-address-validation (base58check or bech32/bech32m checksum) and told
 * apart by kind: p2pkh, p2sh, p2wpkh, p2wsh, p2tr. A `bitcoin:` URI gives its address.
 */
export function normaliseBtc(raw: string): NormaliseResult {
  const input = cleanInput(raw);
  if (!input.ok) return input;
  const address = candidate(input.text);
  try {
    const info = getAddressInfo(address);
    return indicator('btc', address, address, { kind: info.type, network: info.network, bech32: info.bech32 });
  } catch {
    const wellFormed = bech32Shape.test(address) || base58Shape.test(address);
    return refuse(wellFormed ? 'fraud/indicator-invalid-checksum' : 'fraud/indicator-unparseable');
  }
}
