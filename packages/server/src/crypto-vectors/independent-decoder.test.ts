import { readFileSync } from 'node:fs';
import { sha256 as syncSha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';

/**
 * A second implementation of the formats, written from docs/adr/0008-crypto-formats.md alone and
 * checked against the published vectors. It shares no code with the node: only WebCrypto
 * (`crypto.subtle`), never node:crypto's ciphers, and its own encoding helpers.
 */

const subtle = globalThis.crypto.subtle;
type CryptoKey = Awaited<ReturnType<typeof subtle.importKey>>;
const vectors = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../../../../docs/protocols/test-vectors/${name}`, import.meta.url), 'utf8')) as T;

const fromHex = (hex: string) => Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));
const toHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const fromBase64url = (text: string) =>
  Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
const toBase64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const utf8 = (text: string) => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};
const uint32be = (n: number) => Uint8Array.of(n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255);
const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, i) => byte === b[i]);
const sha256 = async (data: Uint8Array) => new Uint8Array(await subtle.digest('SHA-256', data));

type Plaintext = { hex: string } | { seed: string; length: number };

/**
 * expand(seed, length), as the vector files define it. Only test data, not a format under test:
 * a synchronous SHA-256 makes the 2 MiB plaintexts in a fraction of a second.
 */
async function plaintextOf(spec: Plaintext): Promise<Uint8Array> {
  if ('hex' in spec) return fromHex(spec.hex);
  const seed = utf8(spec.seed);
  const blocks = Array.from({ length: Math.ceil(spec.length / 32) }, (_, i) => syncSha256(concat(seed, uint32be(i))));
  return Promise.resolve(concat(...blocks).subarray(0, spec.length));
}

async function hkdfSha256(ikm: Uint8Array, info: string): Promise<Uint8Array> {
  const key = await subtle.importKey('raw', ikm, 'HKDF', false, ['deriveBits']);
  return new Uint8Array(
    await subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: utf8(info) }, key, 256),
  );
}

const gcmKey = (raw: Uint8Array) => subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
const gcmSeal = async (key: CryptoKey, iv: Uint8Array, data: Uint8Array, aad = new Uint8Array(0)) =>
  new Uint8Array(await subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad, tagLength: 128 }, key, data));
const gcmOpen = async (key: CryptoKey, iv: Uint8Array, data: Uint8Array, aad = new Uint8Array(0)) =>
  new Uint8Array(await subtle.decrypt({ name: 'AES-GCM', iv, additionalData: aad, tagLength: 128 }, key, data));

describe('an independent WebCrypto implementation of the published formats', () => {
  describe('content stream (ADR 0008 §2)', () => {
    interface Vector {
      name: string;
      content: { v?: number; key: string; noncePrefix: string; chunkSize: number };
      plaintext: Plaintext;
      itemSha256: string;
      chunkKey: string;
      chunks: { index: number; final: boolean; nonce: string; tag: string }[];
      sealedSha256: string;
      sealed?: string;
    }
    const file = vectors<{ vectors: Vector[] }>('content-stream.json');
    const sealedChunk = 1_048_576 + 16;
    const nonceOf = (prefix: Uint8Array, index: number, final: boolean) =>
      concat(prefix, uint32be(index), Uint8Array.of(final ? 1 : 0));

    async function chunkKeyOf(vector: Vector): Promise<Uint8Array> {
      const key = fromBase64url(vector.content.key);
      return (vector.content.v ?? 1) === 1 ? key : hkdfSha256(key, `hanoi247 content-stream v2\n${vector.itemSha256}`);
    }

    /** Opens a whole stream: the last chunk present must open as final, every other as non-final. */
    async function open(key: CryptoKey, prefix: Uint8Array, sealed: Uint8Array): Promise<Uint8Array> {
      const parts: Uint8Array[] = [];
      for (let index = 0, at = 0; at < sealed.length || index === 0; index += 1, at += sealedChunk) {
        const chunk = sealed.subarray(at, at + sealedChunk);
        parts.push(await gcmOpen(key, nonceOf(prefix, index, at + sealedChunk >= sealed.length), chunk));
      }
      return concat(...parts);
    }

    async function seal(key: CryptoKey, prefix: Uint8Array, plain: Uint8Array): Promise<Uint8Array[]> {
      const count = Math.max(1, Math.ceil(plain.length / 1_048_576));
      const chunks: Uint8Array[] = [];
      for (let index = 0; index < count; index += 1) {
        const piece = plain.subarray(index * 1_048_576, (index + 1) * 1_048_576);
        chunks.push(await gcmSeal(key, nonceOf(prefix, index, index === count - 1), piece));
      }
      return chunks;
    }

    it.each(file.vectors.map((v) => [v.name, v] as const))('%s', async (_name, vector) => {
      expect(vector.content.chunkSize).toBe(1_048_576);
      const raw = await chunkKeyOf(vector);
      expect(toHex(raw)).toBe(vector.chunkKey);
      const key = await gcmKey(raw);
      const prefix = fromBase64url(vector.content.noncePrefix);
      const plain = await plaintextOf(vector.plaintext);
      expect(toHex(await sha256(plain))).toBe(vector.itemSha256);

      const chunks = await seal(key, prefix, plain);
      expect(chunks.map((c, index) => ({ index, tag: toHex(c.subarray(c.length - 16)) }))).toEqual(
        vector.chunks.map(({ index, tag }) => ({ index, tag })),
      );
      expect(vector.chunks.map((c) => c.nonce)).toEqual(
        chunks.map((_, i) => toHex(nonceOf(prefix, i, i === chunks.length - 1))),
      );
      const sealed = concat(...chunks);
      expect(toHex(await sha256(sealed))).toBe(vector.sealedSha256);
      if (vector.sealed !== undefined) expect(toHex(sealed)).toBe(vector.sealed);
      expect(sameBytes(await open(key, prefix, sealed), plain)).toBe(true);
      if (chunks.length > 1) {
        // Truncated at a chunk boundary: every chunk intact, but the last one left is not final.
        await expect(open(key, prefix, concat(...chunks.slice(0, -1)))).rejects.toThrow();
        // Reordered chunks do not open either.
        await expect(open(key, prefix, concat(chunks[1]!, chunks[0]!, ...chunks.slice(2)))).rejects.toThrow();
      }
    });

    it('under version 1 two items of one transfer share a key; under version 2 they do not', async () => {
      const [v1a, v1b] = file.vectors.filter((v) => (v.content.v ?? 1) === 1);
      const [v2a, v2b] = file.vectors.filter((v) => v.content.v === 2);
      expect(v1a!.chunkKey).toBe(v1b!.chunkKey);
      expect(v2a!.chunkKey).not.toBe(v2b!.chunkKey);
    });
  });

  describe('evidence sealed at rest (ADR 0008 §3)', () => {
    const file = vectors<{
      storageKey: string;
      storageKeyId: string;
      objects: {
        name: string;
        itemKey: string;
        wrappedKey: string;
        nonce: string;
        plaintext: Plaintext;
        sealedSha256: string;
        sealed?: string;
      }[];
      partialUploads: {
        name: string;
        itemKey: string;
        wrappedKey: string;
        iv: string;
        offset: number;
        plaintext: Plaintext;
        ciphertext: string;
      }[];
    }>('evidence-sealing.json');
    const storageKey = fromHex(file.storageKey);

    async function unwrap(wrapped: string): Promise<Uint8Array> {
      const [label, id, text] = wrapped.split(':');
      expect(label).toBe('aes256kw');
      expect(id).toBe(file.storageKeyId);
      const kek = await subtle.importKey('raw', storageKey, 'AES-KW', false, ['unwrapKey']);
      const key = await subtle.unwrapKey('raw', fromBase64url(text!), kek, 'AES-KW', 'AES-GCM', true, ['decrypt']);
      return new Uint8Array(await subtle.exportKey('raw', key));
    }

    it('names the storage key by SHA-256 of a label and the key', async () => {
      const digest = await sha256(concat(utf8('hanoi247 storage key id\n'), storageKey));
      expect(toHex(digest).slice(0, 16)).toBe(file.storageKeyId);
    });

    it.each(file.objects.map((o) => [o.name, o] as const))('sealed object: %s', async (_name, object) => {
      const itemKey = await unwrap(object.wrappedKey);
      expect(toHex(itemKey)).toBe(object.itemKey);
      const key = await gcmKey(itemKey);
      const plain = await plaintextOf(object.plaintext);
      const sealed = concat(utf8('h247gcm1'), fromHex(object.nonce), await gcmSeal(key, fromHex(object.nonce), plain));
      expect(toHex(await sha256(sealed))).toBe(object.sealedSha256);
      if (object.sealed !== undefined) expect(toHex(sealed)).toBe(object.sealed);
      expect(new TextDecoder().decode(sealed.subarray(0, 8))).toBe('h247gcm1');
      expect(sameBytes(await gcmOpen(key, sealed.subarray(8, 20), sealed.subarray(20)), plain)).toBe(true);
    });

    it.each(file.partialUploads.map((u) => [u.name, u] as const))('partial upload: %s', async (_name, upload) => {
      const itemKey = await unwrap(upload.wrappedKey);
      expect(toHex(itemKey)).toBe(upload.itemKey);
      const key = await subtle.importKey('raw', itemKey, 'AES-CTR', false, ['encrypt']);
      const block = (BigInt(`0x${upload.iv}`) + BigInt(Math.floor(upload.offset / 16))) % (1n << 128n);
      const skip = upload.offset % 16;
      const plain = await plaintextOf(upload.plaintext);
      const stream = new Uint8Array(
        await subtle.encrypt(
          { name: 'AES-CTR', counter: fromHex(block.toString(16).padStart(32, '0')), length: 128 },
          key,
          concat(new Uint8Array(skip), plain),
        ),
      );
      expect(toHex(stream.subarray(skip))).toBe(upload.ciphertext);
    });
  });

  describe('TOTP secrets at rest (ADR 0008 §4)', () => {
    const file = vectors<{
      storageKey: string;
      derivedKey: string;
      vectors: {
        binding: { table: string; userId?: string; enrolmentId?: string };
        nonce: string;
        secretBase32: string;
        stored: string;
      }[];
    }>('totp-secret.json');

    it.each(file.vectors.map((v) => [v.binding.table, v] as const))('%s', async (_table, vector) => {
      const raw = await hkdfSha256(fromHex(file.storageKey), 'hanoi247 totp-secret v1');
      expect(toHex(raw)).toBe(file.derivedKey);
      const key = await gcmKey(raw);
      const row = vector.binding.userId ?? vector.binding.enrolmentId ?? '';
      const aad = utf8(`hanoi247 totp-secret v1\n${vector.binding.table}\n${row}`);
      const [version, nonce, sealed] = vector.stored.split(':');
      expect(version).toBe('v1');
      expect(nonce).toBe(toBase64url(fromHex(vector.nonce)));
      expect(new TextDecoder().decode(await gcmOpen(key, fromBase64url(nonce!), fromBase64url(sealed!), aad))).toBe(
        vector.secretBase32,
      );
      const resealed = await gcmSeal(key, fromHex(vector.nonce), utf8(vector.secretBase32), aad);
      expect(`v1:${nonce}:${toBase64url(resealed)}`).toBe(vector.stored);
      // Bound to its row: the same ciphertext does not open for another one.
      await expect(
        gcmOpen(key, fromBase64url(nonce!), fromBase64url(sealed!), utf8(`hanoi247 totp-secret v1\nusers\nsomeone`)),
      ).rejects.toThrow();
    });
  });
});
