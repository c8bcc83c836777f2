import { z } from 'zod';

/**
 * What investigators name in requests. Formats are checked strictly because a wrong
 * digit preserves the wrong account; an IP address without port and zoned time
 * identifies nobody behind carrier-grade NAT (G8/UNODC practice).
 */
const zonedTimestamp = z.iso.datetime({
  offset: true,
  error: 'must be an ISO-8601 timestamp with its zone, such as 2026-11-02T14:03:11+07:00',
});

function ibanChecksumValid(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const value = /[A-Z]/.test(char) ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

export const identifierSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('account'),
    service: z.string().trim().min(1).max(200),
    handle: z.string().trim().min(1).max(300),
  }),
  z.strictObject({
    kind: z.literal('phone'),
    e164: z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number such as +84912345678'),
  }),
  z.strictObject({
    kind: z.literal('ip'),
    address: z.union([z.ipv4(), z.ipv6()], { error: 'must be an IPv4 or IPv6 address' }),
    port: z.number().int().min(0).max(65535).nullable(),
    observedAt: zonedTimestamp,
  }),
  z.strictObject({
    kind: z.literal('domain'),
    name: z
      .string()
      .toLowerCase()
      .regex(
        /^(?=.{1,253}$)(?!-)(xn--)?[a-z0-9-]{1,63}(?<!-)(\.(xn--)?[a-z0-9-]{1,63}(?<!-))+$/,
        'must be a domain name in ASCII (punycode for IDN)',
      ),
  }),
  z.strictObject({
    kind: z.literal('url'),
    url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2000),
  }),
  z.strictObject({ kind: z.literal('email'), address: z.email({ error: 'must be an e-mail address' }).max(320) }),
  z.strictObject({
    kind: z.literal('iban'),
    iban: z
      .string()
      .transform((v) => v.replace(/\s+/g, '').toUpperCase())
      .refine(
        (v) => /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(v) && ibanChecksumValid(v),
        'must be an IBAN with a valid checksum',
      ),
  }),
  z.strictObject({
    kind: z.literal('bank-account'),
    bank: z.string().trim().min(1).max(200),
    accountNumber: z.string().regex(/^[0-9A-Za-z-]{4,40}$/, 'must be 4-40 letters, digits or dashes'),
    country: z.string().regex(/^[A-Z]{2}$/),
  }),
  z.strictObject({
    kind: z.literal('wallet'),
    chain: z.enum(['bitcoin', 'ethereum', 'tron', 'other']),
    address: z.string().regex(/^[A-Za-z0-9]{20,100}$/, 'must be 20-100 letters and digits'),
  }),
]);

export type Identifier = z.infer<typeof identifierSchema>;
export type IdentifierKind = Identifier['kind'];
