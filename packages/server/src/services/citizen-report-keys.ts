import type { Db } from '../db/database-schema.js';
import type { StorageKey, StorageKeyProvider } from '../evidence/storage-key.js';
import { deriveFieldKey, fieldBox, type FieldBox } from '../privacy/field-box.js';
import { proofOfWork, type ProofOfWork } from '../privacy/proof-of-work.js';
import { storageKeyOnFirstNeed } from './storage-key-on-first-need.js';

/** HKDF info strings: one key per purpose, all from `keys/storage.key` (privacy/field-box.ts). */
const purposes = {
  narrative: 'hanoi247 fraud-narrative v1',
  contact: 'hanoi247 fraud-reporter-contact v1',
  proofOfWork: 'hanoi247 fraud-proof-of-work v1',
} as const;

export interface CitizenReportBoxes {
  readonly narrative: FieldBox;
  readonly contact: FieldBox;
  readonly proofOfWork: ProofOfWork;
}

/** A proof-of-work challenge is good for this long: time to fill in the form, not to stockpile answers. */
export const challengeTtlSeconds = 30 * 60;

/**
 * The boxes that seal a citizen's narrative and contact, and the proof-of-work MAC key, all derived from the
 * node's storage key (created on first need). Callers take them before they open a transaction.
 */
export function createCitizenReportKeys(db: Db, keys: StorageKeyProvider, proofOfWorkBits: number) {
  let boxes: CitizenReportBoxes | null = null;
  const boxesFor = (storageKey: StorageKey): CitizenReportBoxes =>
    (boxes ??= {
      narrative: fieldBox(deriveFieldKey(storageKey.key, purposes.narrative), purposes.narrative),
      contact: fieldBox(deriveFieldKey(storageKey.key, purposes.contact), purposes.contact),
      proofOfWork: proofOfWork(deriveFieldKey(storageKey.key, purposes.proofOfWork), {
        bits: proofOfWorkBits,
        ttlSeconds: challengeTtlSeconds,
      }),
    });
  return {
    async boxes(): Promise<CitizenReportBoxes> {
      return boxesFor(await storageKeyOnFirstNeed(db, keys));
    },
  };
}

export type CitizenReportKeys = ReturnType<typeof createCitizenReportKeys>;
