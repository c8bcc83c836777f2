import { z } from 'zod';
import { isCountryCode } from '../identity/country-codes.js';
import { boundedText } from '../support/bounded-text.js';
import type { Bilingual } from '../requests/types/field-spec.js';

/** Brief §3.1 ServiceProvider: who holds the data an order reaches. */
export const providerTypes = [
  'TELECOM',
  'ISP',
  'HOSTING',
  'PLATFORM',
  'DOMAIN_REGISTRAR',
  'VASP',
  'BANK_OR_PAYMENT',
] as const;
export type ProviderType = (typeof providerTypes)[number];

export const providerTypeLabels: Readonly<Record<ProviderType, Bilingual>> = {
  TELECOM: { en: 'Telecommunications operator', vi: 'Doanh nghiệp viễn thông' },
  ISP: { en: 'Internet service provider', vi: 'Doanh nghiệp cung cấp dịch vụ internet' },
  HOSTING: { en: 'Hosting provider', vi: 'Doanh nghiệp lưu trữ (hosting)' },
  PLATFORM: { en: 'Online platform', vi: 'Nền tảng số' },
  DOMAIN_REGISTRAR: { en: 'Domain name registrar', vi: 'Nhà đăng ký tên miền' },
  VASP: { en: 'Virtual-asset service provider', vi: 'Doanh nghiệp cung cấp dịch vụ tài sản ảo' },
  BANK_OR_PAYMENT: { en: 'Bank or payment institution', vi: 'Ngân hàng hoặc tổ chức trung gian thanh toán' },
};

/** How orders reach the provider: its users in the node's portal, its systems through the API, or both. */
export const providerChannels = ['portal', 'api', 'both'] as const;
export type ProviderChannel = (typeof providerChannels)[number];

export const providerDataCategories = ['subscriber', 'traffic', 'content', 'other'] as const;

const phone = z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number such as +84912345678');

export const providerContactSchema = z.strictObject({
  role: z.enum(['legal', 'law-enforcement-desk', 'technical', 'emergency']),
  name: boundedText(200),
  email: z.email({ error: 'must be an e-mail address' }).max(320).optional(),
  phone: phone.optional(),
});
export type ProviderContact = z.infer<typeof providerContactSchema>;

export const providerInputSchema = z.strictObject({
  legalName: boundedText(300),
  registrationNumber: boundedText(100).optional(),
  country: z.string().refine(isCountryCode, 'must be an ISO 3166-1 alpha-2 country code'),
  type: z.enum(providerTypes),
  contacts: z.array(providerContactSchema).min(1, 'give at least one contact').max(20),
  dataCategories: z.array(z.enum(providerDataCategories)).min(1).max(4),
  channel: z.enum(providerChannels),
  languages: z
    .array(z.string().regex(/^[a-z]{2,3}$/, 'must be an ISO 639 language code'))
    .min(1)
    .max(10),
  /** Where the provider serves the territory through an establishment or a legal representative. */
  legalRepresentative: boundedText(300).optional(),
});
export type ProviderInput = z.infer<typeof providerInputSchema>;

export const providerPatchSchema = providerInputSchema.partial().extend({ active: z.boolean().optional() });
export type ProviderPatch = z.infer<typeof providerPatchSchema>;
