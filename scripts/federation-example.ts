/**
 * Prints the worked example of docs/protocols/federation.md, produced by the real code with
 * fixed TEST keys (derived from public seeds: never use them for anything else).
 *
 *   npx tsx --conditions=source scripts/federation-example.ts
 *
 * Ed25519 signatures are deterministic, so descriptor, header signature and receipt repeat
 * exactly; the JWE (ephemeral key, IV) differs on every run, and with it payloadDigest and
 * the header signature.
 */
import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import {
  canonicalJson,
  messagePayloadSchemas,
  signPullRequest,
  validateRequestDetails,
  keyFingerprint,
  keyIdOf,
  openEnvelope,
  rawPublicKey,
  sealEnvelope,
  sha256Hex,
  ownFormats,
  signDescriptor,
  signReceipt,
  verifyReceipt,
  type JsonValue,
  type NodeDescriptor,
} from '@hanoi247/core';
import { decodeProtectedHeader } from 'jose';

const seed = (label: string): string =>
  createHash('sha256').update(`hanoi247 protocol example: ${label}`).digest('base64url');

function okp(crv: 'Ed25519' | 'X25519', label: string): { privateKey: KeyObject; publicKey: KeyObject; d: string } {
  const d = seed(label);
  // Derive the public half from the seed with Node, then build the private JWK.
  const bare = createPrivateKey({
    key: Buffer.concat([
      Buffer.from(crv === 'Ed25519' ? '302e020100300506032b657004220420' : '302e020100300506032b656e04220420', 'hex'),
      Buffer.from(d, 'base64url'),
    ]),
    format: 'der',
    type: 'pkcs8',
  });
  const publicKey = createPublicKey(bare);
  return { privateKey: bare, publicKey, d };
}

function node(country: string) {
  const signing = okp('Ed25519', `${country} signing`);
  const encryption = okp('X25519', `${country} encryption`);
  const signingRaw = rawPublicKey(signing.publicKey);
  const encryptionRaw = rawPublicKey(encryption.publicKey);
  const keyId = keyIdOf(Buffer.from(signingRaw, 'base64url'));
  return {
    country,
    keyId,
    signing,
    encryption,
    key: {
      keyId,
      createdAt: '2026-11-01T00:00:00.000Z',
      retiredAt: null,
      signing: { publicKey: signingRaw, fingerprint: keyFingerprint(Buffer.from(signingRaw, 'base64url')) },
      encryption: { publicKey: encryptionRaw, fingerprint: keyFingerprint(Buffer.from(encryptionRaw, 'base64url')) },
    },
  };
}

const vn = node('VN');
const sg = node('SG');
const show = (title: string, value: unknown) =>
  console.log(`\n### ${title}\n\n${typeof value === 'string' ? value : JSON.stringify(value, null, 2)}`);

show('Test keys (JWK, private parts included: TEST ONLY)', {
  VN: {
    keyId: vn.keyId,
    signing: { kty: 'OKP', crv: 'Ed25519', x: vn.key.signing.publicKey, d: vn.signing.d },
    encryption: { kty: 'OKP', crv: 'X25519', x: vn.key.encryption.publicKey, d: vn.encryption.d },
  },
  SG: {
    keyId: sg.keyId,
    signing: { kty: 'OKP', crv: 'Ed25519', x: sg.key.signing.publicKey, d: sg.signing.d },
    encryption: { kty: 'OKP', crv: 'X25519', x: sg.key.encryption.publicKey, d: sg.encryption.d },
  },
});

const descriptor: NodeDescriptor = {
  v: 1,
  country: 'VN',
  name: 'Viet Nam 24/7',
  endpoints: { base: 'https://h247.vn.example', acceptsInbound: true },
  keys: [vn.key],
  roster: [{ role: '24/7 duty officer', name: 'Viet Nam 24/7 duty desk' }],
  languages: ['vi', 'en'],
  authorities: [{ kind: 'central', name: 'Ministry of Public Security' }],
  reservations: [],
  issuedAt: '2026-11-02T08:59:00.000Z',
};
const signedDescriptor = await signDescriptor(descriptor, vn.signing.privateKey, ownFormats);
show('GET /federation/v1/descriptor (VN)', signedDescriptor);
show('Descriptor JWS protected header', decodeProtectedHeader(signedDescriptor.signature));
show('Fingerprint to read out of band', vn.key.signing.fingerprint);

const createdAt = '2026-11-02T09:00:00.000Z';
const payload = {
  reference: 'VN-2026-000042',
  type: 'PRESERVATION_42',
  legalBasis: 'UN',
  requestingState: 'VN',
  requestedState: 'SG',
  language: 'en',
  translations: [],
  priority: 'urgent',
  emergencyJustification: null,
  details: {
    seekingAuthority: 'A05, Ministry of Public Security',
    offenceSummary: 'Illegal access (art. 7) to a bank\u2019s systems on 30 October 2026',
    dataToPreserve: 'Subscriber and traffic data of the account used to log in',
    dataCategories: ['subscriber', 'traffic'],
    custodianOrLocation: 'ExampleMail Inc., data centre in the requested State',
    necessity: 'The provider deletes its logs after 30 days',
    mlaWillFollow: true,
    confidentiality: { requested: true, noUserNotification: true },
    identifiers: [{ kind: 'account', service: 'ExampleMail', handle: 'suspect@example.net' }],
    contact24x7: 'A05 24/7 desk, +84 24 0000 0000',
  },
  createdAt: '2026-11-02T08:41:17.000Z',
  sentBy: 'vn.duty',
} satisfies JsonValue;

const envelope = await sealEnvelope({
  header: {
    messageId: '01a19b7c-a680-7a3e-9c1d-2b7e4f6a8d90',
    from: 'VN',
    to: 'SG',
    type: 'request.sent',
    createdAt,
    expiresAt: '2026-11-05T09:00:00.000Z',
    inReplyTo: null,
  },
  payload,
  sender: { signingKey: vn.signing.privateKey, keyId: vn.keyId },
  recipient: { encryptionKey: sg.encryption.publicKey, keyId: sg.keyId },
});
const body = JSON.stringify(envelope);
show('Plaintext payload (RFC 8785 canonical form, before encryption)', canonicalJson(payload));
show('POST /federation/v1/inbox body (the envelope, pretty-printed for reading)', JSON.stringify(envelope, null, 2));
show('The same body, byte for byte as sent (what receipt.envelopeDigest hashes)', body);
show('Envelope JWS protected header', decodeProtectedHeader(envelope.signature));
show(
  'Envelope JWS payload (canonical header)',
  Buffer.from(envelope.signature.split('.')[1]!, 'base64url').toString('utf8'),
);
show('Envelope JWE protected header', decodeProtectedHeader(envelope.payload));
show(
  'sha256(payload) = header.payloadDigest',
  `${sha256Hex(envelope.payload)} ` +
    `(${sha256Hex(envelope.payload) === envelope.header.payloadDigest ? 'matches' : 'DIFFERS'})`,
);

const opened = await openEnvelope(JSON.parse(body), {
  recipientCountry: 'SG',
  now: new Date('2026-11-02T09:00:02.000Z'),
  senderKey: (country, keyId) => (country === 'VN' && keyId === vn.keyId ? vn.signing.publicKey : null),
  decryptionKey: (keyId) => (keyId === sg.keyId ? sg.encryption.privateKey : null),
});
if (canonicalJson(opened.payload as JsonValue) !== canonicalJson(payload)) throw new Error('round trip failed');
// What the receiving node checks after decryption: the message schema, then the request type's rules.
const sent = messagePayloadSchemas['request.sent'].parse(opened.payload);
if (!validateRequestDetails(sent.type, sent.legalBasis, sent.details).ok)
  throw new Error('the example request would be refused');

const receipt = await signReceipt(
  {
    v: 1,
    messageId: envelope.header.messageId,
    from: 'SG',
    to: 'VN',
    receivedAt: '2026-11-02T09:00:02.000Z',
    envelopeDigest: sha256Hex(body),
  },
  sg.signing.privateKey,
  sg.keyId,
);
await verifyReceipt(receipt, (keyId) => (keyId === sg.keyId ? sg.signing.publicKey : null));
show('sha256(body bytes) = receipt.envelopeDigest', sha256Hex(body));
show('200 response', { receipt });
show('Receipt JWS protected header', decodeProtectedHeader(receipt));
show('Receipt JWS payload', Buffer.from(receipt.split('.')[1]!, 'base64url').toString('utf8'));

const transition = {
  reference: 'VN-2026-000042',
  action: 'confirm-preserved',
  fromState: 'DOMESTIC_ORDER_ISSUED',
  toState: 'PRESERVED',
  // Recorded by Singapore's domestic order when its provider confirmed: the date, the order's
  // period, and the node's own words as a code the reader's node puts into its language.
  payload: {
    preservedUntil: '2027-01-31T09:00:00.000Z',
    information: 'Subscriber record and login IP log, October 2026',
    order: { reference: 'SG-ORD-2026-000007', periodEnd: '2027-01-31T09:00:00.000Z', partial: false },
    notes: [
      {
        code: 'order.preservation-confirmed',
        params: {
          order: 'SG-ORD-2026-000007',
          until: '2027-01-31T09:00:00.000Z',
          periodEnd: '2027-01-31T09:00:00.000Z',
        },
      },
    ],
  },
  occurredAt: '2026-11-02T11:30:00.000Z',
  actorName: 'domestic order SG-ORD-2026-000007',
};
messagePayloadSchemas['request.transition'].parse(transition);
show('request.transition plaintext payload (SG to VN)', canonicalJson(transition));

const pull = await signPullRequest(
  { v: 1, from: 'SG', to: 'VN', requestedAt: '2026-11-02T09:05:00.000Z', nonce: 'q9Yt3vXo1L0c7bQe2WzK' },
  sg.signing.privateKey,
  sg.keyId,
);
show('POST /federation/v1/pull body (SG pulls from VN)', pull);
show('Pull JWS protected header', decodeProtectedHeader(pull));
