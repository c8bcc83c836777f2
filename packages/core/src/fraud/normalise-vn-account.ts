import {
  cleanInput,
  indicator,
  nameKey,
  refuse,
  type NormaliseHints,
  type NormaliseResult,
} from './indicator-result.js';
import { vnBanks, vnBankTable, type VnBank } from './vn-bank-bins.js';

const byKey = new Map<string, VnBank>();
for (const bank of vnBanks) {
  for (const name of [bank.bin, bank.shortName, bank.name, ...bank.aliases]) byKey.set(nameKey(name), bank);
}

/** A bank as a reporter writes it: BIN, short name, alias or full name, with or without "Ngân hàng" in front. */
export function findVnBank(written: string): VnBank | undefined {
  const key = nameKey(written);
  return byKey.get(key) ?? byKey.get(key.replace(/^(nganhang|nh)/, ''));
}

/** Account numbers are 6 to 19 digits (the span of NAPAS account formats, an assumption: no official source found). */
const accountDigits = /^\d{6,19}$/;
const canonical = /^VN:(\d{6}):(\d+)$/i;

/** Splits "Vietcombank 0071 000 123 456", "970436 0071000123456" or "VN:970436:0071000123456" into bank and number. */
function split(text: string, hints: NormaliseHints): { bank: string | undefined; account: string } {
  const exact = canonical.exec(text);
  if (exact) return { bank: exact[1], account: exact[2]! };
  const colon = /^([^:]+):\s*([\d\s.-]+)$/.exec(text);
  if (colon) return { bank: colon[1], account: colon[2]! };
  const named = /^(.*?[^\d\s.-].*?)\s+([\d\s.-]+)$/u.exec(text);
  if (named) return { bank: named[1], account: named[2]! };
  const binFirst = /^(\d{6})\s+([\d\s.-]+)$/.exec(text);
  if (binFirst && findVnBank(binFirst[1]!) !== undefined) return { bank: binFirst[1], account: binFirst[2]! };
  return { bank: hints.bank, account: text };
}

/**
 * A Vietnamese bank account as `VN:{BIN6}:{digits}`, its bank taken from the text or the `bank` hint and looked up
 * in the versioned BIN table (vn-bank-bins.ts).
 */
export function normaliseVnAccount(raw: string, hints: NormaliseHints = {}): NormaliseResult {
  const input = cleanInput(raw);
  if (!input.ok) return input;
  const parts = split(input.text, hints);
  const digits = parts.account.replace(/[\s.-]/g, '');
  if (!accountDigits.test(digits)) return refuse('fraud/indicator-unparseable');
  const bank = parts.bank === undefined ? undefined : findVnBank(parts.bank);
  if (bank === undefined) return refuse('fraud/indicator-unknown-bank');
  return indicator('vn-account', `VN:${bank.bin}:${digits}`, `${bank.shortName} ${digits}`, {
    bin: bank.bin,
    bank: bank.shortName,
    bankName: bank.name,
    binTableVersion: vnBankTable.version,
  });
}
