import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { keyFingerprint, keyIdOf, msPerDay, type Clock } from '@hanoi247/core';
import { z } from 'zod';

/**
 * The node's identity: an Ed25519 signing key and an X25519 encryption key, generated on
 * first start and kept in <dataDir>/keys with mode 0600. Rotation adds a new generation;
 * old public keys stay listed so old signatures keep verifying, and the old encryption
 * private key is kept so messages encrypted during the overlap can still be read.
 */
export interface PublicKeyInfo {
  readonly publicKey: string;
  readonly fingerprint: string;
}

export interface KeyGeneration {
  readonly keyId: string;
  readonly createdAt: string;
  readonly retiredAt: string | null;
  readonly signing: PublicKeyInfo;
  readonly encryption: PublicKeyInfo;
}

export interface NodeKeyring {
  readonly generations: readonly KeyGeneration[];
  readonly current: KeyGeneration;
  readonly signingKey: KeyObject;
  readonly encryptionKey: KeyObject;
}

const keyringFileSchema = z.strictObject({
  version: z.literal(1),
  generations: z.array(
    z.strictObject({
      keyId: z.string(),
      createdAt: z.string(),
      retiredAt: z.string().nullable(),
      signing: z.strictObject({ publicKey: z.string(), fingerprint: z.string() }),
      encryption: z.strictObject({ publicKey: z.string(), fingerprint: z.string() }),
    }),
  ),
});

const keysDir = (dataDir: string): string => join(dataDir, 'keys');
const keyringPath = (dataDir: string): string => join(keysDir(dataDir), 'keyring.json');
const privatePath = (dataDir: string, keyId: string, use: 'signing' | 'encryption'): string =>
  join(keysDir(dataDir), `${keyId}.${use}.key.pem`);

function writeSecretFile(path: string, content: string): void {
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, content, { mode: 0o600, flag: 'w' });
  renameSync(temporary, path);
}

function rawPublicKey(key: KeyObject): Buffer {
  const jwk = key.export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw new Error('public key has no raw form');
  return Buffer.from(jwk.x, 'base64url');
}

function publicInfo(key: KeyObject): PublicKeyInfo {
  const raw = rawPublicKey(key);
  return { publicKey: raw.toString('base64url'), fingerprint: keyFingerprint(raw) };
}

function newGeneration(dataDir: string, createdAt: string): KeyGeneration {
  const signing = generateKeyPairSync('ed25519');
  const encryption = generateKeyPairSync('x25519');
  const keyId = keyIdOf(rawPublicKey(signing.publicKey));
  writeSecretFile(
    privatePath(dataDir, keyId, 'signing'),
    signing.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  );
  writeSecretFile(
    privatePath(dataDir, keyId, 'encryption'),
    encryption.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  );
  return {
    keyId,
    createdAt,
    retiredAt: null,
    signing: publicInfo(signing.publicKey),
    encryption: publicInfo(encryption.publicKey),
  };
}

function readPrivate(dataDir: string, keyId: string, use: 'signing' | 'encryption'): KeyObject {
  const key = createPrivateKey(readFileSync(privatePath(dataDir, keyId, use), 'utf8'));
  return key;
}

/** The current private keys must match what the keyring publishes, and every fingerprint its key. */
function assemble(dataDir: string, generations: readonly KeyGeneration[]): NodeKeyring {
  for (const generation of generations) {
    for (const info of [generation.signing, generation.encryption]) {
      if (keyFingerprint(Buffer.from(info.publicKey, 'base64url')) !== info.fingerprint) {
        throw new Error(
          `keyring ${keyringPath(dataDir)}: a fingerprint of ${generation.keyId} does not match its public key`,
        );
      }
    }
  }
  const current = generations.find((g) => g.retiredAt === null);
  if (current === undefined) throw new Error(`keyring ${keyringPath(dataDir)} has no current key generation`);
  const signingKey = readPrivate(dataDir, current.keyId, 'signing');
  if (publicInfo(createPublicKey(signingKey)).publicKey !== current.signing.publicKey) {
    throw new Error(`signing key file of ${current.keyId} does not match the keyring`);
  }
  const encryptionKey = readPrivate(dataDir, current.keyId, 'encryption');
  if (publicInfo(createPublicKey(encryptionKey)).publicKey !== current.encryption.publicKey) {
    throw new Error(`encryption key file of ${current.keyId} does not match the keyring`);
  }
  return { generations, current, signingKey, encryptionKey };
}

function save(dataDir: string, generations: readonly KeyGeneration[]): void {
  writeSecretFile(keyringPath(dataDir), `${JSON.stringify({ version: 1, generations }, null, 2)}\n`);
}

/**
 * Our private decryption key for a key id: the current one, or a retired one still inside
 * its overlap, so messages partners encrypted just before a rotation can still be read.
 */
export function decryptionKeyFor(
  dataDir: string,
  keyring: NodeKeyring,
  keyId: string,
  now: Date,
  overlapDays: number,
): KeyObject | null {
  const generation = keyring.generations.find((g) => g.keyId === keyId);
  if (generation === undefined) return null;
  if (generation.retiredAt !== null && Date.parse(generation.retiredAt) + overlapDays * msPerDay < now.getTime()) {
    return null;
  }
  if (generation.keyId === keyring.current.keyId) return keyring.encryptionKey;
  return existsSync(privatePath(dataDir, keyId, 'encryption')) ? readPrivate(dataDir, keyId, 'encryption') : null;
}

export function loadKeyring(dataDir: string): NodeKeyring | null {
  if (!existsSync(keyringPath(dataDir))) return null;
  const parsed = keyringFileSchema.parse(JSON.parse(readFileSync(keyringPath(dataDir), 'utf8')));
  return assemble(dataDir, parsed.generations);
}

export function loadOrCreateKeyring(dataDir: string, clock: Clock): { keyring: NodeKeyring; created: boolean } {
  const existing = loadKeyring(dataDir);
  if (existing !== null) return { keyring: existing, created: false };
  mkdirSync(keysDir(dataDir), { recursive: true, mode: 0o700 });
  const generation = newGeneration(dataDir, clock.now().toISOString());
  save(dataDir, [generation]);
  return { keyring: assemble(dataDir, [generation]), created: true };
}

/** Retires the current generation and destroys its signing key, which must never sign again. */
export function rotateKeyring(dataDir: string, clock: Clock): { keyring: NodeKeyring; retired: KeyGeneration } {
  const existing = loadKeyring(dataDir);
  if (existing === null) throw new Error(`no keyring in ${keysDir(dataDir)}; start the node once first`);
  const at = clock.now().toISOString();
  const next = newGeneration(dataDir, at);
  const retired = { ...existing.current, retiredAt: at };
  const generations = [...existing.generations.map((g) => (g.keyId === retired.keyId ? retired : g)), next];
  save(dataDir, generations);
  rmSync(privatePath(dataDir, retired.keyId, 'signing'), { force: true });
  return { keyring: assemble(dataDir, generations), retired };
}
