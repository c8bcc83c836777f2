import { DomainError, currentKey, verifyDescriptor } from '@hanoi247/core';
import { auditRepository } from '../repositories/audit.repository.js';
import { peerRepository, type PeerRecord } from '../repositories/peer.repository.js';
import { auditEntryFor, type CallContext, type ServiceRuntime } from './service-runtime.js';
import { requirePermission } from './user.service.js';

export interface PeerView {
  readonly country: string;
  readonly name: string;
  readonly baseUrl: string;
  readonly status: 'active' | 'removed';
  readonly pinnedFingerprint: string;
  readonly languages: readonly string[];
  readonly keys: readonly { keyId: string; signing: string; encryption: string; retiredAt: string | null }[];
  readonly roster: readonly { role: string; name: string }[];
  readonly reservations: readonly { code: string; description: string }[];
  readonly updatedAt: string;
}

async function view(peer: PeerRecord): Promise<PeerView> {
  const descriptor = await verifyDescriptor(JSON.parse(peer.signedDescriptor));
  return {
    country: peer.country,
    name: peer.name,
    baseUrl: peer.baseUrl,
    status: peer.status,
    pinnedFingerprint: peer.pinnedFingerprint,
    languages: descriptor.languages,
    keys: descriptor.keys.map((k) => ({
      keyId: k.keyId,
      signing: k.signing.fingerprint,
      encryption: k.encryption.fingerprint,
      retiredAt: k.retiredAt,
    })),
    roster: descriptor.roster,
    reservations: descriptor.reservations,
    updatedAt: peer.updatedAt,
  };
}

/** The operator's directory of partner nodes: pinned by fingerprint, never learned from a hub. */
export function createPeerService(deps: ServiceRuntime & { readonly ownCountry: () => string | null }) {
  const { db, clock } = deps;
  return {
    async pin(context: CallContext, signedDescriptor: unknown, fingerprint: string): Promise<PeerView> {
      requirePermission(context.principal, 'federation:manage');
      const descriptor = await verifyDescriptor(signedDescriptor, fingerprint);
      if (descriptor.country === deps.ownCountry()) {
        throw new DomainError('federation/invalid-descriptor', 'this is our own descriptor, not a partner\u2019s');
      }
      const now = clock.now().toISOString();
      const record: PeerRecord = {
        country: descriptor.country,
        name: descriptor.name,
        baseUrl: descriptor.endpoints.base,
        signedDescriptor: JSON.stringify(signedDescriptor),
        pinnedFingerprint: currentKey(descriptor).signing.fingerprint,
        status: 'active',
        addedAt: now,
        updatedAt: now,
      };
      await db.transaction().execute(async (tx) => {
        await peerRepository.upsert(tx, record);
        await peerRepository.recordKeys(tx, descriptor);
        await auditRepository.append(
          tx,
          auditEntryFor(deps, context, {
            action: 'peer.pinned',
            objectType: 'peer',
            objectId: descriptor.country,
            details: { fingerprint: record.pinnedFingerprint, baseUrl: record.baseUrl },
          }),
        );
      });
      return view(record);
    },

    async list(context: CallContext): Promise<PeerView[]> {
      requirePermission(context.principal, 'node:read');
      return Promise.all((await peerRepository.list(db)).map(view));
    },

    async remove(context: CallContext, country: string): Promise<void> {
      requirePermission(context.principal, 'federation:manage');
      await db.transaction().execute(async (tx) => {
        if ((await peerRepository.find(tx, country)) === undefined) {
          throw new DomainError('federation/unknown-peer', `no partner node for ${country}`);
        }
        await peerRepository.setStatus(tx, country, 'removed', clock.now().toISOString());
        await auditRepository.append(
          tx,
          auditEntryFor(deps, context, { action: 'peer.removed', objectType: 'peer', objectId: country }),
        );
      });
    },
  };
}

export type PeerService = ReturnType<typeof createPeerService>;
