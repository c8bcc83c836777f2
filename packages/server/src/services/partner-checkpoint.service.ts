import {
  DomainError,
  descriptorLedgerOrigin,
  judgeCheckpoint,
  openCheckpoint,
  type Checkpoint,
  type SignedDescriptor,
} from '@hanoi247/core';
import { auditRepository } from '../repositories/audit.repository.js';
import { partnerCheckpointRepository, type LedgerAlert } from '../repositories/partner-checkpoint.repository.js';
import type { PeerRecord } from '../repositories/peer.repository.js';
import { auditEntryFor, type ServiceRuntime } from './service-runtime.js';

/** Asks the partner for a consistency proof between two sizes of its log (GET /ledger/v1/proof/consistency). */
export type ConsistencyFetcher = (peer: PeerRecord, from: number, to: number) => Promise<Uint8Array[]>;

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/**
 * Keeps each partner's newest checkpoint and refuses to be shown a different history: a newer
 * checkpoint is accepted only with a consistency proof from the one held; two roots for one
 * size (a split view) or a history that does not extend the held one raise an alert, and both
 * signed notes are kept as evidence of what the partner signed.
 */
export function createPartnerCheckpointService(
  deps: ServiceRuntime & { readonly fetchConsistency: ConsistencyFetcher },
) {
  const { db, clock, ids } = deps;

  async function alarm(
    peer: PeerRecord,
    kind: LedgerAlert['kind'],
    checkpoint: Checkpoint,
    note: string,
    knownNote: string,
  ): Promise<never> {
    const now = clock.now().toISOString();
    await db.transaction().execute(async (tx) => {
      await partnerCheckpointRepository.keep(tx, {
        country: peer.country,
        treeSize: checkpoint.size,
        rootHash: hex(checkpoint.rootHash),
        note,
        receivedAt: now,
        consistencyVerified: false,
      });
      await partnerCheckpointRepository.raise(tx, {
        id: ids(),
        country: peer.country,
        kind,
        treeSize: checkpoint.size,
        firstNote: knownNote,
        secondNote: note,
        raisedAt: now,
      });
      await auditRepository.append(
        tx,
        auditEntryFor(
          deps,
          { principal: null, requestId: null },
          {
            action: 'ledger.split-view',
            objectType: 'peer',
            objectId: peer.country,
            actorType: 'system',
            outcome: 'failure',
            details: { kind, treeSize: checkpoint.size },
          },
        ),
      );
    });
    throw kind === 'split-view'
      ? new DomainError(
          'ledger/split-view',
          `${peer.country} signed two different checkpoints for size ${checkpoint.size}; ` +
            `both are kept and an alert is raised`,
        )
      : new DomainError(
          'ledger/inconsistent-checkpoint',
          `${peer.country}'s checkpoint of size ${checkpoint.size} does not extend ` +
            `the history it signed before; an alert is raised`,
        );
  }

  return {
    /**
     * Verifies the note against the partner's pinned keys and its history; returns the checkpoint if it may be relied
     * on.
     */
    async accept(peer: PeerRecord, note: string): Promise<Checkpoint> {
      const { descriptor } = JSON.parse(peer.signedDescriptor) as SignedDescriptor;
      const checkpoint = openCheckpoint(
        note,
        descriptorLedgerOrigin(descriptor),
        descriptor.keys.map((k) => k.signing.publicKey),
      );
      const newest = await partnerCheckpointRepository.newest(db, peer.country);
      const known =
        newest === undefined
          ? null
          : { size: newest.treeSize, rootHash: Buffer.from(newest.rootHash, 'hex'), note: newest.note };
      let judged = judgeCheckpoint(known, checkpoint, null);
      if (judged.kind === 'needs-proof') {
        judged = judgeCheckpoint(known, checkpoint, await deps.fetchConsistency(peer, judged.from, judged.to));
      }
      switch (judged.kind) {
        case 'split-view':
        case 'inconsistent':
          return alarm(peer, judged.kind, checkpoint, note, judged.known.note);
        case 'needs-proof':
          throw new DomainError('bug/invariant-violated', 'a consistency proof was supplied and still needed');
        case 'same':
          return checkpoint;
        case 'first':
        case 'consistent':
          await partnerCheckpointRepository.keep(db, {
            country: peer.country,
            treeSize: checkpoint.size,
            rootHash: hex(checkpoint.rootHash),
            note,
            receivedAt: clock.now().toISOString(),
            consistencyVerified: judged.kind === 'consistent',
          });
          return checkpoint;
      }
    },

    alerts: (limit = 100) => partnerCheckpointRepository.alerts(db, limit),
  };
}

export type PartnerCheckpointService = ReturnType<typeof createPartnerCheckpointService>;
