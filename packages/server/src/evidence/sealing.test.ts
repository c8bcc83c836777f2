import { statSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { isDomainError } from '@hanoi247/core';
import { afterAll, describe, expect, it } from 'vitest';
import { ctrAt, gcmSealer, GcmOpener, newItemKey, unwrapItemKey, wrapItemKey, type ItemKey } from './sealing.js';
import { loadStorageKey, storageKeyPath } from './storage-key.js';

function seal(item: ItemKey, plaintext: Buffer): Buffer {
  const sealer = gcmSealer(item);
  return Buffer.concat([
    sealer.header(),
    sealer.update(plaintext.subarray(0, 7)),
    sealer.update(plaintext.subarray(7)),
    sealer.final(),
  ]);
}

async function open(item: ItemKey, sealed: Buffer, chunkSize: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (let i = 0; i < sealed.length; i += chunkSize) parts.push(sealed.subarray(i, i + chunkSize));
  const out: Buffer[] = [];
  for await (const chunk of Readable.from(parts).pipe(new GcmOpener(item))) out.push(chunk as Buffer);
  return Buffer.concat(out);
}

const failure = async (promise: Promise<unknown>) =>
  promise.then(
    () => 'opened',
    (error: unknown) => (isDomainError(error) ? error.code : String(error)),
  );

describe('sealing at rest', () => {
  const root = mkdtempSync(join(tmpdir(), 'h247-seal-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const plaintext = Buffer.from('subscriber records, 2026-10\n'.repeat(300));

  it.each([1, 15, 16, 17, 21, 4096, 1024 * 1024])(
    'opens what it sealed when the stored bytes arrive in %i-byte chunks',
    async (chunkSize) => {
      const item = newItemKey();
      const sealed = seal(item, plaintext);
      expect(sealed.length).toBe(plaintext.length + 36);
      expect(sealed.includes(Buffer.from('subscriber'))).toBe(false);
      expect((await open(item, sealed, chunkSize)).equals(plaintext)).toBe(true);
    },
  );

  it('reads its version from the magic and names a version it does not read', async () => {
    const item = newItemKey();
    const sealed = seal(item, plaintext);
    expect(sealed.subarray(0, 8).toString('latin1')).toBe('h247gcm1');
    const later = Buffer.concat([Buffer.from('h247gcm2', 'latin1'), sealed.subarray(8)]);
    await expect(open(item, later, 1000)).rejects.toThrow(/format version 2, which this node does not read/);
    const foreign = Buffer.concat([Buffer.from('PK\x03\x04....', 'latin1'), sealed.subarray(8)]);
    await expect(open(item, foreign, 1000)).rejects.toThrow(/not a sealed object/);
  });

  it('refuses altered, truncated or foreign ciphertext', async () => {
    const item = newItemKey();
    const sealed = seal(item, plaintext);
    for (const position of [30, sealed.length - 20, sealed.length - 1]) {
      const altered = Buffer.from(sealed);
      altered[position]! ^= 0x80;
      expect(await failure(open(item, altered, 1000))).toBe('evidence/integrity-failed');
    }
    expect(await failure(open(item, sealed.subarray(0, sealed.length - 1), 1000))).toBe('evidence/integrity-failed');
    expect(await failure(open(item, sealed.subarray(0, 10), 1000))).toBe('evidence/integrity-failed');
    expect(await failure(open(newItemKey(), sealed, 1000))).toBe('evidence/integrity-failed');
    expect(await failure(open(item, Buffer.concat([Buffer.from('notmagic'), sealed.subarray(8)]), 1000))).toBe(
      'evidence/integrity-failed',
    );
  });

  it('encrypts partial uploads so that a write resumed at any offset continues the same keystream', () => {
    const item = newItemKey();
    const iv = 'ff'.repeat(16); // the counter wraps past 2^128 - 1 on the first block
    const whole = ctrAt(item, iv, 0)(plaintext);
    expect(whole.includes(Buffer.from('subscriber'))).toBe(false);
    const pieces: Buffer[] = [];
    for (const [from, to] of [
      [0, 5],
      [5, 16],
      [16, 33],
      [33, 1000],
      [1000, plaintext.length],
    ] as const) {
      pieces.push(ctrAt(item, iv, from)(plaintext.subarray(from, to)));
    }
    expect(Buffer.concat(pieces).equals(whole)).toBe(true);
    expect(ctrAt(item, iv, 0)(whole).equals(plaintext)).toBe(true);
  });

  it('wraps item keys with the storage key (RFC 3394) and notices a wrong key or an altered wrap', async () => {
    const storage = await loadStorageKey(join(root, 'a'), true);
    const other = await loadStorageKey(join(root, 'b'), true);
    if (storage === null || other === null) throw new Error('no storage key');
    const item = newItemKey();
    const wrapped = wrapItemKey(storage, item);
    expect(wrapped).toMatch(new RegExp(`^aes256kw:${storage.id}:[A-Za-z0-9_-]{54}$`));
    expect(unwrapItemKey(storage, wrapped).key.equals(item.key)).toBe(true);
    expect(await failure(Promise.resolve().then(() => unwrapItemKey(other, wrapped)))).toBe(
      'evidence/storage-key-missing',
    );
    const tampered = `${wrapped.slice(0, -2)}${wrapped.endsWith('AA') ? 'AB' : 'AA'}`;
    expect(await failure(Promise.resolve().then(() => unwrapItemKey(storage, tampered)))).toBe(
      'evidence/integrity-failed',
    );
  });

  it('creates the storage key once, mode 0600, and refuses a damaged key file', async () => {
    const dataDir = join(root, 'c');
    expect(await loadStorageKey(dataDir, false)).toBeNull();
    const created = await loadStorageKey(dataDir, true);
    const again = await loadStorageKey(dataDir, true);
    expect(again?.key.equals(created?.key ?? Buffer.alloc(0))).toBe(true);
    expect(statSync(storageKeyPath(dataDir)).mode & 0o777).toBe(0o600);
    writeFileSync(storageKeyPath(dataDir), Buffer.alloc(16));
    expect(await failure(loadStorageKey(dataDir, true))).toBe('evidence/storage-key-missing');
  });
});
