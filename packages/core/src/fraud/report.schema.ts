import { z } from 'zod';
import { boundedText } from '../support/bounded-text.js';
import { maxIndicatorInputLength } from './indicator-result.js';
import { firstContactChannels, scamTypeCodes } from './scam-types.js';

/** What a scammer's identifier was to the victim: where the money went, how they talked, the site they used. */
export const identifierRoles = ['payee', 'contact', 'site', 'other'] as const;
export type IdentifierRole = (typeof identifierRoles)[number];

const instant = z.iso.datetime({
  offset: true,
  error: 'must be an ISO-8601 timestamp with its zone, such as 2026-11-02T14:03:11+07:00',
});

/** A value as the reporter gave it, with the type they claim it has; normalised later, never trusted. */
export const rawIdentifierSchema = z.strictObject({
  /** The claimed type: an indicator type code (indicator-types.ts); an unknown one is kept and refused. */
  type: z.string().trim().min(1).max(40),
  value: z.string().min(1).max(maxIndicatorInputLength),
  role: z.enum(identifierRoles).default('other'),
  /** Context that helps normalising: the bank of an account number, the wallet provider, the platform. */
  bank: boundedText(100).optional(),
  provider: boundedText(100).optional(),
  platform: boundedText(100).optional(),
});
export type RawIdentifier = z.infer<typeof rawIdentifierSchema>;

/** ISO 4217 alphabetic code. */
const currency = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 currency code such as VND');

export const transferSchema = z
  .strictObject({
    at: instant,
    /** In the currency's main unit; VND has no minor unit, so a VND amount is a whole number. */
    amount: z.number().positive().max(1e15),
    currency,
    /** The victim's bank or e-wallet, as named (an institution, not an indicator). */
    payerInstitution: boundedText(200).optional(),
    /** Where the money went: an account or wallet, normalised like any identifier with the role `payee`. */
    payee: rawIdentifierSchema.omit({ role: true }).optional(),
    transactionReference: boundedText(100).optional(),
  })
  .refine((t) => t.currency !== 'VND' || Number.isInteger(t.amount), {
    message: 'a VND amount is a whole number of đồng',
    path: ['amount'],
  });
export type Transfer = z.infer<typeof transferSchema>;

/** One fraud report as an institution (or, later, a citizen's form) sends it. */
export const reportInputSchema = z.strictObject({
  /** The institution's own reference: the key a retried submission is recognised by. */
  institutionReference: boundedText(100),
  scamType: z.enum(scamTypeCodes),
  occurredAt: instant,
  firstContact: z.enum(firstContactChannels),
  /**
   * Free text: a code list of Viet Nam's 34 provinces and cities after the 2025 merger waits for a
   * citable source (docs/fraud-reports.md); until then the value is kept as given and marked unverified.
   */
  province: boundedText(100).optional(),
  transfers: z.array(transferSchema).max(100).default([]),
  identifiers: z.array(rawIdentifierSchema).max(100).default([]),
});
export type ReportInput = z.infer<typeof reportInputSchema>;
