import type { KeyObject } from 'node:crypto';
import { CompactSign } from 'jose';
import { z } from 'zod';
import { canonicalJson, type JsonValue } from '../support/canonical-json.js';
import { orderScopeSchema, reviewTypes } from './order-input.js';
import { orderTypeCodes } from './order-types.js';

export const orderSignatureType = 'hanoi247-order+jws';
/** Officers' acts that end a served order and reach the provider as a signed revision. */
export const endingNotices = ['release', 'withdraw', 'end-collection'] as const;
export type EndingNotice = (typeof endingNotices)[number];
export const signedOrderFormat = 'hanoi247-signed-order';

const text = (max: number) => z.string().min(1).max(max);
const instant = z.iso.datetime({ offset: true });
const bilingual = z.strictObject({ en: text(500), vi: text(500) });

/** The directory entry a provider calls back on before acting on an emergency order. */
export const callbackSchema = z.strictObject({
  role: text(80),
  name: text(120),
  phone: z.string().max(40).optional(),
  email: z.string().max(200).optional(),
});
export type OrderCallback = z.infer<typeof callbackSchema>;

/**
 * The order exactly as served on the provider, signed by the node. Everything the provider
 * must rely on is in it: who issues (node and listed authority), who authorised and after which
 * review, the grounds, the scope, the periods, the duty of non-disclosure, the clocks.
 */
export const orderDocumentSchema = z.strictObject({
  v: z.literal(1),
  reference: text(80),
  orderId: z.uuid(),
  revision: z.number().int().min(0),
  type: z.enum(orderTypeCodes),
  title: bilingual,
  legalSource: text(300),
  issuer: z.strictObject({
    country: z.string().regex(/^[A-Z]{2}$/),
    node: text(120),
    authority: z.strictObject({ kind: text(40), name: text(200) }),
  }),
  provider: z.strictObject({ id: z.uuid(), legalName: text(300), country: z.string().regex(/^[A-Z]{2}$/) }),
  authorisation: z.strictObject({
    body: text(300),
    reviewType: z.enum(reviewTypes),
    decisionReference: text(200),
    recordedAt: instant,
  }),
  grounds: text(5000),
  scope: orderScopeSchema,
  periods: z
    .array(
      z.strictObject({
        n: z.number().int().min(0),
        start: instant,
        end: instant,
        renewedBy: z.enum(['officer', 'system']).nullable(),
      }),
    )
    .max(1000),
  authorisedPeriod: z.strictObject({ start: instant, end: instant }).nullable(),
  nonDisclosure: z.strictObject({ required: z.boolean(), until: z.string().nullable() }),
  /** An emergency names the officer who issued it and the directory contact to call back before acting. */
  emergency: z.strictObject({ justification: text(4000), officer: text(200), callback: callbackSchema }).nullable(),
  deadlines: z.strictObject({ acknowledgeBy: instant.nullable(), fulfilBy: instant.nullable() }),
  /**
   * A later revision that ends the order: the provider may stop preserving or collecting only on
   * the node's signed word, never on an e-mail. Absent while the order runs.
   */
  notice: z.strictObject({ action: z.enum(endingNotices), at: instant }).optional(),
  servedAt: instant,
  issuedAt: instant,
});
export type OrderDocument = z.infer<typeof orderDocumentSchema>;

/** What a provider receives and keeps: the order, the node's JWS over its canonical form, and the node's descriptor. */
export interface SignedOrder {
  readonly format: typeof signedOrderFormat;
  readonly order: OrderDocument;
  /** Compact JWS (EdDSA) whose payload is the RFC 8785 form of `order`. */
  readonly jws: string;
  /** The issuing node's signed descriptor, for convenience: verify against the directory's copy. */
  readonly descriptor?: JsonValue;
}

export async function signOrder(order: OrderDocument, signingKey: KeyObject, keyId: string): Promise<string> {
  const payload = new TextEncoder().encode(canonicalJson(order as unknown as JsonValue));
  return new CompactSign(payload)
    .setProtectedHeader({ alg: 'EdDSA', kid: keyId, typ: orderSignatureType })
    .sign(signingKey);
}
