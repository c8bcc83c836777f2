import { z } from 'zod';
import { isCountryCode } from '../identity/country-codes.js';
import { type LegalSource } from '../requests/legal-source.js';
import { unCite } from '../requests/un-numbering.js';
import { boundedText } from '../support/bounded-text.js';
import type { OnwardTransferStatus } from './evidence-metadata.js';

/** International organisations evidence may be forwarded to, beside States (brief §1.6). */
export const internationalOrganisations = ['INTERPOL', 'EUROPOL', 'EUROJUST', 'UNODC'] as const;

/** A State (ISO 3166 alpha-2) or an international organisation. */
export const transferDestination = z
  .string()
  .refine(
    (value) => isCountryCode(value) || (internationalOrganisations as readonly string[]).includes(value),
    'must be an ISO 3166-1 alpha-2 country code or one of ' + internationalOrganisations.join(', '),
  );

/** Rule source: onward transfer needs the original transferring State's prior authorisation. */
export const onwardTransferRule: LegalSource = unCite.dataProtection.onwardTransfer;

export const onwardTransferAuthorisationInputSchema = z.strictObject({
  destination: transferDestination,
  /** The origin State's written authorisation: its reference (letter, message, note verbale). */
  reference: boundedText(200),
});
export type OnwardTransferAuthorisationInput = z.infer<typeof onwardTransferAuthorisationInputSchema>;

export interface OnwardTransferItem {
  readonly originCountry: string;
  readonly onwardTransfer: OnwardTransferStatus;
}

export type OnwardTransferDecision =
  | {
      readonly allowed: true;
      readonly because: 'own-evidence' | 'return-to-origin' | 'authorised';
      readonly authorisationReference?: string;
    }
  | { readonly allowed: false; readonly reason: string; readonly legalSource: LegalSource };

/**
 * May this item go to `destination`? Our own evidence may; foreign evidence may go back to
 * its origin State, or elsewhere only with the origin State's recorded authorisation for
 * that very destination.
 */
export function decideOnwardTransfer(
  item: OnwardTransferItem,
  destination: string,
  authorisations: readonly { readonly destination: string; readonly reference: string }[],
): OnwardTransferDecision {
  if (item.onwardTransfer === 'unrestricted') return { allowed: true, because: 'own-evidence' };
  if (destination === item.originCountry) return { allowed: true, because: 'return-to-origin' };
  const authorisation = authorisations.find((a) => a.destination === destination);
  if (authorisation !== undefined) {
    return { allowed: true, because: 'authorised', authorisationReference: authorisation.reference };
  }
  return {
    allowed: false,
    reason:
      `this evidence came from ${item.originCountry}; sending it to ${destination} ` +
      `needs ${item.originCountry}'s prior authorisation, and none is recorded`,
    legalSource: onwardTransferRule,
  };
}
