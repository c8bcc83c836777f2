import { randomBytes } from 'node:crypto';
import { isDomainError, signPullRequest, verifyPullRequest, verifyReceipt } from '@hanoi247/core';
import { z } from 'zod';
import type { OutboundHttp } from '../federation/http-transport.js';
import { trustedSigningKey } from '../federation/trust.js';
import type { NodeKeyring } from '../identity/node-keyring.js';
import { outboxRepository, type OutboxRecord } from '../repositories/outbox.repository.js';
import { peerRepository } from '../repositories/peer.repository.js';
import type { Dispatcher } from './dispatcher.service.js';
import type { Inbox } from './inbox.service.js';
import { expiresAtOf } from './outbox.service.js';
import type { Telemetry } from '../telemetry.js';
import type { ServiceRuntime } from './service-runtime.js';

export interface PullDeps extends ServiceRuntime {
  readonly ownCountry: () => string | null;
  readonly keyring: () => NodeKeyring;
  readonly keyOverlapDays: number;
  readonly outbound: OutboundHttp;
  readonly inbox: Inbox;
  readonly dispatcher: Dispatcher;
  readonly telemetry: Telemetry;
}

/** What a partner answers to a pull: anything else is a bad answer, logged and counted, never half-read. */
const pullAnswer = z.object({ envelopes: z.array(z.string()).max(1000) });

const codeOf = (error: unknown): string => (isDomainError(error) ? error.code : 'bug/internal');

/**
 * Pull mode, both sides. As the holder we hand a partner, who proves who it is with a
 * signed pull request, the envelopes waiting for it, and take its signed receipts back.
 * As the puller we fetch, receive each envelope exactly as if it had been pushed, and
 * return the receipts.
 */
export function createPullService(deps: PullDeps) {
  const { db, clock } = deps;
  const { log, metrics } = deps.telemetry;

  /** A partner that could not be pulled this run: the next run asks again; the operator sees it meanwhile. */
  const pullFailed = (partner: string, reason: string, details: Record<string, unknown>): undefined => {
    metrics.backgroundError('pull', reason);
    log.warn({ partner, reason, ...details }, 'pulling from a partner failed; the next run asks again');
    return undefined;
  };

  /** The envelopes the partner holds for us, or undefined when it could not be asked or answered badly. */
  async function envelopesFrom(
    peer: { country: string; baseUrl: string },
    pull: string,
  ): Promise<string[] | undefined> {
    let response;
    try {
      response = await deps.outbound.post(peer.country, 'pull', peer.baseUrl, '/federation/v1/pull', pull);
    } catch (error) {
      return pullFailed(peer.country, 'unreachable', { err: error });
    }
    if (response.status !== 200) {
      return pullFailed(peer.country, 'refused', { status: response.status, body: response.body.slice(0, 300) });
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(response.body);
    } catch {
      return pullFailed(peer.country, 'bad-answer', { why: 'not JSON' });
    }
    const answer = pullAnswer.safeParse(parsed);
    if (!answer.success) return pullFailed(peer.country, 'bad-answer', { why: answer.error.issues[0]?.message });
    return answer.data.envelopes;
  }

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
          message !== undefined &&
          message.status !== 'pending' &&
          message.envelopeDigest === receipt.envelopeDigest
        ) {
          // A receipt sent again for what is already settled: the partner's retry, nothing to do.
          continue;
        }
        if (
          message === undefined ||
          message.toCountry !== receipt.from ||
          message.envelopeDigest !== receipt.envelopeDigest
        ) {
          metrics.backgroundError('pull', 'receipt-mismatch');
          log.warn(
            { partner: from, messageId: receipt.messageId, known: message !== undefined },
            'a partner returned a receipt for no message of ours with those bytes; ignored',
          );
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
        const envelopes = await envelopesFrom(peer, pull);
        if (envelopes === undefined) continue;
        const receipts: string[] = [];
        for (const envelope of envelopes) {
          try {
            receipts.push(await deps.inbox.receive(envelope));
            received += 1;
          } catch (error) {
            // Refused (and audited by the inbox): it stays with the partner, which shows it as undelivered.
            metrics.backgroundError('pull', 'envelope-refused');
            log.warn(
              { partner: peer.country, code: codeOf(error), err: error },
              'an envelope pulled from a partner was refused',
            );
          }
        }
        if (receipts.length > 0) {
          const body = JSON.stringify({ from: own, receipts });
          try {
            const answer = await deps.outbound.post(
              peer.country,
              'receipts',
              peer.baseUrl,
              '/federation/v1/receipts',
              body,
            );
            if (answer.status !== 200) pullFailed(peer.country, 'receipts-refused', { status: answer.status });
          } catch (error) {
            // The partner serves those envelopes again; the inbox answers with the same receipts.
            pullFailed(peer.country, 'receipts-unreachable', { err: error });
          }
        }
      }
      return received;
    },
  };
}

export type PullService = ReturnType<typeof createPullService>;
