import { auditRepository } from '../repositories/audit.repository.js';
import { totpEnrolmentRepository } from '../repositories/one-time-token.repository.js';
import { userRepository } from '../repositories/user.repository.js';
import { auditEntryFor, type ServiceRuntime } from './service-runtime.js';
import type { TotpSecrets } from './totp-secrets.js';

export interface SealedCounts {
  readonly users: number;
  readonly enrolments: number;
}

/**
 * Seals the TOTP secrets an earlier version stored in the clear, in one transaction with its
 * audit entry. Runs whenever a process opens the node; with nothing left in the clear it only
 * reads, and needs no key file.
 */
export async function sealLegacyTotpSecrets(runtime: ServiceRuntime, secrets: TotpSecrets): Promise<SealedCounts> {
  const { db } = runtime;
  const pending =
    (await userRepository.listUnsealedTotpSecrets(db)).length + (await totpEnrolmentRepository.listUnsealed(db)).length;
  if (pending === 0) return { users: 0, enrolments: 0 };
  const box = await secrets.sealer();
  return db.transaction().execute(async (tx) => {
    let users = 0;
    let enrolments = 0;
    for (const row of await userRepository.listUnsealedTotpSecrets(tx)) {
      const sealed = box.seal(row.secret, { table: 'users', userId: row.id });
      if (await userRepository.replaceTotpSecret(tx, row.id, row.secret, sealed)) users += 1;
    }
    for (const row of await totpEnrolmentRepository.listUnsealed(tx)) {
      const sealed = box.seal(row.secret, { table: 'totp_enrolments', enrolmentId: row.id });
      if (await totpEnrolmentRepository.replaceSecret(tx, row.id, row.secret, sealed)) enrolments += 1;
    }
    if (users + enrolments > 0) {
      await auditRepository.append(
        tx,
        auditEntryFor(
          runtime,
          { principal: null, requestId: null },
          {
            action: 'auth.totp-secrets-sealed',
            objectType: 'user',
            objectId: null,
            actorType: 'system',
            actorName: 'node',
            details: { users, enrolments, cipher: 'AES-256-GCM', key: 'HKDF-SHA256(keys/storage.key)' },
          },
        ),
      );
    }
    return { users, enrolments };
  });
}
