import { ledgerAuditRepository } from '../repositories/ledger-audit.repository.js';
import { ledgerRepository } from '../repositories/ledger.repository.js';
import { monitoringRepository, type ClockTable } from '../repositories/monitoring.repository.js';
import type { ServiceRuntime } from './service-runtime.js';

/** The statuses an operator watches: running, past the warning point, and past due. */
export const watchedDeadlineStatuses = ['open', 'warned', 'breached'] as const;
export type WatchedDeadlineStatus = (typeof watchedDeadlineStatuses)[number];

export interface DeadlineCount {
  readonly clock: 'request' | 'order';
  readonly status: WatchedDeadlineStatus;
  readonly count: number;
}

export interface LedgerBacklog {
  readonly custody: number;
  readonly audit: number;
  /** Seconds since the oldest leaf still waiting was written; 0 when nothing waits. */
  readonly oldestAgeSeconds: number;
}

export interface PartnerQueue {
  readonly partner: string;
  readonly pending: number;
  /** Seconds since the oldest pending message was queued; 0 when nothing is pending. */
  readonly oldestPendingAgeSeconds: number;
  readonly failed: number;
  readonly undeliverable: number;
}

const clockTables: Record<DeadlineCount['clock'], ClockTable> = { request: 'deadlines', order: 'order_deadlines' };

/**
 * The figures behind the application metrics (http/application-metrics.ts). Like the outbox's
 * queue depth they are numbers only, read for the metrics endpoint with no principal: the route
 * itself requires `metrics:read`. Ages use the node's clock, as every deadline does.
 */
export function createMonitoring(deps: ServiceRuntime) {
  const { db, clock } = deps;
  const ageOf = (at: string | null): number =>
    at === null ? 0 : Math.max(0, (clock.now().getTime() - Date.parse(at)) / 1000);

  return {
    async deadlines(): Promise<DeadlineCount[]> {
      const counts: DeadlineCount[] = [];
      for (const clockName of ['request', 'order'] as const) {
        const rows = await monitoringRepository.deadlinesByStatus(db, clockTables[clockName], watchedDeadlineStatuses);
        for (const status of watchedDeadlineStatuses) {
          counts.push({ clock: clockName, status, count: rows.find((r) => r.status === status)?.count ?? 0 });
        }
      }
      return counts;
    },

    async ledgerLeaves(): Promise<number> {
      return monitoringRepository.ledgerLeaves(db);
    },

    async ledgerBacklog(): Promise<LedgerBacklog> {
      const custody = await monitoringRepository.custodyBacklog(db);
      const audit = await monitoringRepository.auditBacklog(db, await ledgerAuditRepository.watermark(db));
      const oldest = [custody.oldestAt, audit.oldestAt].filter((at): at is string => at !== null).sort()[0] ?? null;
      return { custody: custody.count, audit: audit.count, oldestAgeSeconds: ageOf(oldest) };
    },

    /** Null while the log has no checkpoint (nothing was ever sequenced). */
    async checkpointAgeSeconds(): Promise<number | null> {
      const latest = await ledgerRepository.latestCheckpoint(db);
      return latest === undefined ? null : ageOf(latest.createdAt);
    },

    async evidenceStoredBytes(): Promise<number> {
      return monitoringRepository.evidenceStoredBytes(db);
    },

    /** Every active partner, and any other one that still has undelivered messages. */
    async partnerQueues(): Promise<PartnerQueue[]> {
      const rows = await monitoringRepository.undeliveredByPartner(db);
      const partners = new Set([...(await monitoringRepository.activePartners(db)), ...rows.map((r) => r.partner)]);
      return [...partners].sort().map((partner) => {
        const of = (status: string) => rows.find((r) => r.partner === partner && r.status === status);
        const pending = of('pending');
        return {
          partner,
          pending: pending?.count ?? 0,
          oldestPendingAgeSeconds: ageOf(pending?.oldestCreatedAt ?? null),
          failed: of('failed')?.count ?? 0,
          undeliverable: of('undeliverable')?.count ?? 0,
        };
      });
    },
  };
}

export type MonitoringService = ReturnType<typeof createMonitoring>;
