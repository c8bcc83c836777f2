import type { KeyObject } from 'node:crypto';
import { DomainError } from '../errors/domain-error.js';
import type { NodeDescriptor } from '../federation/node-descriptor.js';
import { formatCheckpoint, parseCheckpoint, type Checkpoint } from './checkpoint.js';
import { openNote, signNote, type NoteVerifier } from './signed-note.js';

/**
 * Which log a checkpoint belongs to. The origin line is `hanoi247/<COUNTRY>/<key id of the
 * node's first key generation>`: one line, stable across key rotations (the first generation
 * stays listed, retired), and different for a node that was set up again from scratch, whose
 * log is a different log. The signed note's key name is the origin itself, so a verifier
 * needs nothing but the node's descriptor: its country, its first key id and every signing
 * key it ever published (docs/protocols/ledger.md §5).
 */
export function ledgerOrigin(country: string, firstKeyId: string): string {
  if (!/^[A-Z]{2}$/.test(country) || !/^[0-9a-f]{16}$/.test(firstKeyId)) {
    throw new DomainError('bug/invariant-violated', 'a ledger origin needs a country code and a key id');
  }
  return `hanoi247/${country}/${firstKeyId}`;
}

/** The origin of the log of the node a descriptor describes (keys are listed oldest first). */
export function descriptorLedgerOrigin(descriptor: NodeDescriptor): string {
  const first = descriptor.keys[0];
  if (first === undefined) throw new DomainError('federation/invalid-descriptor', 'the descriptor lists no key');
  return ledgerOrigin(descriptor.country, first.keyId);
}

/** Every signing key, current or retired: a rotated-out key still vouches for the checkpoints it signed. */
export function checkpointVerifiers(origin: string, signingPublicKeys: readonly string[]): NoteVerifier[] {
  return signingPublicKeys.map((publicKey) => ({ name: origin, publicKey }));
}

export function signCheckpoint(checkpoint: Checkpoint, privateKey: KeyObject, publicKey: string): string {
  return signNote(formatCheckpoint(checkpoint), checkpoint.origin, privateKey, publicKey);
}

/**
 * Verifies a checkpoint note of the log `origin`: signed by one of the keys, under the origin
 * as key name, and naming that origin. Throws federation/bad-signature or
 * federation/unknown-signer (signature), federation/invalid-envelope (text) or
 * ledger/invalid-checkpoint (another log).
 */
export function openCheckpoint(note: string, origin: string, signingPublicKeys: readonly string[]): Checkpoint {
  const opened = openNote(note, checkpointVerifiers(origin, signingPublicKeys));
  const checkpoint = parseCheckpoint(opened.text);
  if (checkpoint.origin !== origin) {
    throw new DomainError(
      'ledger/invalid-checkpoint',
      `the checkpoint is of log "${checkpoint.origin}", not "${origin}"`,
    );
  }
  return checkpoint;
}
