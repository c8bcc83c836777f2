import { DomainError, type EnvelopeHeader, type EvidenceOfferedPayload } from '@hanoi247/core';
import type { Tx } from '../db/database-schema.js';
import { evidenceTransferRepository } from '../repositories/evidence-transfer.repository.js';
import { requestRepository } from '../repositories/request.repository.js';

/**
 * The inbox's effect for "evidence.offered": remember the offer (with its content key) for the
 * fetcher, inside the inbox transaction. Nothing is fetched here; the receipt only says the
 * offer arrived. The request must be one we share with the sender.
 */
export async function recordEvidenceOffer(
  tx: Tx,
  header: EnvelopeHeader,
  offer: EvidenceOfferedPayload,
  now: string,
): Promise<string> {
  const request = await requestRepository.findByReference(tx, offer.reference);
  const partner =
    request === undefined ? null : request.direction === 'outgoing' ? request.requestedState : request.requestingState;
  if (request === undefined || partner !== header.from) {
    throw new DomainError(
      'federation/unexpected-message',
      `no request ${offer.reference} shared with ${header.from} (yet)`,
    );
  }
  const existing = await evidenceTransferRepository.find(tx, offer.transferId, 'incoming');
  if (existing !== undefined) {
    throw new DomainError('federation/unexpected-message', `transfer ${offer.transferId} was already offered`);
  }
  await evidenceTransferRepository.insert(tx, {
    id: offer.transferId,
    direction: 'incoming',
    country: header.from,
    requestId: request.id,
    messageId: header.messageId,
    offer: { ...offer, content: { ...offer.content, key: '' } },
    contentKey: JSON.stringify(offer.content),
    status: 'offered',
    attempts: 0,
    nextAttemptAt: now,
    lastError: null,
    createdAt: now,
    updatedAt: now,
  });
  return request.id;
}
