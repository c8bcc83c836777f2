import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { rawPublicKey } from '../federation/keys.js';
import { signDescriptor, type NodeDescriptor, type SignedDescriptor } from '../federation/node-descriptor.js';
import { keyFingerprint, keyIdOf } from '../identity/key-fingerprint.js';
import type { JsonValue } from '../support/canonical-json.js';
import { orderInput } from './order.fixtures.js';
import { signedOrderFormat, signOrder, type OrderDocument, type SignedOrder } from './signed-order.js';

export interface OrderSigningKey {
  readonly keyId: string;
  readonly privateKey: KeyObject;
  readonly publicKey: string;
  readonly retiredAt: string | null;
}

export function signingKey(retiredAt: string | null = null): OrderSigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = rawPublicKey(publicKey);
  return { keyId: keyIdOf(Buffer.from(raw, 'base64url')), privateKey, publicKey: raw, retiredAt };
}

export const dutyDesk = {
  role: '24/7 duty officer',
  name: 'A05 duty desk',
  phone: '+842400000000',
  email: 'duty@a05.example.vn',
};
export const issuingAuthority = { kind: 'POC_24_7', name: 'A05, Ministry of Public Security' };

/** A node's descriptor as its directory publishes it; the last key is the current one. */
export async function descriptorOf(
  country: string,
  keys: readonly OrderSigningKey[],
  overrides: Partial<NodeDescriptor> = {},
): Promise<SignedDescriptor> {
  const descriptor: NodeDescriptor = {
    v: 1,
    country,
    name: `${country} national node`,
    endpoints: { base: `https://${country.toLowerCase()}.example.org`, acceptsInbound: true },
    keys: keys.map((k) => {
      const encryption = rawPublicKey(generateKeyPairSync('x25519').publicKey);
      return {
        keyId: k.keyId,
        createdAt: '2025-06-01T00:00:00.000Z',
        retiredAt: k.retiredAt,
        signing: { publicKey: k.publicKey, fingerprint: keyFingerprint(Buffer.from(k.publicKey, 'base64url')) },
        encryption: { publicKey: encryption, fingerprint: keyFingerprint(Buffer.from(encryption, 'base64url')) },
      };
    }),
    roster: [dutyDesk],
    languages: ['vi', 'en'],
    authorities: [issuingAuthority, { kind: 'CENTRAL_AUTHORITY', name: 'Supreme People\u2019s Procuracy' }],
    reservations: [],
    issuedAt: '2026-03-01T00:00:00.000Z',
    ...overrides,
  };
  const last = keys.at(-1);
  if (last === undefined) throw new Error('a descriptor needs a key');
  return signDescriptor(descriptor, last.privateKey);
}

export function orderDocument(overrides: Partial<OrderDocument> = {}): OrderDocument {
  const input = orderInput();
  return {
    v: 1,
    reference: 'VN-ORD-2026-000001',
    orderId: '0190f1c2-0000-7000-8000-0000000000d1',
    revision: 0,
    type: 'PRESERVE_25',
    title: { en: 'Expedited preservation order', vi: 'Lệnh bảo toàn khẩn cấp dữ liệu' },
    legalSource: 'UN Convention against Cybercrime art. 25',
    issuer: { country: 'VN', node: 'VN national node', authority: issuingAuthority },
    provider: { id: input.providerId, legalName: 'ExampleMail Viet Nam LLC', country: 'VN' },
    authorisation: { ...input.authorisation, recordedAt: '2026-11-02T07:30:00.000Z' },
    grounds: input.grounds,
    scope: input.scope,
    periods: [{ n: 0, start: '2026-11-02T08:00:00.000Z', end: '2027-01-31T08:00:00.000Z', renewedBy: null }],
    authorisedPeriod: null,
    nonDisclosure: { required: true, until: null },
    emergency: null,
    deadlines: { acknowledgeBy: '2026-11-03T08:00:00.000Z', fulfilBy: '2026-11-03T08:00:00.000Z' },
    servedAt: '2026-11-02T08:00:00.000Z',
    issuedAt: '2026-11-02T08:00:00.000Z',
    ...overrides,
  };
}

export async function signedOrderWith(
  order: OrderDocument,
  key: OrderSigningKey,
  descriptor?: SignedDescriptor,
): Promise<SignedOrder> {
  return {
    format: signedOrderFormat,
    order,
    jws: await signOrder(order, key.privateKey, key.keyId),
    ...(descriptor === undefined ? {} : { descriptor: descriptor as unknown as JsonValue }),
  };
}
