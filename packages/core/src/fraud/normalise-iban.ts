import { friendlyFormatIBAN, validateIBAN, ValidationErrorsIBAN } from 'ibantools';
import { cleanInput, indicator, refuse, type NormaliseResult } from './indicator-result.js';

const checksumErrors: readonly ValidationErrorsIBAN[] = [
  ValidationErrorsIBAN.WrongIBANChecksum,
  ValidationErrorsIBAN.WrongAccountBankBranchChecksum,
];

/** An IBAN in electronic format (upper case, no separators), its check digits verified by ibantools. */
export function normaliseIban(raw: string): NormaliseResult {
  const input = cleanInput(raw);
  if (!input.ok) return input;
  const iban = input.text
    .replace(/^IBAN:?/i, '')
    .replace(/[\s.-]/g, '')
    .toUpperCase();
  const validation = validateIBAN(iban);
  if (!validation.valid) {
    // Only a well-formed IBAN can have a wrong checksum; a short or malformed one is unparseable.
    const checksum = validation.errorCodes.every((code) => checksumErrors.includes(code));
    return refuse(checksum ? 'fraud/indicator-invalid-checksum' : 'fraud/indicator-unparseable');
  }
  return indicator('iban', iban, friendlyFormatIBAN(iban) ?? iban, { country: iban.slice(0, 2) });
}
