import { outboxRepository } from '../repositories/outbox.repository.js';
import { peerRepository } from '../repositories/peer.repository.js';
import type { CallContext, ServiceRuntime } from './service-runtime.js';
import { requirePermission } from './user.service.js';

/** The status page: who we are connected to, what is queued, what failed. Never silent. */
export type FederationStatusService = ReturnType<typeof createFederationStatus>;

export function createFederationStatus(deps: ServiceRuntime) {
  return {
    /** For the metrics endpoint: no principal, no personal data, just numbers. */
    async queueDepth(): Promise<Record<string, number>> {
      return outboxRepository.counts(deps.db);
    },

    async status(context: CallContext) {
      requirePermission(context.principal, 'node:read');
      const peers = (await peerRepository.list(deps.db)).map((p) => ({
        country: p.country,
        name: p.name,
        status: p.status,
        baseUrl: p.baseUrl,
        pinnedFingerprint: p.pinnedFingerprint,
      }));
      const failures = (await outboxRepository.byStatus(deps.db, ['failed', 'undeliverable'], 50)).map((m) => ({
        messageId: m.messageId,
        to: m.toCountry,
        type: m.type,
        requestId: m.requestId,
        status: m.status,
        attempts: m.attempts,
        lastError: m.lastError,
        createdAt: m.createdAt,
      }));
      const pending = (await outboxRepository.byStatus(deps.db, ['pending'], 50)).map((m) => ({
        messageId: m.messageId,
        to: m.toCountry,
        type: m.type,
        requestId: m.requestId,
        attempts: m.attempts,
        nextAttemptAt: m.nextAttemptAt,
        lastError: m.lastError,
      }));
      const counts = await outboxRepository.counts(deps.db);
      return {
        peers,
        outbox: counts,
        queueDepth: counts['pending'] ?? 0,
        ...(await outboxRepository.extremes(deps.db)),
        pending,
        failures,
      };
    },
  };
}
