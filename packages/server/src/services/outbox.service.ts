import {
  msPerHour,
  peekHeader,
  sealEnvelope,
  sha256Hex,
  type FederationMessageType,
  type JsonValue,
} from '@hanoi247/core';
import type { Tx } from '../db/database-schema.js';
import { currentEncryptionKey } from '../federation/trust.js';
import type { NodeKeyring } from '../identity/node-keyring.js';
import { outboxRepository, type OutboxRecord } from '../repositories/outbox.repository.js';
import { peerRepository } from '../repositories/peer.repository.js';
import { requestEventRepository } from '../repositories/request-event.repository.js';
import { priorityRank, type Priority } from '../repositories/request.repository.js';
import type { ServiceRuntime } from './service-runtime.js';

export interface OutgoingMessage {
  readonly to: string;
  readonly type: FederationMessageType;
  readonly payload: JsonValue;
  readonly requestId: string | null;
  readonly priority: Priority;
  readonly inReplyTo?: string | null;
}

export interface OutboxDeps extends ServiceRuntime {
  readonly ownCountry: () => string | null;
  readonly keyring: () => NodeKeyring;
  readonly messageTtlHours: number;
}

/** The `expiresAt` sealed into the stored envelope (the outbox has no column for it), or null with no envelope. */
export function expiresAtOf(message: OutboxRecord): string | null {
  if (message.envelope === null) return null;
  try {
    return peekHeader(JSON.parse(message.envelope))?.expiresAt ?? null;
  } catch {
    return null;
  }
}

/**
 * Seals a message and writes it to the outbox inside the caller's transaction, so the
 * business change and the promise to tell the partner commit together. With no pinned
 * node for the destination the message is recorded as undeliverable, visibly.
 */
export function createOutbox(deps: OutboxDeps) {
  const { clock, ids } = deps;
  return {
    async enqueue(tx: Tx, message: OutgoingMessage): Promise<string> {
      const now = clock.now();
      const messageId = ids();
      const from = deps.ownCountry();
      const recipient = currentEncryptionKey(await peerRepository.keys(tx), message.to);
      const base = {
        messageId,
        toCountry: message.to,
        type: message.type,
        requestId: message.requestId,
        priorityRank: priorityRank[message.priority],
        attempts: 0,
        nextAttemptAt: now.toISOString(),
        receipt: null,
        createdAt: now.toISOString(),
        deliveredAt: null,
      };
      if (recipient === null || from === null) {
        const reason = `no pinned partner node for ${message.to}`;
        await outboxRepository.insert(tx, {
          ...base,
          envelope: null,
          envelopeDigest: null,
          status: 'undeliverable',
          lastError: reason,
        });
        if (message.requestId !== null) {
          await requestEventRepository.append(tx, {
            id: ids(),
            requestId: message.requestId,
            kind: 'delivery',
            action: 'delivery-failed',
            fromState: null,
            toState: null,
            responseKind: null,
            actorId: null,
            actorName: 'federation',
            occurredAt: now.toISOString(),
            payload: { messageId, reason },
          });
        }
        return messageId;
      }
      const keyring = deps.keyring();
      const envelope = await sealEnvelope({
        header: {
          messageId,
          from,
          to: message.to,
          type: message.type,
          createdAt: now.toISOString(),
          expiresAt: new Date(now.getTime() + deps.messageTtlHours * msPerHour).toISOString(),
          inReplyTo: message.inReplyTo ?? null,
        },
        payload: message.payload,
        sender: { signingKey: keyring.signingKey, keyId: keyring.current.keyId },
        recipient: { encryptionKey: recipient.key, keyId: recipient.keyId },
      });
      // These exact bytes are what every retry sends and what the receipt's digest must match.
      const text = JSON.stringify(envelope);
      await outboxRepository.insert(tx, {
        ...base,
        envelope: text,
        envelopeDigest: sha256Hex(text),
        status: 'pending',
        lastError: null,
      });
      if (message.requestId !== null) {
        await requestEventRepository.append(tx, {
          id: ids(),
          requestId: message.requestId,
          kind: 'delivery',
          action: 'message-queued',
          fromState: null,
          toState: null,
          responseKind: null,
          actorId: null,
          actorName: 'federation',
          occurredAt: now.toISOString(),
          payload: { messageId, to: message.to, type: message.type },
        });
      }
      return messageId;
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
