import { DomainError } from '../errors/domain-error.js';
import { hashSize } from './hasher.js';

/**
 * A log checkpoint in the C2SP tlog-checkpoint text form: origin, tree size, root hash
 * (standard base64), then optional extension lines. Signed as a C2SP signed note.
 */
export interface Checkpoint {
  readonly origin: string;
  readonly size: number;
  readonly rootHash: Uint8Array;
  readonly extensions: readonly string[];
}

export function formatCheckpoint(checkpoint: Checkpoint): string {
  if (checkpoint.origin.length === 0 || checkpoint.origin.includes('\n')) {
    throw new DomainError('bug/invariant-violated', 'a checkpoint origin is one non-empty line');
  }
  const lines = [
    checkpoint.origin,
    String(checkpoint.size),
    Buffer.from(checkpoint.rootHash).toString('base64'),
    ...checkpoint.extensions,
  ];
  return `${lines.join('\n')}\n`;
}

export function parseCheckpoint(text: string): Checkpoint {
  const lines = text.split('\n');
  if (lines.length < 4 || lines.at(-1) !== '') {
    throw new DomainError('federation/invalid-envelope', 'a checkpoint has origin, size and root hash lines');
  }
  const [origin, sizeText, rootText] = lines as [string, string, string];
  if (!/^(0|[1-9]\d{0,15})$/.test(sizeText) || !Number.isSafeInteger(Number(sizeText))) {
    throw new DomainError('federation/invalid-envelope', 'the checkpoint size is not a decimal number');
  }
  const rootHash = Buffer.from(rootText, 'base64');
  if (rootHash.length !== hashSize || rootHash.toString('base64') !== rootText) {
    throw new DomainError('federation/invalid-envelope', 'the checkpoint root hash is not 32 bytes of base64');
  }
  return { origin, size: Number(sizeText), rootHash, extensions: lines.slice(3, -1) };
}
