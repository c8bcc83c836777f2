import { randomBytes } from 'node:crypto';
import { signPullRequest, verifyPullRequest, verifyReceipt } from '@hanoi247/core';
import type { Transport } from '../federation/http-transport.js';
import { trustedSigningKey } from '../federation/trust.js';
import type { NodeKeyring } from '../identity/node-keyring.js';
import { outboxRepository, type OutboxRecord } from '../repositories/outbox.repository.js';
import { peerRepository } from '../repositories/peer.repository.js';
import type { Dispatcher } from './dispatcher.service.js';
import type { Inbox } from './inbox.service.js';
import { expiresAtOf } from './outbox.service.js';
import type { ServiceRuntime } from './service-runtime.js';

export interface PullDeps extends ServiceRuntime {
  readonly ownCountry: () => string | null;
  readonly keyring: () => NodeKeyring;
  readonly keyOverlapDays: number;
  readonly transport: Transport;
  readonly inbox: Inbox;
  readonly dispatcher: Dispatcher;
}

/**
 * Pull mode, both sides. As the holder we hand a partner, who proves who it is with a
 * signed pull request, the envelopes waiting for it, and take its signed receipts back.
 * As the puller we fetch, receive each envelope exactly as if it had been pushed, and
 * return the receipts.
 */
export function createPullService(deps: PullDeps) {
  const { db, clock } = deps;

  return {
    async waitingFor(pullJws: string): Promise<string[]> {
      const keys = await peerRepository.keys(db);
      const now = clock.now();
      const request = await verifyPullRequest(pullJws, deps.ownCountry() ?? '', now, (country, keyId) =>
        trustedSigningKey(keys, country, keyId, now, deps.keyOverlapDays),
      );
      const pending = await outboxRepository.pendingFor(db, request.from, 50);
      // Status alone is not enough: the expiry scan may not have run yet. We stop serving a message at
      // its own expiresAt, while the scan fails it only once a receiver would refuse it (5 minutes later):
      // a pull answered just before the cut-off has that long to bring its receipt back.
      const servable = (m: OutboxRecord) => Date.parse(expiresAtOf(m) ?? '') >= now.getTime();
      return pending.flatMap((m) => (m.envelope !== null && servable(m) ? [m.envelope] : []));
    },

    async acceptReceipts(from: string, receipts: readonly string[]): Promise<number> {
      const keys = await peerRepository.keys(db);
      let accepted = 0;
      for (const jws of receipts) {
        const receipt = await verifyReceipt(jws, (keyId) =>
          trustedSigningKey(keys, from, keyId, clock.now(), deps.keyOverlapDays),
        );
        const message = await outboxRepository.find(db, receipt.messageId);
        if (
          message === undefined ||
          message.toCountry !== receipt.from ||
          message.envelopeDigest !== receipt.envelopeDigest ||
          message.status !== 'pending'
        ) {
          continue;
        }
        // Still pending but past its expiry: the signed receipt proves the partner committed it, so it counts.
        if (await deps.dispatcher.acknowledge(message, jws)) accepted += 1;
      }
      return accepted;
    },

    /** Fetches what every partner holds for us; returns how many messages were received. */
    async pullFromPartners(): Promise<number> {
      const own = deps.ownCountry();
      if (own === null) return 0;
      const keyring = deps.keyring();
      let received = 0;
      for (const peer of (await peerRepository.list(db)).filter((p) => p.status === 'active')) {
        const pull = await signPullRequest(
          {
            v: 1,
            from: own,
            to: peer.country,
            requestedAt: clock.now().toISOString(),
            nonce: randomBytes(16).toString('base64url'),
          },
          keyring.signingKey,
          keyring.current.keyId,
        );
        let envelopes: string[];
        try {
          const response = await deps.transport(peer.baseUrl, '/federation/v1/pull', pull);
          if (response.status !== 200) continue;
          envelopes = (JSON.parse(response.body) as { envelopes: string[] }).envelopes;
        } catch {
          continue;
        }
        const receipts: string[] = [];
        for (const envelope of envelopes) {
          try {
            receipts.push(await deps.inbox.receive(envelope));
            received += 1;
          } catch {
            // Refused envelopes stay with the partner, which shows them as undelivered.
          }
        }
        if (receipts.length > 0) {
          await deps
            .transport(peer.baseUrl, '/federation/v1/receipts', JSON.stringify({ from: own, receipts }))
            .catch(() => undefined);
        }
      }
      return received;
    },
  };
}

export type PullService = ReturnType<typeof createPullService>;
