import { createHash, sign, verify, type KeyObject } from 'node:crypto';
import { DomainError } from '../errors/domain-error.js';
import { ed25519PublicKey } from '../federation/keys.js';

/**
 * C2SP signed notes (c2sp.org/signed-note), Ed25519 only: the text, a blank line, then one
 * line per signature, "— <key name> <base64(key hash ‖ signature)>". The key hash is the
 * first 4 bytes of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key).
 */
const dash = '\u2014';

export interface NoteVerifier {
  readonly name: string;
  /** Raw Ed25519 public key, base64url (as in node descriptors). */
  readonly publicKey: string;
}

export function noteKeyHash(name: string, publicKey: string): Buffer {
  return createHash('sha256')
    .update(Buffer.from(name, 'utf8'))
    .update(Uint8Array.of(0x0a, 0x01))
    .update(Buffer.from(publicKey, 'base64url'))
    .digest()
    .subarray(0, 4);
}

function checkName(name: string): void {
  if (name.length === 0 || /[\s+]/.test(name)) {
    throw new DomainError('bug/invariant-violated', 'a note key name has no spaces or plus signs');
  }
}

export function signNote(text: string, name: string, privateKey: KeyObject, publicKey: string): string {
  checkName(name);
  if (!text.endsWith('\n')) throw new DomainError('bug/invariant-violated', 'a note text ends with a new line');
  const signature = sign(null, Buffer.from(text, 'utf8'), privateKey);
  return `${text}\n${dash} ${name} ${Buffer.concat([noteKeyHash(name, publicKey), signature]).toString('base64')}\n`;
}

export interface OpenedNote {
  readonly text: string;
  /** Names of the known keys whose signatures verified. */
  readonly signedBy: readonly string[];
}

/** Returns the text if at least one known key signed it; unknown signatures are ignored, bad ones refused. */
export function openNote(note: string, verifiers: readonly NoteVerifier[]): OpenedNote {
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) throw new DomainError('federation/bad-signature', 'not a signed note');
  const text = note.slice(0, split + 1);
  const lines = note.slice(split + 2, -1).split('\n');
  const signedBy: string[] = [];
  for (const line of lines) {
    const match = /^\u2014 (\S+) ([A-Za-z0-9+/=]+)$/.exec(line);
    if (match === null) throw new DomainError('federation/bad-signature', 'malformed signature line in note');
    const [, name, encoded] = match as unknown as [string, string, string];
    const blob = Buffer.from(encoded, 'base64');
    const verifier = verifiers.find(
      (v) => v.name === name && noteKeyHash(v.name, v.publicKey).equals(blob.subarray(0, 4)),
    );
    if (verifier === undefined) continue;
    if (
      blob.length !== 68 ||
      !verify(null, Buffer.from(text, 'utf8'), ed25519PublicKey(verifier.publicKey), blob.subarray(4))
    ) {
      throw new DomainError('federation/bad-signature', `the signature of ${name} does not verify`);
    }
    signedBy.push(name);
  }
  if (signedBy.length === 0) throw new DomainError('federation/unknown-signer', 'no known key signed this note');
  return { text, signedBy };
}
