import { DomainError } from '@hanoi247/core';
import type { Executor } from '../db/database-schema.js';
import type { StorageKey, StorageKeyProvider } from '../evidence/storage-key.js';
import { citizenReportRepository } from '../repositories/citizen-report.repository.js';
import { evidenceRepository } from '../repositories/evidence.repository.js';
import { userRepository } from '../repositories/user.repository.js';

/**
 * `keys/storage.key`, created on first need — unless evidence, TOTP secrets or reporters' data were sealed with it
 * before: then it was lost, and a new key would silently make them unreadable for good.
 */
export async function storageKeyOnFirstNeed(db: Executor, keys: StorageKeyProvider): Promise<StorageKey> {
  const existing = await keys.get(false);
  if (existing !== null) return existing;
  const sealedBefore =
    (await evidenceRepository.anySealed(db)) ||
    (await userRepository.anySealedTotpSecret(db)) ||
    (await citizenReportRepository.anySealed(db));
  if (sealedBefore) {
    throw new DomainError(
      'evidence/storage-key-missing',
      'keys/storage.key is missing but evidence, TOTP secrets or fraud reporters\u2019 data were sealed with it: ' +
        'restore it from backup',
    );
  }
  const created = await keys.get(true);
  if (created === null) throw new DomainError('bug/invariant-violated', 'the storage key could not be created');
  return created;
}
