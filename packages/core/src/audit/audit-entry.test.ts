import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../support/canonical-json.js';
import { auditActions, isAuditAction, type AuditAction } from './audit-actions.js';
import { auditEntryDigest, auditEntryFormatVersion, canonicalAuditEntry, type AuditEntry } from './audit-entry.js';

const runs = { seed: 0xa0d17, numRuns: 200 } as const;

const entry: AuditEntry = {
  id: '01936f6e-7b1a-7c2d-8e3f-0123456789ab',
  occurredAt: '2025-03-14T09:26:53.589Z',
  actorType: 'user',
  actorId: 'u-42',
  actorName: 'nguyen.van.a',
  action: 'auth.login-succeeded',
  objectType: 'session',
  objectId: 's-7',
  purpose: null,
  outcome: 'success',
  requestId: 'req-9',
  details: { zeta: 1, alpha: ['x', { b: true, a: null }], 'Hà Nội': '€' },
};

/** Written by hand from RFC 8785: keys sorted, no whitespace, format version "v" included. */
const expectedCanonical =
  '{"action":"auth.login-succeeded",' +
  '"actor":{"id":"u-42","name":"nguyen.van.a","type":"user"},' +
  '"details":{"Hà Nội":"€","alpha":["x",{"a":null,"b":true}],"zeta":1},' +
  '"id":"01936f6e-7b1a-7c2d-8e3f-0123456789ab",' +
  '"object":{"id":"s-7","type":"session"},' +
  '"occurredAt":"2025-03-14T09:26:53.589Z",' +
  '"outcome":"success",' +
  '"purpose":null,' +
  '"requestId":"req-9",' +
  '"v":1}';

/** For each field, a value different from the one in `entry`. */
const otherValues: { readonly [K in keyof AuditEntry]: AuditEntry[K] } = {
  id: '01936f6e-7b1a-7c2d-8e3f-0123456789ac',
  occurredAt: '2025-03-14T09:26:53.590Z',
  actorType: 'operator',
  actorId: null,
  actorName: 'nguyen.van.b',
  action: 'auth.login-failed',
  objectType: 'user',
  objectId: null,
  purpose: 'investigation 2025/17',
  outcome: 'denied',
  requestId: null,
  details: { zeta: 2, alpha: ['x', { b: true, a: null }], 'Hà Nội': '€' },
};

const fields = Object.keys(otherValues) as (keyof AuditEntry)[];

describe('canonicalAuditEntry', () => {
  it('has a fixed canonical form', () => {
    expect(auditEntryFormatVersion).toBe(1);
    expect(canonicalAuditEntry(entry)).toBe(expectedCanonical);
  });

  it('does not depend on the order of the entry or details fields', () => {
    const reversed = Object.fromEntries(Object.entries(entry).reverse()) as unknown as AuditEntry;
    const details = Object.fromEntries(Object.entries(entry.details).reverse());
    expect(canonicalAuditEntry({ ...reversed, details })).toBe(expectedCanonical);
  });

  it('ignores properties that are not part of the entry format', () => {
    const withExtra = { ...entry, digest: 'abc', rowNumber: 7 } as AuditEntry;
    expect(canonicalAuditEntry(withExtra)).toBe(expectedCanonical);
  });

  it('tells null apart from the string "null"', () => {
    expect(canonicalAuditEntry({ ...entry, actorId: 'null' })).not.toBe(
      canonicalAuditEntry({ ...entry, actorId: null }),
    );
  });

  it('keeps the actor and the object apart', () => {
    const swapped: AuditEntry = { ...entry, actorId: entry.objectId, objectId: entry.actorId };
    expect(canonicalAuditEntry(swapped)).not.toBe(expectedCanonical);
  });

  it('accepts every audit action', () => {
    for (const action of Object.keys(auditActions)) {
      expect(isAuditAction(action)).toBe(true);
      expect(canonicalAuditEntry({ ...entry, action: action as AuditAction })).toContain(`"action":"${action}"`);
    }
  });
});

describe('isAuditAction', () => {
  it.each(['', 'auth.login', 'AUTH.LOGIN-SUCCEEDED', 'toString', '__proto__', 'constructor'])('rejects %j', (value) => {
    expect(isAuditAction(value)).toBe(false);
  });
});

describe('auditEntryDigest', () => {
  it('is the SHA-256 of the UTF-8 bytes in lower-case hex (FIPS 180-2 vectors)', () => {
    expect(auditEntryDigest('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(auditEntryDigest('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('hashes non-ASCII text as UTF-8', () => {
    const utf8 = createHash('sha256')
      .update(Buffer.from([0x22, 0xc3, 0xa0, 0x22]))
      .digest('hex');
    expect(auditEntryDigest('"à"')).toBe(utf8);
  });

  it('digests the canonical form of an entry', () => {
    const digest = auditEntryDigest(canonicalAuditEntry(entry));
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(digest).toBe(createHash('sha256').update(Buffer.from(expectedCanonical, 'utf8')).digest('hex'));
  });

  it.each(fields)('changes when only %s changes', (field) => {
    const changed = { ...entry, [field]: otherValues[field] };
    expect(auditEntryDigest(canonicalAuditEntry(changed))).not.toBe(auditEntryDigest(expectedCanonical));
  });

  it('changes when any single field takes any other value (property)', () => {
    const text = fc.string({ unit: 'binary', maxLength: 20 });
    const nullableText = fc.option(text, { nil: null });
    const arbitraryFor: { readonly [K in keyof AuditEntry]: fc.Arbitrary<AuditEntry[K]> } = {
      id: text,
      occurredAt: text,
      actorType: fc.constantFrom('user', 'operator', 'anonymous', 'system'),
      actorId: nullableText,
      actorName: text,
      action: fc.constantFrom(...(Object.keys(auditActions) as AuditAction[])),
      objectType: text,
      objectId: nullableText,
      purpose: nullableText,
      outcome: fc.constantFrom('success', 'denied', 'failure'),
      requestId: nullableText,
      details: fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<JsonValue>),
    };
    const change = fc.constantFrom(...fields).chain((field) => arbitraryFor[field].map((value) => ({ field, value })));
    const before = auditEntryDigest(expectedCanonical);
    fc.assert(
      fc.property(change, ({ field, value }) => {
        fc.pre(JSON.stringify(value) !== JSON.stringify(entry[field]));
        const changed = { ...entry, [field]: value };
        expect(auditEntryDigest(canonicalAuditEntry(changed))).not.toBe(before);
      }),
      runs,
    );
  });
});
