import type { Readable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import {
  DomainError,
  custodyEventHash,
  isDomainError,
  leafHash,
  parseCustodyLeaf,
  signEvidenceFetch,
  verifyInclusion,
  type Checkpoint,
  type ContentCipher,
  type OfferedEvidenceItem,
} from '@hanoi247/core';
import type { ContentStore } from '../evidence/content-store.js';
import { itemStreamKey, storedContentCipher } from '../federation/content-stream-cipher.js';
import type { OutboundHttp } from '../federation/http-transport.js';
import type { NodeKeyring } from '../identity/node-keyring.js';
import { auditRepository } from '../repositories/audit.repository.js';
import {
  evidenceTransferRepository,
  type EvidenceTransferRecord,
} from '../repositories/evidence-transfer.repository.js';
import { foreignCustodyRepository } from '../repositories/foreign-custody.repository.js';
import { peerRepository, type PeerRecord } from '../repositories/peer.repository.js';
import { fetchPartialId, fetchResumable } from './evidence-fetch-resume.js';
import type { EvidenceIngest } from './evidence-ingest.js';
import type { PartnerCheckpointService } from './partner-checkpoint.service.js';
import type { Telemetry } from '../telemetry.js';
import { auditEntryFor, isoAfter, type ServiceRuntime } from './service-runtime.js';

export interface EvidenceFetcherDeps extends ServiceRuntime {
  readonly ownCountry: () => string | null;
  readonly keyring: () => NodeKeyring;
  readonly ingest: EvidenceIngest;
  /** Where content of an interrupted fetch waits for the next attempt. */
  readonly store: Pick<ContentStore, 'partials'>;
  readonly checkpoints: PartnerCheckpointService;
  readonly maxAttempts: number;
  readonly retryBaseSeconds: number;
  readonly retryMaxSeconds: number;
  /** The one way out: the content streams through it. */
  readonly outbound: OutboundHttp;
  readonly telemetry: Telemetry;
}

/** Whole sealed chunks that one attempt added to what was kept. */
interface Progress {
  chunks: number;
}

/** A failure no retry can cure: bad proofs, a split view, a hash that does not match. */
const permanent = new Set([
  'federation/bad-signature',
  'federation/unknown-signer',
  'federation/invalid-envelope',
  'ledger/invalid-checkpoint',
  'ledger/split-view',
  'ledger/inconsistent-checkpoint',
  'evidence/custody-unproven',
  'evidence/hash-mismatch',
  'evidence/invalid-metadata',
]);

/**
 * Checks an item's custody leaves as offered: each proved in the sender's checkpoint, each the
 * exact canonical leaf of this item, chained event to event, and the last one "transmitted"
 * to us in this transfer. Returns the hash our first event must follow.
 */
export function checkOfferedCustody(
  item: OfferedEvidenceItem,
  checkpoint: Checkpoint,
  own: string,
  transferId: string,
): string {
  const fail = (why: string) => new DomainError('evidence/custody-unproven', `evidence ${item.evidenceId}: ${why}`);
  let previous: string | null = null;
  item.custody.forEach((leaf, position) => {
    const proof = leaf.proof.map((p) => Buffer.from(p, 'base64'));
    if (
      !verifyInclusion(
        leafHash(Buffer.from(leaf.leafData, 'utf8')),
        leaf.leafIndex,
        checkpoint.size,
        proof,
        checkpoint.rootHash,
      )
    ) {
      throw fail(`custody event ${position + 1} is not in the sender's signed checkpoint`);
    }
    const event = parseCustodyLeaf(leaf.leafData);
    if (event === null) throw fail(`custody event ${position + 1} is not a custody leaf`);
    if (event.evidenceId !== item.evidenceId || event.evidenceSha256 !== item.sha256) {
      throw fail(`custody event ${position + 1} is about another item or another hash`);
    }
    if (position > 0 && event.previous !== previous) {
      throw fail(`custody event ${position + 1} does not follow the one before it`);
    }
    previous = custodyEventHash(leaf.leafData);
  });
  const last = parseCustodyLeaf(item.custody.at(-1)!.leafData)!;
  if (last.type !== 'transmitted' || last.details['to'] !== own || last.details['transferId'] !== transferId) {
    throw fail('the last custody event is not its transmission to us in this transfer');
  }
  return previous!;
}

/**
 * Fetches evidence partners offered: checkpoint (signature, consistency with what the partner
 * signed before), custody proofs, then the content (resumed where an interrupted attempt left
 * off), decrypted into the evidence store and checked against the offered SHA-256. Items arrive
 * with "received" and "hash-verified" custody events that continue the sender's chain.
 */
export function createEvidenceFetcher(deps: EvidenceFetcherDeps) {
  const { db, clock } = deps;
  const { log, metrics } = deps.telemetry;

  async function download(
    peer: PeerRecord,
    transfer: EvidenceTransferRecord,
    item: OfferedEvidenceItem,
    cipher: ContentCipher,
    own: string,
    progress: Progress,
  ): Promise<Readable> {
    const keyring = deps.keyring();
    // A fresh signature (and nonce) for each request: a resumed fetch may follow a refused one.
    const request = async (fromChunk: number) => {
      const token = await signEvidenceFetch(
        {
          v: 1,
          from: own,
          to: peer.country,
          transferId: transfer.id,
          sha256: item.sha256,
          requestedAt: clock.now().toISOString(),
          nonce: randomBytes(16).toString('base64url'),
        },
        keyring.signingKey,
        keyring.current.keyId,
      );
      const url = new URL(`/federation/v1/evidence/${transfer.id}/${item.sha256}?fromChunk=${fromChunk}`, peer.baseUrl);
      return deps.outbound.stream(peer.country, 'evidence-content', url, {
        authorization: `Hanoi247-Fetch ${token}`,
      });
    };
    return fetchResumable({
      partials: deps.store.partials,
      partialId: fetchPartialId(transfer.id, item.sha256),
      stream: itemStreamKey(cipher, item.sha256),
      size: item.size,
      request,
      onBroken: (gained) => (progress.chunks += gained),
      label: `${item.evidenceId} from ${peer.country}`,
    });
  }

  /** Partial content waits only while the transfer is open. */
  async function forgetPartials(transfer: EvidenceTransferRecord): Promise<void> {
    for (const item of transfer.offer.items) await deps.store.partials.remove(fetchPartialId(transfer.id, item.sha256));
  }

  async function receive(transfer: EvidenceTransferRecord, own: string, progress: Progress): Promise<void> {
    const peer = await peerRepository.find(db, transfer.country);
    if (peer === undefined || peer.status !== 'active') {
      throw new DomainError('federation/unknown-peer', `${transfer.country} is not a pinned partner`);
    }
    if (transfer.contentKey === null) {
      throw new DomainError('bug/invariant-violated', 'an open transfer has no content key');
    }
    const cipher = storedContentCipher(transfer.contentKey);
    const checkpoint = await deps.checkpoints.accept(peer, transfer.offer.checkpoint);
    const follows = transfer.offer.items.map((item) => checkOfferedCustody(item, checkpoint, own, transfer.id));
    const context = { principal: null, requestId: transfer.messageId };
    for (const [index, item] of transfer.offer.items.entries()) {
      const last = item.custody.at(-1)!;
      const partialId = fetchPartialId(transfer.id, item.sha256);
      if (await foreignCustodyRepository.holds(db, last.leafData)) {
        // Already recorded (a crash came between the commit and the clean-up).
        await deps.store.partials.remove(partialId);
        continue;
      }
      const content = await download(peer, transfer, item, cipher, own, progress);
      await deps.ingest.ingest(
        context,
        null,
        {
          requestId: transfer.requestId,
          filename: item.filename,
          mediaType: item.mediaType,
          metadata: item.metadata,
          declaredSha256: item.sha256,
        },
        content,
        {
          via: 'transfer',
          arrival: {
            type: 'received',
            actor: { type: 'partner', id: null, role: null },
            actorName: `node ${peer.country}`,
            follows: follows[index]!,
            details: { from: peer.country, transferId: transfer.id, senderEvidenceId: item.evidenceId },
          },
          alsoInTransaction: (tx, record) =>
            foreignCustodyRepository.keep(tx, record.id, peer.country, checkpoint.size, item.custody),
        },
      );
      await deps.store.partials.remove(partialId);
    }
  }

  return {
    /** One pass over due incoming transfers; failures are retried with back-off or, if hopeless, settled as failed. */
    async fetchDue(): Promise<{ received: number; failed: number; retrying: number }> {
      const own = deps.ownCountry();
      const summary = { received: 0, failed: 0, retrying: 0 };
      if (own === null) return summary;
      for (const transfer of await evidenceTransferRepository.dueIncoming(db, clock.now().toISOString(), 10)) {
        const progress: Progress = { chunks: 0 };
        try {
          await receive(transfer, own, progress);
          await db.transaction().execute(async (tx) => {
            await evidenceTransferRepository.settle(
              tx,
              transfer.id,
              'incoming',
              'received',
              null,
              clock.now().toISOString(),
            );
            await auditRepository.append(
              tx,
              auditEntryFor(
                deps,
                { principal: null, requestId: transfer.messageId },
                {
                  action: 'evidence.received',
                  objectType: 'request',
                  objectId: transfer.requestId,
                  actorType: 'system',
                  actorName: `node ${transfer.country}`,
                  details: {
                    transferId: transfer.id,
                    from: transfer.country,
                    items: transfer.offer.items.map((i) => i.sha256),
                  },
                },
              ),
            );
          });
          summary.received += 1;
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          const logged = {
            err: error,
            code: isDomainError(error) ? error.code : 'bug/internal',
            transferId: transfer.id,
          };
          // More chunks kept than before: a poor link that keeps moving is not given up on, nor slowed down.
          const progressed = progress.chunks > 0;
          const hopeless =
            (isDomainError(error) && permanent.has(error.code)) ||
            (!progressed && transfer.attempts + 1 >= deps.maxAttempts);
          const now = clock.now().toISOString();
          if (hopeless) {
            await forgetPartials(transfer);
            await db.transaction().execute(async (tx) => {
              await evidenceTransferRepository.settle(tx, transfer.id, 'incoming', 'failed', message, now);
              await auditRepository.append(
                tx,
                auditEntryFor(
                  deps,
                  { principal: null, requestId: transfer.messageId },
                  {
                    action: 'evidence.transfer-failed',
                    objectType: 'request',
                    objectId: transfer.requestId,
                    actorType: 'system',
                    actorName: `node ${transfer.country}`,
                    outcome: 'failure',
                    details: { transferId: transfer.id, reason: message.slice(0, 300) },
                  },
                ),
              );
            });
            summary.failed += 1;
            metrics.backgroundError('evidence-fetch', 'transfer-failed');
            log.error({ ...logged, partner: transfer.country }, 'evidence offered by a partner was refused for good');
          } else {
            const delay = progressed
              ? deps.retryBaseSeconds
              : Math.min(deps.retryMaxSeconds, deps.retryBaseSeconds * 2 ** transfer.attempts);
            await evidenceTransferRepository.retryLater(
              db,
              transfer.id,
              message,
              isoAfter(clock, delay),
              now,
              !progressed,
            );
            summary.retrying += 1;
            metrics.backgroundError('evidence-fetch', progressed ? 'broke-off' : 'retrying');
            log.warn(
              { ...logged, partner: transfer.country, progressed },
              'fetching offered evidence failed; retrying',
            );
          }
        }
      }
      return summary;
    },
  };
}

export type EvidenceFetcher = ReturnType<typeof createEvidenceFetcher>;
