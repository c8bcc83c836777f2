import {
  DomainError,
  isDomainError,
  messagePayloadSchemas,
  openEnvelope,
  peekHeader,
  refusedAsExpired,
  sha256Hex,
  signReceipt,
  type EnvelopeHeader,
} from '@hanoi247/core';
import type { Tx } from '../db/database-schema.js';
import { recordEvidenceOffer } from '../evidence/evidence-offer-recorder.js';
import { trustedSigningKey } from '../federation/trust.js';
import { decryptionKeyFor, type NodeKeyring } from '../identity/node-keyring.js';
import { auditRepository } from '../repositories/audit.repository.js';
import { inboxRepository } from '../repositories/inbox.repository.js';
import { peerRepository } from '../repositories/peer.repository.js';
import { requestRepository } from '../repositories/request.repository.js';
import type { Telemetry } from '../telemetry.js';
import { showNotApplied } from './message-not-applied.js';
import type { RequestTransitionService } from './request-transition.service.js';
import type { RequestService } from './request.service.js';
import { auditEntryFor, type ServiceRuntime } from './service-runtime.js';

export interface InboxDeps extends ServiceRuntime {
  readonly ownCountry: () => string | null;
  readonly keyring: () => NodeKeyring;
  readonly dataDir: string;
  readonly keyOverlapDays: number;
  readonly requests: RequestService;
  readonly transitions: RequestTransitionService;
  /** Wakes the evidence fetcher once an offer is committed. */
  readonly onEvidenceOffered?: () => void;
  readonly telemetry: Telemetry;
}

/** The requester's copy says SENT where the requested copy says RECEIVED: the same moment. */
const sameState = (ours: string, theirs: string): boolean =>
  ours === theirs ||
  (new Set([ours, theirs]).size === 2 && [ours, theirs].every((s) => s === 'SENT' || s === 'RECEIVED'));

const peerActor = { kind: 'peer' as const, userId: null, permissions: new Set<never>() };

/**
 * Receives envelopes: verify and decrypt, commit to the inbox together with the business
 * effect, and only then sign the receipt. A duplicate message id gets the original receipt.
 * A message that arrives before the one it follows is kept, receipted and applied later.
 */
export function createInbox(deps: InboxDeps) {
  const { db, clock } = deps;
  const { log, metrics } = deps.telemetry;

  async function effect(tx: Tx, header: EnvelopeHeader, payload: unknown): Promise<string | null> {
    if (header.type === 'request.sent') {
      const sent = messagePayloadSchemas['request.sent'].parse(payload);
      if (sent.requestingState !== header.from || sent.requestedState !== header.to) {
        throw new DomainError('federation/unexpected-message', 'the request names other States than the envelope');
      }
      return (await deps.requests.recordFromPeer(tx, sent, header.messageId)).id;
    }
    if (header.type === 'evidence.offered') {
      return recordEvidenceOffer(
        tx,
        header,
        messagePayloadSchemas['evidence.offered'].parse(payload),
        clock.now().toISOString(),
      );
    }
    const move = messagePayloadSchemas['request.transition'].parse(payload);
    const request = await requestRepository.findByReference(tx, move.reference);
    const partner =
      request === undefined
        ? null
        : request.direction === 'outgoing'
          ? request.requestedState
          : request.requestingState;
    if (request === undefined || partner !== header.from) {
      throw new DomainError(
        'federation/unexpected-message',
        `no request ${move.reference} shared with ${header.from} (yet)`,
      );
    }
    if (!sameState(request.state, move.fromState)) {
      throw new DomainError(
        'federation/unexpected-message',
        `request ${move.reference} is ${request.state}, the message follows ${move.fromState}`,
      );
    }
    const context = { principal: null, requestId: header.messageId };
    await deps.transitions.apply(tx, context, request, move.action, move.payload, peerActor, { mirrored: true });
    return request.id;
  }

  async function audit(
    tx: Tx,
    header: EnvelopeHeader,
    action: 'federation.received' | 'federation.rejected',
    details: Record<string, string>,
  ): Promise<void> {
    await auditRepository.append(
      tx,
      auditEntryFor(
        deps,
        { principal: null, requestId: header.messageId },
        {
          action,
          objectType: 'message',
          objectId: header.messageId,
          actorType: 'system',
          actorName: `node ${header.from}`,
          outcome: action === 'federation.received' ? 'success' : 'denied',
          details: { type: header.type, ...details },
        },
      ),
    );
  }

  /** A deferred message that can never apply: rejected, audited, and shown where the officer works. */
  async function giveUp(header: EnvelopeHeader, payload: unknown, code: string): Promise<void> {
    await db.transaction().execute(async (tx) => {
      const requestId = await showNotApplied(tx, deps, header, payload, code);
      await inboxRepository.settle(tx, header.messageId, 'rejected', code, requestId, clock.now().toISOString());
      await audit(tx, header, 'federation.rejected', { reason: code, deferredUntilExpiry: 'true' });
    });
    metrics.backgroundError('inbox', 'deferred-expired');
    log.warn(
      { messageId: header.messageId, from: header.from, type: header.type, code },
      'a deferred message expired before it could apply; shown on the request timeline',
    );
    deps.commits?.committed('requests');
  }

  return {
    async receive(raw: string): Promise<string> {
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        throw new DomainError('federation/invalid-envelope', 'the body is not JSON');
      }
      const peeked = peekHeader(parsed);
      if (peeked === null) throw new DomainError('federation/invalid-envelope', 'not an envelope');
      const digest = sha256Hex(raw);
      const previous = await inboxRepository.find(db, peeked.messageId);
      if (previous !== undefined) {
        if (previous.envelopeDigest === digest) return previous.receipt;
        await db
          .transaction()
          .execute((tx) => audit(tx, peeked, 'federation.rejected', { reason: 'federation/unexpected-message' }));
        throw new DomainError('federation/unexpected-message', 'a different message already used this message id');
      }
      const now = clock.now();
      const keyring = deps.keyring();
      const own = deps.ownCountry() ?? '';
      const keys = await peerRepository.keys(db);
      let opened;
      try {
        opened = await openEnvelope(parsed, {
          recipientCountry: own,
          now,
          senderKey: (country, keyId) => trustedSigningKey(keys, country, keyId, now, deps.keyOverlapDays),
          decryptionKey: (keyId) => decryptionKeyFor(deps.dataDir, keyring, keyId, now, deps.keyOverlapDays),
        });
        messagePayloadSchemas[opened.header.type].parse(opened.payload);
      } catch (error) {
        await db
          .transaction()
          .execute((tx) =>
            audit(tx, peeked, 'federation.rejected', { reason: isDomainError(error) ? error.code : 'invalid-payload' }),
          );
        if (isDomainError(error)) throw error;
        throw new DomainError('federation/invalid-envelope', 'the payload does not match its message type');
      }
      const { header, payload } = opened;
      const receipt = await signReceipt(
        {
          v: 1,
          messageId: header.messageId,
          from: own,
          to: header.from,
          receivedAt: now.toISOString(),
          envelopeDigest: digest,
        },
        keyring.signingKey,
        keyring.current.keyId,
      );
      const base = {
        messageId: header.messageId,
        fromCountry: header.from,
        type: header.type,
        envelope: raw,
        envelopeDigest: digest,
        payload,
        receipt,
        receivedAt: now.toISOString(),
      };
      try {
        await db.transaction().execute(async (tx) => {
          const requestId = await effect(tx, header, payload);
          await inboxRepository.insert(tx, {
            ...base,
            status: 'processed',
            error: null,
            requestId,
            processedAt: now.toISOString(),
          });
          const reference = (payload as { reference?: unknown }).reference;
          await audit(tx, header, 'federation.received', { reference: typeof reference === 'string' ? reference : '' });
        });
        // Only now is the offer visible to the fetcher: waking it inside the transaction could find nothing.
        if (header.type === 'evidence.offered') deps.onEvidenceOffered?.();
        deps.commits?.committed('requests');
      } catch (error) {
        if (!isDomainError(error)) throw error;
        // A new request that cannot be recorded never will be: refuse it, so the sender shows a delivery failure.
        if (header.type === 'request.sent') {
          await db
            .transaction()
            .execute((tx) =>
              audit(tx, header, 'federation.rejected', { reason: error.code, detail: error.message.slice(0, 300) }),
            );
          throw error;
        }
        // Out of order or not applicable yet: keep it, receipt it, try again later.
        try {
          await db.transaction().execute(async (tx) => {
            await inboxRepository.insert(tx, {
              ...base,
              status: 'deferred',
              error: error.message,
              requestId: null,
              processedAt: null,
            });
            await audit(tx, header, 'federation.received', { deferred: error.message });
          });
        } catch (keeping) {
          const raced = await inboxRepository.find(db, header.messageId);
          if (raced !== undefined) return raced.receipt;
          // The sender retries; the reason it could not be kept is the operator's to see, not the partner's.
          log.error(
            { err: keeping, messageId: header.messageId, from: header.from },
            'a message could not be kept for later',
          );
          throw error;
        }
      }
      return receipt;
    },

    /**
     * Re-applies messages that arrived before the ones they follow. One still not applicable once
     * it has expired never will be (its predecessor expired too): it is settled as rejected and
     * shown on the request's timeline, so the officer knows the partner's copy moved without ours.
     */
    async retryDeferred(): Promise<number> {
      let applied = 0;
      for (const message of await inboxRepository.deferred(db, 50)) {
        const header = peekHeader(JSON.parse(message.envelope));
        if (header === null) {
          // Stored only after it opened: a row changed behind our back.
          metrics.backgroundError('inbox', 'stored-envelope-unreadable');
          log.error({ messageId: message.messageId }, 'a deferred message no longer reads as an envelope');
          continue;
        }
        try {
          await db.transaction().execute(async (tx) => {
            const requestId = await effect(tx, header, message.payload);
            await inboxRepository.settle(
              tx,
              message.messageId,
              'processed',
              null,
              requestId,
              clock.now().toISOString(),
            );
          });
          applied += 1;
          deps.commits?.committed('requests');
        } catch (error) {
          if (!isDomainError(error)) {
            metrics.backgroundError('inbox', 'retry-failed');
            log.error({ err: error, messageId: header.messageId }, 'a deferred message could not be retried');
          } else if (refusedAsExpired(header.expiresAt, clock.now())) {
            await giveUp(header, message.payload, error.code);
          } else {
            log.debug({ messageId: header.messageId, code: error.code }, 'a deferred message still waits');
          }
        }
      }
      return applied;
    },
  };
}

export type Inbox = ReturnType<typeof createInbox>;
