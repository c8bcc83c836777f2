import type { Clock } from '@hanoi247/core';
import { loadOrCreateKeyring, rotateKeyring, type NodeKeyring } from '../identity/node-keyring.js';
import { auditRepository } from '../repositories/audit.repository.js';
import { auditEntryFor, type CallContext, type ServiceRuntime } from './service-runtime.js';

/** Key files live outside the database; the audit entry records that they changed. */
export function createNodeIdentityService(deps: ServiceRuntime & { readonly dataDir: string; readonly clock: Clock }) {
  return {
    async ensureKeys(context: CallContext): Promise<NodeKeyring> {
      const { keyring, created } = loadOrCreateKeyring(deps.dataDir, deps.clock);
      if (created) {
        await auditRepository.append(
          deps.db,
          auditEntryFor(deps, context, {
            action: 'node.keys-generated',
            objectType: 'node-key',
            objectId: keyring.current.keyId,
            actorName: context.principal?.username ?? 'node',
            details: {
              signing: keyring.current.signing.fingerprint,
              encryption: keyring.current.encryption.fingerprint,
            },
          }),
        );
      }
      return keyring;
    },

    async rotate(context: CallContext): Promise<NodeKeyring> {
      const { keyring, retired } = rotateKeyring(deps.dataDir, deps.clock);
      await auditRepository.append(
        deps.db,
        auditEntryFor(deps, context, {
          action: 'node.keys-rotated',
          objectType: 'node-key',
          objectId: keyring.current.keyId,
          details: {
            retiredKeyId: retired.keyId,
            signing: keyring.current.signing.fingerprint,
            encryption: keyring.current.encryption.fingerprint,
          },
        }),
      );
      return keyring;
    },
  };
}
