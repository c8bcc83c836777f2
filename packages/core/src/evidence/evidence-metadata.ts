import { z } from 'zod';
import { isCountryCode } from '../identity/country-codes.js';
import { boundedText } from '../support/bounded-text.js';

/** Where an item came from. */
export const evidenceSources = [
  'provider-production',
  'seizure',
  'intercept-batch',
  'partner-transfer',
  'open-source',
] as const;
export type EvidenceSource = (typeof evidenceSources)[number];

/** Art. 2 data categories: the category decides which legal basis and safeguards apply. */
export const evidenceDataCategories = ['subscriber', 'traffic', 'content', 'other'] as const;
export type DataCategory = (typeof evidenceDataCategories)[number];

/**
 * Art. 36: evidence received from another State may go to a third State only with the origin
 * State's recorded authorisation. Our own evidence is unrestricted.
 */
export const onwardTransferStatuses = ['unrestricted', 'origin-authorisation-required'] as const;
export type OnwardTransferStatus = (typeof onwardTransferStatuses)[number];

/** An ISO-8601 instant that keeps its zone offset as written (the zone is evidence too). */
export const zonedInstant = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/,
    'must be an ISO-8601 date-time with a zone (Z or ±hh:mm)',
  )
  .refine((value) => !Number.isNaN(Date.parse(value)), 'must be a real date-time');

const country = z.string().refine(isCountryCode, 'must be an ISO 3166-1 alpha-2 country code');

export const evidenceMetadataSchema = z.strictObject({
  source: z.enum(evidenceSources),
  dataCategory: z.enum(evidenceDataCategories),
  acquisition: z.strictObject({
    method: boundedText(500),
    tool: boundedText(200).optional(),
    /** When the data was acquired, with the zone it was acquired in. */
    acquiredAt: zonedInstant,
  }),
  /** The period the data covers, if it is records over time (traffic data, logs). */
  covers: z.strictObject({ from: zonedInstant, to: zonedInstant }).optional(),
  personalData: z.boolean(),
  originCountry: country,
  useLimitations: z.array(boundedText(500)).max(20).default([]),
  /** The date after which the item must be erased (YYYY-MM-DD). */
  retentionUntil: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
    .optional(),
  description: boundedText(2000, { multiline: true }).optional(),
});
export type EvidenceMetadata = z.infer<typeof evidenceMetadataSchema>;
export type EvidenceMetadataInput = z.input<typeof evidenceMetadataSchema>;

/** Evidence that came from another State needs its authorisation to go further. */
export function onwardTransferStatusFor(originCountry: string, ownCountry: string): OnwardTransferStatus {
  return originCountry === ownCountry ? 'unrestricted' : 'origin-authorisation-required';
}

/**
 * A file name safe to store and show: no path, no control or reserved characters, bounded.
 * The original name is evidence, so what can be kept is kept.
 */
export function sanitiseFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 200);
  return cleaned.length === 0 ? 'unnamed' : cleaned;
}
