import { deriveTotpSecretKey, totpSecretBox, type TotpSecretBox } from '../auth/totp-secret-box.js';
import type { Db } from '../db/database-schema.js';
import type { StorageKey, StorageKeyProvider } from '../evidence/storage-key.js';
import { storageKeyOnFirstNeed } from './storage-key-on-first-need.js';

export interface TotpSecretsDeps {
  readonly db: Db;
  readonly keys: StorageKeyProvider;
}

/**
 * The box that seals and opens TOTP secrets, keyed from `keys/storage.key`. Both calls may read
 * the database or a file, so callers take the box before they open a transaction.
 */
export function createTotpSecrets(deps: TotpSecretsDeps) {
  let box: TotpSecretBox | null = null;
  const boxFor = (storageKey: StorageKey): TotpSecretBox =>
    (box ??= totpSecretBox(deriveTotpSecretKey(storageKey.key)));

  return {
    /** Creates the key file on first need, unless something was sealed with it before: then it was lost. */
    async sealer(): Promise<TotpSecretBox> {
      return boxFor(await storageKeyOnFirstNeed(deps.db, deps.keys));
    },

    /** Null when there is no key file: then no sealed secret can be opened. */
    async opener(): Promise<TotpSecretBox | null> {
      const existing = await deps.keys.get(false);
      return existing === null ? null : boxFor(existing);
    },
  };
}

export type TotpSecrets = ReturnType<typeof createTotpSecrets>;
