import { compactVerify, decodeProtectedHeader } from 'jose';
import { z } from 'zod';
import { isDomainError } from '../errors/domain-error.js';
import { ed25519PublicKey } from '../federation/keys.js';
import { verifyDescriptor, type NodeDescriptor } from '../federation/node-descriptor.js';
import { canonicalJson, type JsonValue } from '../support/canonical-json.js';
import { orderDocumentSchema, orderSignatureType, signedOrderFormat, type OrderDocument } from './signed-order.js';

/** Why an order does not verify, each a stable name a provider's system can branch on. */
export const orderVerificationFailures = [
  'malformed',
  'not-anchored',
  'descriptor-invalid',
  'fingerprint-mismatch',
  'signature-malformed',
  'unknown-key',
  'signature-invalid',
  'altered',
  'not-issuing-node',
  'authority-not-listed',
  'key-retired',
  'callback-not-in-directory',
] as const;
export type OrderVerificationFailure = (typeof orderVerificationFailures)[number];

export type OrderVerification =
  | {
      readonly ok: true;
      readonly order: OrderDocument;
      readonly node: { readonly country: string; readonly name: string };
      readonly keyId: string;
      readonly fingerprint: string;
      readonly anchoredBy: 'descriptor' | 'fingerprint';
    }
  | { readonly ok: false; readonly reason: OrderVerificationFailure; readonly message: string };

export interface VerifyOrderOptions {
  /** The issuing node's signed descriptor as the directory publishes it (the trust anchor). */
  readonly descriptor?: unknown;
  /** Or: the node's signing-key fingerprint as published out of band, to pin the descriptor in the file. */
  readonly expectFingerprint?: string;
}

const envelopeSchema = z.object({
  format: z.literal(signedOrderFormat),
  order: z.unknown(),
  jws: z.string().min(1).max(200_000),
  descriptor: z.unknown().optional(),
});

const fail = (reason: OrderVerificationFailure, message: string): OrderVerification => ({ ok: false, reason, message });
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

async function anchoredDescriptor(
  embedded: unknown,
  options: VerifyOrderOptions,
): Promise<NodeDescriptor | OrderVerification> {
  // A descriptor that travels with the order is only the order's own claim: it needs an anchor.
  if (options.descriptor === undefined && options.expectFingerprint === undefined) {
    return fail(
      'not-anchored',
      'nothing anchors the issuer: pass the descriptor your State\u2019s directory ' +
        'publishes (--descriptor) or the node\u2019s fingerprint (--expect-fingerprint)',
    );
  }
  const input = options.descriptor ?? embedded;
  if (input === undefined) {
    return fail('descriptor-invalid', 'the order carries no descriptor: pass the directory\u2019s copy');
  }
  try {
    return await verifyDescriptor(input, options.expectFingerprint);
  } catch (error) {
    if (isDomainError(error) && error.code === 'federation/fingerprint-mismatch') {
      return fail('fingerprint-mismatch', error.message);
    }
    return fail('descriptor-invalid', `the descriptor does not verify: ${messageOf(error)}`);
  }
}

const sameEntry = (a: object, b: object): boolean => canonicalJson(a as JsonValue) === canonicalJson(b as JsonValue);

/** Checks against the directory what the signature alone cannot: who may issue, whom to call back. */
function checkIssuer(
  order: OrderDocument,
  descriptor: NodeDescriptor,
  key: NodeDescriptor['keys'][number],
): OrderVerification | null {
  if (order.issuer.country !== descriptor.country) {
    return fail(
      'not-issuing-node',
      `the order names ${order.issuer.country} as issuer, but the key belongs to node ${descriptor.country}`,
    );
  }
  if (!descriptor.authorities.some((a) => sameEntry(a, order.issuer.authority))) {
    return fail(
      'authority-not-listed',
      `"${order.issuer.authority.name}" (${order.issuer.authority.kind}) is not ` +
        `an authority node ${descriptor.country} lists`,
    );
  }
  if (key.retiredAt !== null && Date.parse(order.issuedAt) > Date.parse(key.retiredAt)) {
    return fail(
      'key-retired',
      `key ${key.keyId} was retired at ${key.retiredAt}, before this order was issued at ${order.issuedAt}`,
    );
  }
  const emergency = order.emergency;
  if (emergency !== null && !descriptor.roster.some((entry) => sameEntry(entry, emergency.callback))) {
    return fail(
      'callback-not-in-directory',
      `the call-back contact "${emergency.callback.name}" is not on node ${descriptor.country}\u2019s ` +
        `roster: do not call it, call the directory\u2019s`,
    );
  }
  return null;
}

/**
 * Offline check that an order was issued by a directory-listed node and not altered: the
 * descriptor's own signature (and pin), the order's JWS with any key generation the node lists,
 * the order in the file against the signed bytes, the issuer and its authority against the
 * directory, and for an emergency the call-back contact against the roster. Names the first failure.
 */
export async function verifyOrder(input: unknown, options: VerifyOrderOptions = {}): Promise<OrderVerification> {
  const envelope = envelopeSchema.safeParse(input);
  if (!envelope.success) {
    return fail(
      'malformed',
      `not a signed order (${signedOrderFormat}): ` +
        envelope.error.issues.map((i) => `/${i.path.join('/')} ${i.message}`).join('; '),
    );
  }
  const descriptor = await anchoredDescriptor(envelope.data.descriptor, options);
  if ('ok' in descriptor) return descriptor;
  const { jws } = envelope.data;
  let header;
  try {
    header = decodeProtectedHeader(jws);
  } catch {
    return fail('signature-malformed', 'the signature is not a compact JWS');
  }
  if (header.alg !== 'EdDSA' || header.typ !== orderSignatureType) {
    return fail('signature-malformed', `the signature must be EdDSA with typ ${orderSignatureType}`);
  }
  const key = descriptor.keys.find((k) => k.keyId === header.kid);
  if (key === undefined) {
    return fail(
      'unknown-key',
      `the order is signed with key ${String(header.kid)}, which node ${descriptor.country} does not list`,
    );
  }
  let payload: Uint8Array;
  try {
    payload = (await compactVerify(jws, ed25519PublicKey(key.signing.publicKey), { algorithms: ['EdDSA'] })).payload;
  } catch {
    return fail(
      'signature-invalid',
      `the signature does not verify with key ${key.keyId} of node ${descriptor.country}: ` +
        `the signed bytes were changed or another key signed them`,
    );
  }
  const signedText = new TextDecoder().decode(payload);
  let signed: OrderDocument;
  try {
    signed = orderDocumentSchema.parse(JSON.parse(signedText));
  } catch (error) {
    return fail('malformed', `the signed order is not an order document: ${messageOf(error)}`);
  }
  let shown: string;
  try {
    shown = canonicalJson(envelope.data.order as JsonValue);
  } catch {
    shown = '';
  }
  if (shown !== signedText) {
    return fail(
      'altered',
      'the order in the file differs from the order the node signed: it was altered after signing',
    );
  }
  const refused = checkIssuer(signed, descriptor, key);
  if (refused !== null) return refused;
  return {
    ok: true,
    order: signed,
    node: { country: descriptor.country, name: descriptor.name },
    keyId: key.keyId,
    fingerprint: key.signing.fingerprint,
    anchoredBy: options.descriptor === undefined ? 'fingerprint' : 'descriptor',
  };
}

/** One line per outcome, for people: the CLI prints it. */
/** What a signed notice means for the provider reading it. */
const noticeWords = {
  release: 'released: the preserved data need no longer be kept',
  withdraw: 'withdrawn: do not act on this order',
  'end-collection': 'collection ended: stop collecting',
} as const;

export function describeOrderVerification(result: OrderVerification): string {
  if (!result.ok) return `INVALID (${result.reason}): ${result.message}`;
  const o = result.order;
  const emergency =
    o.emergency === null
      ? ''
      : `\nEMERGENCY: ${o.emergency.justification}\nIssued by officer ${o.emergency.officer}. ` +
        'Call back before acting: ' +
        [o.emergency.callback.name, o.emergency.callback.role, o.emergency.callback.phone, o.emergency.callback.email]
          .filter((v) => v !== undefined)
          .join(', ');
  return (
    [
      `VALID: order ${o.reference} (revision ${o.revision}) ${o.title.en}`,
      `issued by ${o.issuer.authority.name}, node ${result.node.name} (${result.node.country}), ` +
        `key ${result.keyId} ${result.fingerprint}, anchored by ` +
        (result.anchoredBy === 'descriptor' ? 'the directory\u2019s descriptor' : 'the expected fingerprint'),
      `to ${o.provider.legalName}; authorised by ${o.authorisation.body} (${o.authorisation.reviewType}, ` +
        `${o.authorisation.decisionReference}); served ${o.servedAt}`,
      ...(o.notice === undefined ? [] : [`ENDED: ${noticeWords[o.notice.action]} (${o.notice.at})`]),
    ].join('\n') + emergency
  );
}
