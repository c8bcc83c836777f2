import { DomainError, ledgerOrigin, signCheckpoint, type Checkpoint } from '@hanoi247/core';
import type { NodeKeyring } from '../identity/node-keyring.js';

/** Names the log and signs its checkpoints. Async so that a key held elsewhere (an HSM, a KMS) fits. */
export interface CheckpointSigner {
  origin(): string;
  sign(checkpoint: Checkpoint): Promise<string>;
}

/** This node's log: `hanoi247/<country>/<first key id>` (core's ledgerOrigin), from the keyring. */
export function keyringOrigin(country: string, keyring: NodeKeyring): string {
  const first = keyring.generations[0];
  if (first === undefined) throw new DomainError('bug/invariant-violated', 'the keyring has no key generation');
  return ledgerOrigin(country, first.keyId);
}

/**
 * Signs with the current Ed25519 key under the origin as key name (C2SP signed note). Rotated
 * keys stay in the keyring and the descriptor, so their checkpoints keep verifying.
 */
export function keyringCheckpointSigner(country: () => string | null, keyring: () => NodeKeyring): CheckpointSigner {
  return {
    origin() {
      const code = country();
      if (code === null) throw new DomainError('config/invalid', 'the ledger needs node.country to name its log');
      return keyringOrigin(code, keyring());
    },
    async sign(checkpoint) {
      const keys = keyring();
      return signCheckpoint(checkpoint, keys.signingKey, keys.current.signing.publicKey);
    },
  };
}
