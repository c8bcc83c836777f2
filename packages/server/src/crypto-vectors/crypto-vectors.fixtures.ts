import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import type { ContentCipher } from '@hanoi247/core';
import { deriveTotpSecretKey, totpSecretBox, type TotpSecretBinding } from '../auth/totp-secret-box.js';
import { ctrAt, gcmSealer, wrapItemKey } from '../evidence/sealing.js';
import { namedStorageKey } from '../evidence/storage-key.js';
import { encryptContent, itemStreamKey, sealedChunkSize } from '../federation/content-stream-cipher.js';
import { seededPlaintext } from './seeded-plaintext.js';

/**
 * The published test vectors of docs/adr/0008-crypto-formats.md, produced by the implementation
 * itself from fixed TEST keys and nonces (never use them for anything else). Regenerate with
 * `npx tsx --conditions=source scripts/generate-crypto-vectors.ts`; crypto-vectors.test.ts fails
 * when the committed files differ from what the implementation produces.
 */

/** Bytes start, start+1, …: keys that are obviously test keys. */
const counting = (start: number, length: number) => Buffer.from(Array.from({ length }, (_, i) => (start + i) % 256));
const sha256Hex = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Plaintexts: small ones inline (hex), large ones regenerated from a seed (seeded-plaintext.ts). */
export type PlaintextSpec = { readonly hex: string } | { readonly seed: string; readonly length: number };
export const plaintextOf = (spec: PlaintextSpec): Buffer =>
  'hex' in spec ? Buffer.from(spec.hex, 'hex') : seededPlaintext(spec.seed, spec.length);

/** Sealed bytes are written out in full up to this size; larger ones by length and SHA-256. */
const inlineLimit = 4096;
const text = (s: string): PlaintextSpec => ({ hex: Buffer.from(s, 'utf8').toString('hex') });
const seeded = (seed: string, length: number): PlaintextSpec => ({ seed, length });
const seedRule =
  'expand(seed, length): the first length bytes of SHA-256(seed ‖ uint32_be(0)) ‖ SHA-256(seed ‖ uint32_be(1)) ‖ …, seed as UTF-8';

async function contentVector(name: string, cipher: ContentCipher, plaintext: PlaintextSpec) {
  const plain = plaintextOf(plaintext);
  const itemSha256 = sha256Hex(plain);
  const stream = itemStreamKey(cipher, itemSha256);
  const sealed = await buffer(Readable.from([plain]).pipe(encryptContent(stream)));
  const chunks = [];
  for (let index = 0, at = 0; at < sealed.length; index += 1, at += sealedChunkSize) {
    const chunk = sealed.subarray(at, Math.min(at + sealedChunkSize, sealed.length));
    const final = at + sealedChunkSize >= sealed.length;
    const counter = Buffer.alloc(4);
    counter.writeUInt32BE(index);
    chunks.push({
      index,
      final,
      nonce: Buffer.concat([stream.noncePrefix, counter, Buffer.of(final ? 1 : 0)]).toString('hex'),
      plaintextLength: chunk.length - 16,
      tag: chunk.subarray(chunk.length - 16).toString('hex'),
    });
  }
  return {
    name,
    version: 'v' in cipher ? cipher.v : 1,
    content: cipher,
    plaintext,
    itemSha256,
    chunkKey: stream.key.toString('hex'),
    chunks,
    sealedLength: sealed.length,
    sealedSha256: sha256Hex(sealed),
    ...(sealed.length <= inlineLimit ? { sealed: sealed.toString('hex') } : {}),
  };
}

export async function contentStreamVectors() {
  const v1: ContentCipher = {
    algorithm: 'A256GCM-STREAM',
    chunkSize: 1_048_576,
    key: counting(0x00, 32).toString('base64url'),
    noncePrefix: counting(0xa0, 7).toString('base64url'),
  };
  const v2: ContentCipher = {
    v: 2,
    algorithm: 'A256GCM-HKDF-STREAM',
    chunkSize: 1_048_576,
    key: counting(0x20, 32).toString('base64url'),
    noncePrefix: counting(0xb0, 7).toString('base64url'),
  };
  const cases: [string, PlaintextSpec][] = [
    ['empty: one final chunk with no plaintext', { hex: '' }],
    ['short: one final chunk', text('Subscriber records, account suspect@example.net\n')],
    ['exactly 2 MiB: the second whole chunk is final', seeded('hanoi247 content-stream 2MiB', 2 * 1_048_576)],
    ['2 MiB + 1000 bytes: three chunks, the last short', seeded('hanoi247 content-stream 2MiB+1000', 2_098_152)],
  ];
  const vectors = [];
  for (const [version, cipher] of [
    ['v1', v1],
    ['v2', v2],
  ] as const) {
    for (const [name, plaintext] of cases) vectors.push(await contentVector(`${version} ${name}`, cipher, plaintext));
  }
  return {
    description:
      'hanoi247 evidence content stream (federation.md §9.5): STREAM over AES-256-GCM, 1 MiB chunks. TEST keys only.',
    specification: 'docs/adr/0008-crypto-formats.md §2',
    plaintextSeeds: seedRule,
    encoding:
      'content: the `content` member of an evidence.offered payload, as sent; chunkKey: the key each chunk is sealed with (hex); nonce, tag, sealed: hex. sealed = chunk 0 ‖ chunk 1 ‖ …, each chunk = ciphertext ‖ tag.',
    vectors,
  };
}

export function evidenceSealingVectors() {
  const storageKey = namedStorageKey(counting(0x40, 32));
  const object = (name: string, keyStart: number, nonceStart: number, plaintext: PlaintextSpec) => {
    const plain = plaintextOf(plaintext);
    const itemKey = counting(keyStart, 32);
    const nonce = counting(nonceStart, 12);
    const sealer = gcmSealer({ key: itemKey }, nonce);
    const sealed = Buffer.concat([sealer.header(), sealer.update(plain), sealer.final()]);
    return {
      name,
      itemKey: itemKey.toString('hex'),
      wrappedKey: wrapItemKey(storageKey, { key: itemKey }),
      nonce: nonce.toString('hex'),
      plaintext,
      plaintextSha256: sha256Hex(plain),
      tag: sealed.subarray(sealed.length - 16).toString('hex'),
      sealedLength: sealed.length,
      sealedSha256: sha256Hex(sealed),
      ...(sealed.length <= inlineLimit ? { sealed: sealed.toString('hex') } : {}),
    };
  };
  const partial = (name: string, iv: string, offset: number, plaintext: PlaintextSpec) => {
    const itemKey = counting(0x90, 32);
    const plain = plaintextOf(plaintext);
    return {
      name,
      itemKey: itemKey.toString('hex'),
      wrappedKey: wrapItemKey(storageKey, { key: itemKey }),
      iv,
      offset,
      plaintext,
      ciphertext: ctrAt({ key: itemKey }, iv, offset)(plain).toString('hex'),
    };
  };
  return {
    description:
      'hanoi247 evidence sealed at rest: per-item AES-256-GCM key wrapped with AES-256 key wrap (RFC 3394) by keys/storage.key; partial uploads AES-256-CTR. TEST keys only.',
    specification: 'docs/adr/0008-crypto-formats.md §3',
    plaintextSeeds: seedRule,
    storageKey: storageKey.key.toString('hex'),
    storageKeyId: storageKey.id,
    objects: [
      object('empty item', 0x60, 0xc0, { hex: '' }),
      object('short item', 0x61, 0xc1, text('call detail records, 2026-10-30\n')),
      object('100 000 bytes', 0x62, 0xc2, seeded('hanoi247 sealed object 100000', 100_000)),
    ],
    partialUploads: [
      partial('from the start', '000102030405060708090a0b0c0d0e0f', 0, text('first PATCH of a resumable upload')),
      partial(
        'resumed mid-block at offset 37',
        '000102030405060708090a0b0c0d0e0f',
        37,
        text('a later PATCH, not on a 16-byte boundary'),
      ),
      partial(
        'counter wraps past 2^128',
        'fffffffffffffffffffffffffffffffe',
        16,
        text('the 128-bit counter wraps to zero'),
      ),
    ],
  };
}

export function totpSecretVectors() {
  const storageKey = counting(0x40, 32);
  const key = deriveTotpSecretKey(storageKey);
  const seal = (name: string, nonceStart: number, secret: string, binding: TotpSecretBinding) => {
    const nonce = counting(nonceStart, 12);
    return {
      name,
      binding,
      nonce: nonce.toString('hex'),
      secretBase32: secret,
      stored: totpSecretBox(key, () => nonce).seal(secret, binding),
    };
  };
  return {
    description: 'hanoi247 TOTP secrets at rest (format v1): AES-256-GCM under an HKDF-SHA256 key. TEST keys only.',
    specification: 'docs/adr/0008-crypto-formats.md §4',
    storageKey: storageKey.toString('hex'),
    derivedKey: key.toString('hex'),
    vectors: [
      seal('an officer', 0xd0, 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', {
        table: 'users',
        userId: '0190f1c2-0000-7000-8000-000000000001',
      }),
      seal('an enrolment awaiting its first code', 0xd1, 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', {
        table: 'totp_enrolments',
        enrolmentId: '0190f1c2-0000-7000-8000-0000000000aa',
      }),
    ],
  };
}

export const vectorFileText = (vectors: unknown): string => `${JSON.stringify(vectors, null, 2)}\n`;

export const vectorFiles = {
  'content-stream.json': async () => vectorFileText(await contentStreamVectors()),
  'evidence-sealing.json': async () => vectorFileText(evidenceSealingVectors()),
  'totp-secret.json': async () => vectorFileText(totpSecretVectors()),
} as const;

export const vectorDir = new URL('../../../../docs/protocols/test-vectors/', import.meta.url);
