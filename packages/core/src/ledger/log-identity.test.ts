import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.js';
import { rawPublicKey } from '../federation/keys.js';
import { formatCheckpoint } from './checkpoint.js';
import { referenceRoots } from './rfc6962.fixtures.js';
import { signNote } from './signed-note.js';
import { ledgerOrigin, openCheckpoint, signCheckpoint } from './log-identity.js';

const codeOf = (f: () => unknown): string => {
  try {
    f();
    return 'none';
  } catch (error) {
    return error instanceof DomainError ? error.code : String(error);
  }
};

describe('checkpoints of a node\u2019s ledger', () => {
  const origin = ledgerOrigin('VN', '0123456789abcdef');
  const old = generateKeyPairSync('ed25519');
  const current = generateKeyPairSync('ed25519');
  const keys = [rawPublicKey(old.publicKey), rawPublicKey(current.publicKey)];
  const checkpoint = { origin, size: 8, rootHash: Buffer.from(referenceRoots[7], 'hex'), extensions: [] };

  it('names the log by country and first key id, one line', () => {
    expect(origin).toBe('hanoi247/VN/0123456789abcdef');
    expect(codeOf(() => ledgerOrigin('vn', '0123456789abcdef'))).toBe('bug/invariant-violated');
  });

  it('verifies a checkpoint signed by a retired key as well as by the current one', () => {
    for (const pair of [old, current]) {
      const note = signCheckpoint(checkpoint, pair.privateKey, rawPublicKey(pair.publicKey));
      expect(note.startsWith(`${origin}\n8\n`)).toBe(true);
      expect(openCheckpoint(note, origin, keys)).toMatchObject({ origin, size: 8 });
    }
  });

  it('refuses another log, an unknown key and an altered note', () => {
    const note = signCheckpoint(checkpoint, current.privateKey, keys[1]!);
    expect(codeOf(() => openCheckpoint(note, ledgerOrigin('SG', '0123456789abcdef'), keys))).toBe(
      'federation/unknown-signer',
    );
    expect(codeOf(() => openCheckpoint(note, origin, [keys[0]!]))).toBe('federation/unknown-signer');
    expect(codeOf(() => openCheckpoint(note.replace('\n8\n', '\n7\n'), origin, keys))).toBe('federation/bad-signature');
    // Signed under the right key name but naming another origin: a note of a different log.
    const foreign = signNote(
      formatCheckpoint({ ...checkpoint, origin: 'hanoi247/SG/0123456789abcdef' }),
      origin,
      current.privateKey,
      keys[1]!,
    );
    expect(codeOf(() => openCheckpoint(foreign, origin, keys))).toBe('ledger/invalid-checkpoint');
  });
});
