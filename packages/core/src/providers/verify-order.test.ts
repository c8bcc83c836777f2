import { beforeAll, describe, expect, it } from 'vitest';
import { CompactSign } from 'jose';
import { currentKey, type SignedDescriptor } from '../federation/node-descriptor.js';
import { canonicalJson, type JsonValue } from '../support/canonical-json.js';
import {
  descriptorOf,
  dutyDesk,
  orderDocument,
  signedOrderWith,
  signingKey,
  type OrderSigningKey,
} from './signed-order.fixtures.js';
import type { SignedOrder } from './signed-order.js';
import { describeOrderVerification, verifyOrder, type OrderVerificationFailure } from './verify-order.js';

let key: OrderSigningKey;
let descriptor: SignedDescriptor;
let signed: SignedOrder;
let fingerprint: string;

beforeAll(async () => {
  key = signingKey();
  descriptor = await descriptorOf('VN', [key]);
  signed = await signedOrderWith(orderDocument(), key, descriptor);
  fingerprint = currentKey(descriptor.descriptor).signing.fingerprint;
});

const reasonOf = async (input: unknown, options: Parameters<typeof verifyOrder>[1]) => {
  const result = await verifyOrder(input, options);
  return result.ok ? 'ok' : result.reason;
};

/** Every string leaf of the order, as a path: each one is something a forger might change. */
function stringPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringPaths(v, [...path, i]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...path, k]));
  }
  return [];
}

function withChanged(order: unknown, path: (string | number)[]): unknown {
  const copy = JSON.parse(JSON.stringify(order)) as Record<string | number, unknown>;
  let cursor: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) cursor = cursor[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  cursor[last] = `${String(cursor[last])}x`;
  return copy;
}

describe('verifyOrder: authentic orders', () => {
  it('accepts an order against the directory\u2019s descriptor, naming node, key and anchor', async () => {
    const result = await verifyOrder(signed, { descriptor });
    expect(result).toMatchObject({
      ok: true,
      node: { country: 'VN' },
      keyId: key.keyId,
      fingerprint,
      anchoredBy: 'descriptor',
    });
    expect(describeOrderVerification(result)).toMatch(/^VALID: order VN-ORD-2026-000001/);
  });

  it('accepts the descriptor that travels with the order once its fingerprint is pinned', async () => {
    expect(await verifyOrder(signed, { expectFingerprint: fingerprint })).toMatchObject({
      ok: true,
      anchoredBy: 'fingerprint',
    });
  });

  it('accepts an order signed with an earlier key generation before it was retired', async () => {
    const old = signingKey('2026-06-01T00:00:00.000Z');
    const current = signingKey();
    const rotated = await descriptorOf('VN', [old, current]);
    const before = await signedOrderWith(orderDocument({ issuedAt: '2026-05-01T00:00:00.000Z' }), old);
    expect(await verifyOrder(before, { descriptor: rotated })).toMatchObject({ ok: true, keyId: old.keyId });
    const after = await signedOrderWith(orderDocument({ issuedAt: '2026-07-01T00:00:00.000Z' }), old);
    expect(await reasonOf(after, { descriptor: rotated })).toBe('key-retired');
  });

  it('accepts an emergency order whose call-back contact is on the node\u2019s roster, and shows it', async () => {
    const emergency = await signedOrderWith(
      orderDocument({
        emergency: {
          justification: 'A child is in contact with the suspect right now',
          officer: 'Nguyễn Văn An',
          callback: dutyDesk,
        },
      }),
      key,
    );
    const result = await verifyOrder(emergency, { descriptor });
    expect(result.ok).toBe(true);
    expect(describeOrderVerification(result)).toContain(
      'Call back before acting: A05 duty desk, 24/7 duty officer, +842400000000',
    );
  });
});

describe('verifyOrder: forged and altered orders, each failing for its own named reason', () => {
  it.each<[string, () => Promise<[unknown, Parameters<typeof verifyOrder>[1]]>, OrderVerificationFailure]>([
    ['no trust anchor at all', async () => [signed, {}], 'not-anchored'],
    ['not a signed order', async () => [{ order: signed.order }, { descriptor }], 'malformed'],
    [
      'a descriptor whose name was edited',
      async () => [signed, { descriptor: { ...descriptor, descriptor: { ...descriptor.descriptor, name: 'Forged' } } }],
      'descriptor-invalid',
    ],
    [
      'the forger\u2019s own descriptor, pinned to the real fingerprint',
      async () => {
        const forger = signingKey();
        const forged = await signedOrderWith(orderDocument(), forger, await descriptorOf('VN', [forger]));
        return [forged, { expectFingerprint: fingerprint }];
      },
      'fingerprint-mismatch',
    ],
    [
      'a signature that is not a JWS',
      async () => [{ ...signed, jws: 'not-a-jws' }, { descriptor }],
      'signature-malformed',
    ],
    [
      'a JWS of another type (a descriptor signature replayed)',
      async () => [{ ...signed, jws: descriptor.signature }, { descriptor }],
      'signature-malformed',
    ],
    [
      'a key the node does not list',
      async () => [await signedOrderWith(orderDocument(), signingKey()), { descriptor }],
      'unknown-key',
    ],
    [
      'another key claiming the node\u2019s key id',
      async () => [await signedOrderWith(orderDocument(), { ...signingKey(), keyId: key.keyId }), { descriptor }],
      'signature-invalid',
    ],
    [
      'signed bytes swapped for an edited order',
      async () => {
        const [header, , signature] = signed.jws.split('.');
        const edited = Buffer.from(
          canonicalJson({ ...signed.order, grounds: 'Anything' } as unknown as JsonValue),
        ).toString('base64url');
        return [
          { ...signed, order: { ...signed.order, grounds: 'Anything' }, jws: `${header}.${edited}.${signature}` },
          { descriptor },
        ];
      },
      'signature-invalid',
    ],
    [
      'the order in the file edited after signing',
      async () => [
        {
          ...signed,
          order: {
            ...signed.order,
            scope: { ...signed.order.scope, identifiers: [{ kind: 'phone', e164: '+84912345678' }] },
          },
        },
        { descriptor },
      ],
      'altered',
    ],
    [
      'signed garbage instead of an order',
      async () => {
        const jws = await new CompactSign(new TextEncoder().encode('{"hello":1}'))
          .setProtectedHeader({ alg: 'EdDSA', kid: key.keyId, typ: 'hanoi247-order+jws' })
          .sign(key.privateKey);
        return [{ ...signed, jws }, { descriptor }];
      },
      'malformed',
    ],
    [
      'an order naming another State as issuer',
      async () => [
        await signedOrderWith(orderDocument({ issuer: { ...orderDocument().issuer, country: 'SG' } }), key),
        { descriptor },
      ],
      'not-issuing-node',
    ],
    [
      'an authority the node does not list',
      async () => [
        await signedOrderWith(
          orderDocument({
            issuer: { ...orderDocument().issuer, authority: { kind: 'POC_24_7', name: 'Cyber Police (forged)' } },
          }),
          key,
        ),
        { descriptor },
      ],
      'authority-not-listed',
    ],
    [
      'an emergency with a call-back number not on the roster',
      async () => [
        await signedOrderWith(
          orderDocument({
            emergency: {
              justification: 'A child is in contact with the suspect right now',
              officer: 'Nguyễn Văn An',
              callback: { ...dutyDesk, phone: '+15550100' },
            },
          }),
          key,
        ),
        { descriptor },
      ],
      'callback-not-in-directory',
    ],
  ])('refuses %s', async (_name, build, reason) => {
    const [input, options] = await build();
    const result = await verifyOrder(input, options);
    expect(result.ok ? 'ok' : result.reason).toBe(reason);
    expect(describeOrderVerification(result)).toMatch(new RegExp(`^INVALID \\(${reason}\\): .{20,}`));
  });

  it('detects a change to any single text field of the order', async () => {
    const paths = stringPaths(signed.order);
    expect(paths.length).toBeGreaterThan(20);
    for (const path of paths) {
      expect(
        await reasonOf({ ...signed, order: withChanged(signed.order, path) }, { descriptor }),
        path.join('/'),
      ).toBe('altered');
    }
  });
});
