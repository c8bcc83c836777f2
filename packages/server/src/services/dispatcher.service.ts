import { refusedAsExpired, verifyReceipt } from '@hanoi247/core';
import type { OutboundHttp } from '../federation/http-transport.js';
import { trustedSigningKey } from '../federation/trust.js';
import { auditRepository } from '../repositories/audit.repository.js';
import { outboxRepository, type OutboxRecord } from '../repositories/outbox.repository.js';
import { peerRepository, type PeerKeyRecord, type PeerRecord } from '../repositories/peer.repository.js';
import { requestEventRepository } from '../repositories/request-event.repository.js';
import { expiresAtOf } from './outbox.service.js';
import { auditEntryFor, type ServiceRuntime } from './service-runtime.js';

export interface DispatcherDeps extends ServiceRuntime {
  readonly outbound: OutboundHttp;
  readonly maxAttempts: number;
  readonly retryBaseSeconds: number;
  readonly retryMaxSeconds: number;
  readonly keyOverlapDays: number;
  /** How long a claim on a message holds (`federation.sendLeaseSeconds`). */
  readonly leaseSeconds: number;
  /** Told each delivery's latency from queueing to verified receipt, for the metrics. */
  readonly onDelivered?: (seconds: number) => void;
  /** Jitter source in [0, 1); injected so tests are deterministic. */
  readonly random?: () => number;
}

export interface DispatchSummary {
  readonly delivered: number;
  readonly retried: number;
  readonly failed: number;
}

/** `expired`: a held message nobody can accept any more; a failure, but no attempt was spent on it. */
type Outcome =
  { kind: 'delivered'; receipt: string } | { kind: 'retry' | 'fail' | 'expired'; error: string } | { kind: 'wait' };

/** A partner that accepts no inbound connection pulls its messages; we only keep them ready. */
function pullsItsMessages(signedDescriptor: string): boolean {
  const endpoints = (JSON.parse(signedDescriptor) as { descriptor?: { endpoints?: { acceptsInbound?: unknown } } })
    .descriptor?.endpoints;
  return endpoints?.acceptsInbound === false;
}

/**
 * Delivers due outbox messages: the stored bytes, identical on every attempt; a signed
 * receipt whose digest matches proves delivery. Transient failures back off exponentially
 * with jitter; a refusal or a spent budget becomes a visible delivery failure.
 */
export function createDispatcher(deps: DispatcherDeps) {
  const { db, clock, ids } = deps;
  const random = deps.random ?? Math.random;

  /** The partner's row and the trusted keys, read once per partner per run rather than per message. */
  interface Partner {
    readonly peer: PeerRecord | undefined;
    readonly keys: readonly PeerKeyRecord[];
  }

  async function partnerOf(country: string): Promise<Partner> {
    return { peer: await peerRepository.find(db, country), keys: await peerRepository.keys(db) };
  }

  async function attempt(message: OutboxRecord, { peer, keys }: Partner): Promise<Outcome> {
    if (peer === undefined || peer.status !== 'active' || message.envelope === null) {
      return { kind: 'fail', error: `no active partner node for ${message.toCountry}` };
    }
    if (pullsItsMessages(peer.signedDescriptor)) {
      // No refusal will ever come back for a message nobody pulls: we apply the receiver's expiry rule ourselves.
      const expiresAt = expiresAtOf(message);
      if (expiresAt !== null && refusedAsExpired(expiresAt, clock.now())) {
        return { kind: 'expired', error: `expired before ${message.toCountry} pulled it` };
      }
      return { kind: 'wait' };
    }
    let response;
    try {
      response = await deps.outbound.post(
        message.toCountry,
        'inbox',
        peer.baseUrl,
        '/federation/v1/inbox',
        message.envelope,
      );
    } catch (error) {
      return { kind: 'retry', error: `unreachable: ${error instanceof Error ? error.message : String(error)}` };
    }
    if (response.status >= 500 || response.status === 429 || response.status === 408) {
      return { kind: 'retry', error: `HTTP ${response.status}` };
    }
    if (response.status !== 200) {
      return {
        kind: 'fail',
        error: `refused by ${message.toCountry}: HTTP ${response.status} ${response.body.slice(0, 300)}`,
      };
    }
    try {
      const jws = (JSON.parse(response.body) as { receipt?: unknown }).receipt;
      if (typeof jws !== 'string') throw new Error('no receipt');
      const receipt = await verifyReceipt(jws, (keyId) =>
        trustedSigningKey(keys, message.toCountry, keyId, clock.now(), deps.keyOverlapDays),
      );
      if (
        receipt.messageId !== message.messageId ||
        receipt.envelopeDigest !== message.envelopeDigest ||
        receipt.from !== message.toCountry
      ) {
        throw new Error('receipt for other bytes');
      }
      return { kind: 'delivered', receipt: jws };
    } catch (error) {
      return { kind: 'retry', error: `bad receipt: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  /**
   * Records the outcome in one transaction; false when the message was no longer pending (a receipt and the expiry scan
   * raced).
   */
  async function record(message: OutboxRecord, outcome: Outcome, token: string | null): Promise<boolean> {
    const at = clock.now().toISOString();
    if (outcome.kind === 'wait') {
      // Not an attempt: look again later without spending the retry budget.
      return outboxRepository.markRetry(db, message.messageId, token ?? '', {
        attempts: message.attempts,
        nextAttemptAt: new Date(clock.now().getTime() + 30_000).toISOString(),
        error: 'waiting for the partner to pull',
        failed: false,
      });
    }
    const attempts = message.attempts + (outcome.kind === 'expired' ? 0 : 1);
    const failed =
      outcome.kind === 'fail' ||
      outcome.kind === 'expired' ||
      (outcome.kind === 'retry' && attempts >= deps.maxAttempts);
    const recorded = await db.transaction().execute(async (tx) => {
      if (outcome.kind === 'delivered') {
        if (!(await outboxRepository.markDelivered(tx, message.messageId, outcome.receipt, at))) return false;
      } else {
        const delay =
          Math.min(deps.retryMaxSeconds, deps.retryBaseSeconds * 2 ** (attempts - 1)) * (0.5 + random() / 2);
        const retry = {
          attempts,
          nextAttemptAt: new Date(clock.now().getTime() + delay * 1000).toISOString(),
          error: outcome.error,
          failed,
        };
        if (!(await outboxRepository.markRetry(tx, message.messageId, token ?? '', retry))) return false;
      }
      if (outcome.kind === 'retry' && !failed) return true;
      const delivered = outcome.kind === 'delivered';
      // A message about no request still gets its audit entry below.
      if (message.requestId !== null) {
        await requestEventRepository.append(tx, {
          id: ids(),
          requestId: message.requestId,
          kind: 'delivery',
          action: delivered ? 'message-delivered' : 'delivery-failed',
          fromState: null,
          toState: null,
          responseKind: null,
          actorId: null,
          actorName: 'federation',
          occurredAt: at,
          payload: delivered
            ? { messageId: message.messageId, to: message.toCountry, receiptDigest: message.envelopeDigest, attempts }
            : { messageId: message.messageId, to: message.toCountry, reason: outcome.error, attempts },
        });
      }
      if (!delivered) {
        await auditRepository.append(
          tx,
          auditEntryFor(
            deps,
            { principal: null, requestId: null },
            {
              action: 'federation.delivery-failed',
              objectType: 'message',
              objectId: message.messageId,
              actorType: 'system',
              actorName: 'federation',
              outcome: 'failure',
              details: { to: message.toCountry, reason: outcome.error },
            },
          ),
        );
      }
      return true;
    });
    if (!recorded) return false;
    if (outcome.kind === 'delivered') deps.onDelivered?.((Date.parse(at) - Date.parse(message.createdAt)) / 1000);
    // The request's timeline now says delivered (or failed): open desks hear of it at once.
    if (message.requestId !== null && (outcome.kind !== 'retry' || failed)) deps.commits?.committed('requests');
    return true;
  }

  /**
   * Claims the message for this run before anything is sent or recorded: of two dispatch runs at once (in this process
   * or another on the same database) only one sends it; the other skips it. Null when another run has it.
   */
  async function claim(message: OutboxRecord): Promise<string | null> {
    const token = ids();
    const now = clock.now();
    const until = new Date(now.getTime() + deps.leaseSeconds * 1000).toISOString();
    return (await outboxRepository.claim(db, message, token, now.toISOString(), until)) ? token : null;
  }

  /** The head of a partner's queue and its due messages (a long queue gets through in several runs), in queue order. */
  async function queueOf(country: string, now: string, batch: number): Promise<OutboxRecord[]> {
    const head = await outboxRepository.pendingFor(db, country, batch);
    const seen = new Set(head.map((m) => m.messageId));
    const rest = (await outboxRepository.dueFor(db, country, now, batch)).filter((m) => !seen.has(m.messageId));
    const order = (m: OutboxRecord) => [m.priorityRank, m.createdAt, m.messageId] as const;
    return [...head, ...rest].sort((a, b) => {
      const [x, y] = [order(a), order(b)];
      return x[0] - y[0] || x[1].localeCompare(y[1]) || x[2].localeCompare(y[2]);
    });
  }

  return {
    /**
     * A receipt that came back by pull: the same proof of delivery as one returned to a push.
     * False when the message is no longer pending (expired and shown as failed meanwhile).
     */
    async acknowledge(message: OutboxRecord, receipt: string): Promise<boolean> {
      return record(message, { kind: 'delivered', receipt }, null);
    },

    /**
     * Works partner by partner through the queue of each partner that has a message due, most
     * urgent first. A message waiting only because the partner was unreachable goes in queue
     * order even before its own retry time, so a partner that comes back receives its emergencies
     * first, whatever each message's jittered schedule. Once the partner does not answer, nothing
     * more is sent to it in this run; the messages that were due count the attempt, as they would
     * have failed the same way.
     */
    async dispatchDue(batch = 20): Promise<DispatchSummary> {
      const now = clock.now().toISOString();
      let delivered = 0;
      let retried = 0;
      let failed = 0;
      const count = (message: OutboxRecord, outcome: Outcome) => {
        if (outcome.kind === 'delivered') delivered += 1;
        else if (outcome.kind === 'wait') return;
        else if (outcome.kind === 'fail' || outcome.kind === 'expired' || message.attempts + 1 >= deps.maxAttempts) {
          failed += 1;
        } else retried += 1;
      };
      for (const country of await outboxRepository.dueCountries(db, now)) {
        const partner = await partnerOf(country);
        let unreachable: Outcome | null = null;
        // Batch after batch while the partner takes them: a backlog after an outage drains at once.
        for (let deliveredBefore = -1; deliveredBefore < delivered && unreachable === null;) {
          deliveredBefore = delivered;
          for (const message of await queueOf(country, now, batch)) {
            const due = message.nextAttemptAt <= now;
            const waitingForPartner = message.attempts === 0 || message.lastError?.startsWith('unreachable') === true;
            // Not due after an error of its own (an HTTP 503, a bad receipt): it keeps its own schedule.
            if (!due && !waitingForPartner) continue;
            if (unreachable !== null && !due) continue;
            const token = await claim(message);
            if (token === null) continue;
            if (unreachable !== null) {
              if (await record(message, unreachable, token)) count(message, unreachable);
              continue;
            }
            const outcome = await attempt(message, partner);
            if (outcome.kind === 'retry' && outcome.error.startsWith('unreachable')) unreachable = outcome;
            // Sent ahead of its retry time and still unreachable: its own schedule stands.
            if (!due && outcome === unreachable) {
              await outboxRepository.release(db, message.messageId, token);
              continue;
            }
            if (await record(message, outcome, token)) count(message, outcome);
          }
        }
      }
      return { delivered, retried, failed };
    },
  };
}

export type Dispatcher = ReturnType<typeof createDispatcher>;
