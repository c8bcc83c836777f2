import {
  contentStreamFor,
  descriptorFormats,
  DomainError,
  type EvidenceOfferedPayload,
  type JsonValue,
  type OfferedCustodyLeaf,
  type SignedDescriptor,
} from '@hanoi247/core';
import type { Tx } from '../db/database-schema.js';
import { newContentCipher } from '../federation/content-stream-cipher.js';
import { recordCustodyEvent, type OwnSystem } from '../evidence/custody-recorder.js';
import type { LedgerService } from '../ledger/ledger.service.js';
import type { LedgerSequencer } from '../ledger/sequencer.js';
import { sequenceUntilLogged } from '../ledger/sequence-until-logged.js';
import { auditRepository } from '../repositories/audit.repository.js';
import { custodyEventRepository } from '../repositories/custody-event.repository.js';
import { evidenceRepository, type EvidenceRecord } from '../repositories/evidence.repository.js';
import { evidenceTransferRepository } from '../repositories/evidence-transfer.repository.js';
import { peerRepository } from '../repositories/peer.repository.js';
import { requestRepository, type RequestRecord } from '../repositories/request.repository.js';
import { requireEvidencePermission, visibleItem, visibleRequest } from './evidence-view.js';
import type { OnwardTransferService } from './onward-transfer.service.js';
import type { Outbox } from './outbox.service.js';
import { auditEntryFor, type CallContext, type ServiceRuntime } from './service-runtime.js';

export interface EvidenceOfferDeps extends ServiceRuntime {
  readonly system: () => OwnSystem;
  readonly outbox: Outbox;
  readonly sequencer: LedgerSequencer;
  readonly ledger: LedgerService;
  readonly onwardTransfer: OnwardTransferService;
  /** Wakes the dispatcher once the offer is committed. */
  readonly wake: () => void;
}

/** Where the offer stands once queued for the partner. */
export interface OfferSent {
  readonly transferId: string;
  readonly messageId: string;
}

/**
 * For a caller that may run the same offer again (a durable job after a crash): the transfer's id
 * is fixed in advance, so a second run finds the first one's transfer and queues nothing, reuses
 * custody events the first one recorded, and commits its own record of success with the offer.
 */
export interface OfferOptions {
  readonly transferId?: string;
  readonly alsoInTransaction?: (tx: Tx, sent: OfferSent) => Promise<void>;
}

/** States in which the request has not reached the partner yet. */
const unshared = new Set(['DRAFT', 'SUBMITTED', 'APPROVED']);

const partnerOf = (request: RequestRecord): string =>
  request.direction === 'outgoing' ? request.requestedState : request.requestingState;

/**
 * Sends evidence to the partner State of a request: records "packaged" and "transmitted" for
 * each item, waits until the sequencer has put those leaves under a signed checkpoint, then
 * queues an "evidence.offered" envelope with every custody leaf and its inclusion proof. The
 * partner fetches the content itself (docs/protocols/federation.md §9.4–9.5).
 */
export function createEvidenceOfferService(deps: EvidenceOfferDeps) {
  const { db, clock, ids } = deps;

  async function proveCustody(item: EvidenceRecord, treeSize: number): Promise<OfferedCustodyLeaf[]> {
    const events = await custodyEventRepository.forEvidence(db, item.id);
    const leaves: OfferedCustodyLeaf[] = [];
    for (const stored of events) {
      const proof = await deps.ledger.inclusionProofByRef('custody', stored.event.id, treeSize);
      leaves.push({ leafData: proof.leafData, leafIndex: proof.index, proof: [...proof.proof] });
    }
    return leaves;
  }

  /** The item's events of this transfer, if an earlier run recorded them and nothing followed since. */
  async function recordedEarlier(item: EvidenceRecord, transferId: string): Promise<string[] | null> {
    const events = await custodyEventRepository.forEvidence(db, item.id);
    const last = events.at(-1)?.event;
    if (last?.type !== 'transmitted' || last.details['transferId'] !== transferId) return null;
    return events.filter((e) => e.event.details['transferId'] === transferId).map((e) => e.event.id);
  }

  return {
    async offer(
      context: CallContext,
      requestId: string,
      evidenceIds: readonly string[],
      options: OfferOptions = {},
    ): Promise<OfferSent> {
      const principal = requireEvidencePermission(context.principal, 'evidence:export');
      if (options.transferId !== undefined) {
        const sent = await evidenceTransferRepository.find(db, options.transferId, 'outgoing');
        if (sent !== undefined && sent.messageId !== null) return { transferId: sent.id, messageId: sent.messageId };
      }
      if (evidenceIds.length === 0 || evidenceIds.length > 100) {
        throw new DomainError('request/validation-failed', 'offer between 1 and 100 evidence items');
      }
      const request = visibleRequest(principal, await requestRepository.findById(db, requestId));
      if (unshared.has(request.state)) {
        throw new DomainError(
          'request/illegal-transition',
          `request ${request.reference} has not been shared with ${partnerOf(request)} yet`,
        );
      }
      const partner = partnerOf(request);
      const items: EvidenceRecord[] = [];
      for (const id of new Set(evidenceIds)) {
        const item = visibleItem(principal, await evidenceRepository.findById(db, id), request);
        if (item.requestId !== request.id) {
          throw new DomainError('evidence/not-found', 'no such evidence item on this request');
        }
        if (item.erasedAt !== null) {
          throw new DomainError('bundle/item-erased', `evidence ${item.id} was erased at its retention date`);
        }
        items.push(item);
      }
      await deps.onwardTransfer.check(context, items, partner, 'federation');
      // The newest content-stream version the partner announced in the descriptor it was pinned with.
      const peer = await peerRepository.find(db, partner);
      const streamVersion = contentStreamFor(
        peer === undefined ? null : descriptorFormats(JSON.parse(peer.signedDescriptor) as SignedDescriptor),
      );

      const transferId = options.transferId ?? ids();
      const system = deps.system();
      const recorded: string[] = [];
      const toRecord: EvidenceRecord[] = [];
      for (const item of items) {
        const earlier = options.transferId === undefined ? null : await recordedEarlier(item, transferId);
        if (earlier === null) toRecord.push(item);
        else recorded.push(...earlier);
      }
      await db.transaction().execute(async (tx) => {
        for (const item of toRecord) {
          const step = { evidenceId: item.id, evidenceSha256: item.sha256, requestId: request.id };
          recorded.push(
            (
              await recordCustodyEvent(tx, deps, system, context, {
                ...step,
                type: 'packaged',
                details: { transferId, items: items.length },
              })
            ).event.id,
          );
          recorded.push(
            (
              await recordCustodyEvent(tx, deps, system, context, {
                ...step,
                type: 'transmitted',
                details: { transferId, to: partner, channel: 'hanoi247 federation' },
              })
            ).event.id,
          );
        }
      });
      await sequenceUntilLogged(deps.ledger, deps.sequencer, recorded);

      const checkpoint = await deps.ledger.latestCheckpoint();
      const content = newContentCipher(streamVersion);
      const offer: EvidenceOfferedPayload = {
        reference: request.reference,
        transferId,
        checkpoint: checkpoint.note,
        items: await Promise.all(
          items.map(async (item) => ({
            evidenceId: item.id,
            sha256: item.sha256,
            size: item.size,
            filename: item.filename,
            mediaType: item.mediaType,
            metadata: item.metadata,
            custody: await proveCustody(item, checkpoint.treeSize),
          })),
        ),
        content,
        offeredAt: clock.now().toISOString(),
        actorName: principal.username,
      };
      const messageId = await db.transaction().execute(async (tx: Tx) => {
        const id = await deps.outbox.enqueue(tx, {
          to: partner,
          type: 'evidence.offered',
          payload: offer as unknown as JsonValue,
          requestId: request.id,
          priority: request.priority,
        });
        const now = clock.now().toISOString();
        await evidenceTransferRepository.insert(tx, {
          id: transferId,
          direction: 'outgoing',
          country: partner,
          requestId: request.id,
          messageId: id,
          offer: { ...offer, content: { ...content, key: '' } },
          contentKey: JSON.stringify(content),
          status: 'offered',
          attempts: 0,
          nextAttemptAt: now,
          lastError: null,
          createdAt: now,
          updatedAt: now,
        });
        await auditRepository.append(
          tx,
          auditEntryFor(deps, context, {
            action: 'evidence.offered',
            objectType: 'request',
            objectId: request.id,
            details: {
              transferId,
              to: partner,
              messageId: id,
              items: items.map((i) => i.id),
              checkpointSize: checkpoint.treeSize,
            },
          }),
        );
        await options.alsoInTransaction?.(tx, { transferId, messageId: id });
        return id;
      });
      deps.wake();
      return { transferId, messageId };
    },
  };
}

export type EvidenceOfferService = ReturnType<typeof createEvidenceOfferService>;
