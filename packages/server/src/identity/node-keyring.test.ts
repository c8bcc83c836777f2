import { createPublicKey, diffieHellman, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keyFingerprint, keyIdOf, ManualClock } from '@hanoi247/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadKeyring, loadOrCreateKeyring, rotateKeyring, type KeyGeneration } from './node-keyring.js';

let dataDir: string;
let clock: ManualClock;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'hanoi247-keys-'));
  clock = new ManualClock('2025-03-14T09:00:00.000Z');
});

afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

const keysDir = (): string => join(dataDir, 'keys');
const keyringFile = (): string => join(keysDir(), 'keyring.json');
const privateFile = (keyId: string, use: 'signing' | 'encryption'): string =>
  join(keysDir(), `${keyId}.${use}.key.pem`);
const modeOf = (path: string): number => statSync(path).mode & 0o777;

/** A public KeyObject rebuilt only from what the node publishes: the base64url raw key. */
function publishedKey(crv: 'Ed25519' | 'X25519', x: string): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv, x }, format: 'jwk' });
}

function rawOf(key: KeyObject): string {
  return key.export({ format: 'jwk' }).x!;
}

interface KeyringFile {
  version: number;
  generations: { -readonly [K in keyof KeyGeneration]: KeyGeneration[K] }[];
}

function editKeyringFile(edit: (file: KeyringFile) => void): void {
  const file = JSON.parse(readFileSync(keyringFile(), 'utf8')) as KeyringFile;
  edit(file);
  writeFileSync(keyringFile(), JSON.stringify(file));
}

describe('loadOrCreateKeyring: first start', () => {
  it('creates one current generation stamped with the clock', () => {
    const { keyring, created } = loadOrCreateKeyring(dataDir, clock);
    expect(created).toBe(true);
    expect(keyring.generations).toHaveLength(1);
    expect(keyring.current).toEqual(keyring.generations[0]);
    expect(keyring.current.createdAt).toBe('2025-03-14T09:00:00.000Z');
    expect(keyring.current.retiredAt).toBeNull();
    expect(keyring.signingKey.asymmetricKeyType).toBe('ed25519');
    expect(keyring.encryptionKey.asymmetricKeyType).toBe('x25519');
    expect(keyring.signingKey.type).toBe('private');
  });

  it('keeps secrets private: keys dir 0700, key files and keyring 0600, no temporary files left', () => {
    const { keyring } = loadOrCreateKeyring(dataDir, clock);
    const { keyId } = keyring.current;
    expect(modeOf(keysDir())).toBe(0o700);
    expect(modeOf(keyringFile())).toBe(0o600);
    expect(modeOf(privateFile(keyId, 'signing'))).toBe(0o600);
    expect(modeOf(privateFile(keyId, 'encryption'))).toBe(0o600);
    expect(readdirSync(keysDir()).sort()).toEqual([
      `${keyId}.encryption.key.pem`,
      `${keyId}.signing.key.pem`,
      'keyring.json',
    ]);
  });

  it('creates a data directory that does not exist yet', () => {
    const nested = join(dataDir, 'not', 'yet');
    const { created } = loadOrCreateKeyring(nested, clock);
    expect(created).toBe(true);
    expect(modeOf(join(nested, 'keys'))).toBe(0o700);
  });

  it('publishes raw 32-byte public keys whose fingerprints and key id derive from them', () => {
    const { current } = loadOrCreateKeyring(dataDir, clock).keyring;
    for (const info of [current.signing, current.encryption]) {
      const raw = Buffer.from(info.publicKey, 'base64url');
      expect(raw).toHaveLength(32);
      expect(info.fingerprint).toBe(keyFingerprint(raw));
    }
    expect(current.keyId).toBe(keyIdOf(Buffer.from(current.signing.publicKey, 'base64url')));
    expect(current.signing.publicKey).not.toBe(current.encryption.publicKey);
  });

  it('signs with a key that the published public key verifies', () => {
    const { keyring } = loadOrCreateKeyring(dataDir, clock);
    const message = Buffer.from('preservation request 2025/17', 'utf8');
    const signature = sign(null, message, keyring.signingKey);
    const published = publishedKey('Ed25519', keyring.current.signing.publicKey);
    expect(verify(null, message, published, signature)).toBe(true);
    expect(verify(null, Buffer.from('preservation request 2025/18', 'utf8'), published, signature)).toBe(false);
  });

  it('decrypts for the published encryption key (X25519 agreement)', () => {
    const { keyring } = loadOrCreateKeyring(dataDir, clock);
    const partner = generateKeyPairSync('x25519');
    const partnerSide = diffieHellman({
      privateKey: partner.privateKey,
      publicKey: publishedKey('X25519', keyring.current.encryption.publicKey),
    });
    const nodeSide = diffieHellman({ privateKey: keyring.encryptionKey, publicKey: partner.publicKey });
    expect(nodeSide.equals(partnerSide)).toBe(true);
  });

  it('gives different nodes different keys', () => {
    const other = mkdtempSync(join(tmpdir(), 'hanoi247-keys-other-'));
    try {
      const a = loadOrCreateKeyring(dataDir, clock).keyring.current;
      const b = loadOrCreateKeyring(other, clock).keyring.current;
      expect(a.signing.publicKey).not.toBe(b.signing.publicKey);
      expect(a.encryption.publicKey).not.toBe(b.encryption.publicKey);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});

describe('loadOrCreateKeyring and loadKeyring: later starts', () => {
  it('loads the same keys on the second call', () => {
    const first = loadOrCreateKeyring(dataDir, clock).keyring;
    clock.advance(86_400_000);
    const { keyring, created } = loadOrCreateKeyring(dataDir, clock);
    expect(created).toBe(false);
    expect(keyring.generations).toEqual(first.generations);
    expect(keyring.current.createdAt).toBe('2025-03-14T09:00:00.000Z');
    expect(rawOf(createPublicKey(keyring.signingKey))).toBe(first.current.signing.publicKey);
    expect(rawOf(createPublicKey(keyring.encryptionKey))).toBe(first.current.encryption.publicKey);
  });

  it('returns null when the node has no keys yet, and creates nothing', () => {
    expect(loadKeyring(dataDir)).toBeNull();
    expect(existsSync(keysDir())).toBe(false);
  });

  it('loadKeyring reads what loadOrCreateKeyring wrote', () => {
    const created = loadOrCreateKeyring(dataDir, clock).keyring;
    expect(loadKeyring(dataDir)?.current).toEqual(created.current);
  });
});

describe('rotateKeyring', () => {
  it('refuses to rotate before the keys exist', () => {
    expect(() => rotateKeyring(dataDir, clock)).toThrow(/no keyring/);
  });

  it('retires the current generation and makes a new one current', () => {
    const before = loadOrCreateKeyring(dataDir, clock).keyring.current;
    clock.advance(30 * 86_400_000);
    const { keyring, retired } = rotateKeyring(dataDir, clock);
    expect(retired).toEqual({ ...before, retiredAt: '2025-04-13T09:00:00.000Z' });
    expect(keyring.generations).toHaveLength(2);
    expect(keyring.generations[0]).toEqual(retired);
    expect(keyring.current).toEqual(keyring.generations[1]);
    expect(keyring.current.keyId).not.toBe(before.keyId);
    expect(keyring.current.createdAt).toBe('2025-04-13T09:00:00.000Z');
    expect(keyring.current.retiredAt).toBeNull();
    expect(loadKeyring(dataDir)?.generations).toEqual(keyring.generations);
  });

  it('destroys the old signing key but keeps the old encryption key', () => {
    const old = loadOrCreateKeyring(dataDir, clock).keyring.current;
    const oldEncryptionPem = readFileSync(privateFile(old.keyId, 'encryption'), 'utf8');
    const { keyring } = rotateKeyring(dataDir, clock);
    expect(existsSync(privateFile(old.keyId, 'signing'))).toBe(false);
    expect(readFileSync(privateFile(old.keyId, 'encryption'), 'utf8')).toBe(oldEncryptionPem);
    expect(modeOf(privateFile(keyring.current.keyId, 'signing'))).toBe(0o600);
    expect(modeOf(privateFile(keyring.current.keyId, 'encryption'))).toBe(0o600);
    expect(modeOf(keyringFile())).toBe(0o600);
  });

  it('keeps old signatures verifiable and signs new ones with the new key only', () => {
    const first = loadOrCreateKeyring(dataDir, clock).keyring;
    const message = Buffer.from('evidence manifest', 'utf8');
    const oldSignature = sign(null, message, first.signingKey);
    const { keyring } = rotateKeyring(dataDir, clock);
    const retiredKey = publishedKey('Ed25519', keyring.generations[0]!.signing.publicKey);
    const currentKey = publishedKey('Ed25519', keyring.current.signing.publicKey);
    expect(verify(null, message, retiredKey, oldSignature)).toBe(true);
    const newSignature = sign(null, message, keyring.signingKey);
    expect(verify(null, message, currentKey, newSignature)).toBe(true);
    expect(verify(null, message, retiredKey, newSignature)).toBe(false);
  });

  it('keeps exactly one current generation over several rotations', () => {
    loadOrCreateKeyring(dataDir, clock);
    for (let i = 0; i < 3; i += 1) {
      clock.advance(1000);
      rotateKeyring(dataDir, clock);
    }
    const keyring = loadOrCreateKeyring(dataDir, clock).keyring;
    expect(keyring.generations).toHaveLength(4);
    expect(keyring.generations.filter((g) => g.retiredAt === null)).toEqual([keyring.current]);
    expect(new Set(keyring.generations.map((g) => g.keyId)).size).toBe(4);
    expect(keyring.generations.map((g) => g.retiredAt)).toEqual([
      '2025-03-14T09:00:01.000Z',
      '2025-03-14T09:00:02.000Z',
      '2025-03-14T09:00:03.000Z',
      null,
    ]);
  });
});

describe('loadKeyring: a tampered keyring is refused', () => {
  const foreignRaw = (type: 'ed25519' | 'x25519'): string =>
    type === 'ed25519'
      ? rawOf(generateKeyPairSync('ed25519').publicKey)
      : rawOf(generateKeyPairSync('x25519').publicKey);

  it('when the signing public key is swapped', () => {
    loadOrCreateKeyring(dataDir, clock);
    editKeyringFile((file) => {
      const raw = foreignRaw('ed25519');
      file.generations[0]!.signing = { publicKey: raw, fingerprint: keyFingerprint(Buffer.from(raw, 'base64url')) };
    });
    expect(() => loadKeyring(dataDir)).toThrow();
  });

  it('when the encryption public key is swapped', () => {
    loadOrCreateKeyring(dataDir, clock);
    editKeyringFile((file) => {
      const raw = foreignRaw('x25519');
      file.generations[0]!.encryption = { publicKey: raw, fingerprint: keyFingerprint(Buffer.from(raw, 'base64url')) };
    });
    expect(() => loadKeyring(dataDir)).toThrow();
  });

  it('when a fingerprint no longer matches its public key', () => {
    loadOrCreateKeyring(dataDir, clock);
    editKeyringFile((file) => {
      const generation = file.generations[0]!;
      generation.signing = { ...generation.signing, fingerprint: keyFingerprint(Buffer.alloc(32)) };
    });
    expect(() => loadKeyring(dataDir)).toThrow();
  });

  it('when the signing key file is replaced by another key', () => {
    const { current } = loadOrCreateKeyring(dataDir, clock).keyring;
    const foreign = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    writeFileSync(privateFile(current.keyId, 'signing'), foreign);
    expect(() => loadKeyring(dataDir)).toThrow();
  });

  it('when the file has an unknown version, unknown fields or no current generation', () => {
    loadOrCreateKeyring(dataDir, clock);
    const original = readFileSync(keyringFile(), 'utf8');
    editKeyringFile((file) => {
      file.version = 2;
    });
    expect(() => loadKeyring(dataDir)).toThrow();
    writeFileSync(keyringFile(), original);
    editKeyringFile((file) => Object.assign(file, { comment: 'edited by hand' }));
    expect(() => loadKeyring(dataDir)).toThrow();
    writeFileSync(keyringFile(), original);
    editKeyringFile((file) => {
      file.generations[0]!.retiredAt = '2025-03-14T10:00:00.000Z';
    });
    expect(() => loadKeyring(dataDir)).toThrow(/no current key generation/);
    writeFileSync(keyringFile(), original);
    expect(loadKeyring(dataDir)).not.toBeNull();
  });
});
