import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { contentCipherSchema } from '@hanoi247/core';
import { describe, expect, it } from 'vitest';
import { deriveTotpSecretKey, totpSecretBox, type TotpSecretBinding } from '../auth/totp-secret-box.js';
import { ctrAt, GcmOpener, unwrapItemKey } from '../evidence/sealing.js';
import { namedStorageKey } from '../evidence/storage-key.js';
import { decryptContent, encryptContent, itemStreamKey } from '../federation/content-stream-cipher.js';
import { plaintextOf, vectorDir, vectorFiles, type PlaintextSpec } from './crypto-vectors.fixtures.js';

/** The implementation against the committed vectors: it writes them byte for byte and reads them back. */

const committed = <T>(name: keyof typeof vectorFiles): T =>
  JSON.parse(readFileSync(new URL(name, vectorDir), 'utf8')) as T;
const sha256Hex = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

interface ContentVector {
  readonly name: string;
  readonly content: unknown;
  readonly plaintext: PlaintextSpec;
  readonly itemSha256: string;
  readonly sealedSha256: string;
  readonly sealed?: string;
}

describe('published crypto-format test vectors', () => {
  it.each(Object.keys(vectorFiles) as (keyof typeof vectorFiles)[])(
    '%s is what the implementation writes',
    async (name) => {
      expect(readFileSync(new URL(name, vectorDir), 'utf8')).toBe(await vectorFiles[name]());
    },
  );

  it.each(committed<{ vectors: ContentVector[] }>('content-stream.json').vectors.map((v) => [v.name, v] as const))(
    'content stream %s opens to its plaintext',
    async (_name, vector) => {
      const stream = itemStreamKey(contentCipherSchema.parse(vector.content), vector.itemSha256);
      const plain = plaintextOf(vector.plaintext);
      const sealed =
        vector.sealed === undefined
          ? await buffer(Readable.from([plain]).pipe(encryptContent(stream)))
          : Buffer.from(vector.sealed, 'hex');
      expect(sha256Hex(sealed)).toBe(vector.sealedSha256);
      const opened = await buffer(Readable.from([sealed]).pipe(decryptContent(stream)));
      expect(opened.equals(plain)).toBe(true);
    },
  );

  it('sealed objects and partial uploads open under the published keys', async () => {
    const file = committed<{
      storageKey: string;
      objects: { wrappedKey: string; plaintext: PlaintextSpec; sealed?: string; plaintextSha256: string }[];
      partialUploads: {
        wrappedKey: string;
        iv: string;
        offset: number;
        plaintext: PlaintextSpec;
        ciphertext: string;
      }[];
    }>('evidence-sealing.json');
    const storageKey = namedStorageKey(Buffer.from(file.storageKey, 'hex'));
    const inline = file.objects.filter((o) => o.sealed !== undefined);
    expect(inline.length).toBeGreaterThan(0);
    for (const object of inline) {
      const opener = new GcmOpener(unwrapItemKey(storageKey, object.wrappedKey));
      const opened = await buffer(Readable.from([Buffer.from(object.sealed!, 'hex')]).pipe(opener));
      expect(sha256Hex(opened)).toBe(object.plaintextSha256);
      expect(opened.equals(plaintextOf(object.plaintext))).toBe(true);
    }
    for (const upload of file.partialUploads) {
      const item = unwrapItemKey(storageKey, upload.wrappedKey);
      const plain = ctrAt(item, upload.iv, upload.offset)(Buffer.from(upload.ciphertext, 'hex'));
      expect(plain.equals(plaintextOf(upload.plaintext))).toBe(true);
    }
  });

  it('TOTP secrets open under the key derived from the published storage key', () => {
    const file = committed<{
      storageKey: string;
      vectors: { binding: TotpSecretBinding; secretBase32: string; stored: string }[];
    }>('totp-secret.json');
    const box = totpSecretBox(deriveTotpSecretKey(Buffer.from(file.storageKey, 'hex')));
    for (const vector of file.vectors) expect(box.open(vector.stored, vector.binding)).toBe(vector.secretBase32);
  });
});
