import { Gauge, type Registry } from 'prom-client';
import type { MonitoringService } from '../services/monitoring.service.js';

/**
 * One load for all the gauges of one scrape: prom-client starts every collect() in the same
 * tick, so gauges that share a query join the one already running instead of repeating it.
 */
function sharedWhileRunning<T>(load: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | null = null;
  return () => {
    running ??= load().finally(() => {
      running = null;
    });
    return running;
  };
}

/**
 * Gauges read from the database at scrape time, so every process on one database reports the
 * same figures (aggregate them with max, not sum) and nothing is lost across restarts.
 */
export function registerApplicationMetrics(registry: Registry, monitoring: MonitoringService): void {
  const registers = [registry];
  const backlog = sharedWhileRunning(() => monitoring.ledgerBacklog());
  const queues = sharedWhileRunning(() => monitoring.partnerQueues());

  new Gauge({
    name: 'hanoi247_deadlines',
    help: 'Legal clocks of requests and orders by status: open, warned (past the warning point, at risk), breached',
    labelNames: ['clock', 'status'] as const,
    registers,
    async collect() {
      const counts = await monitoring.deadlines();
      this.reset();
      for (const { clock, status, count } of counts) this.set({ clock, status }, count);
    },
  });

  new Gauge({
    name: 'hanoi247_ledger_leaves',
    help: 'Leaves in the custody ledger (its tree size)',
    registers,
    async collect() {
      this.set(await monitoring.ledgerLeaves());
    },
  });
  new Gauge({
    name: 'hanoi247_ledger_unsequenced_leaves',
    help: 'Leaves waiting for the sequencer: queued custody events and audit entries above the watermark',
    labelNames: ['source'] as const,
    registers,
    async collect() {
      const { custody, audit } = await backlog();
      this.set({ source: 'custody' }, custody);
      this.set({ source: 'audit' }, audit);
    },
  });
  new Gauge({
    name: 'hanoi247_ledger_oldest_unsequenced_age_seconds',
    help: 'Seconds since the oldest leaf still waiting for the sequencer was written (0 when none waits)',
    registers,
    async collect() {
      this.set((await backlog()).oldestAgeSeconds);
    },
  });
  new Gauge({
    name: 'hanoi247_ledger_checkpoint_age_seconds',
    help: 'Seconds since the latest signed checkpoint (absent while the ledger has none)',
    registers,
    async collect() {
      const age = await monitoring.checkpointAgeSeconds();
      // No sample rather than a made-up age: an empty ledger has nothing to be late with.
      if (age === null) this.remove();
      else this.set(age);
    },
  });

  new Gauge({
    name: 'hanoi247_evidence_stored_bytes',
    help: 'Bytes of evidence content held for live items, identical content counted once',
    registers,
    async collect() {
      this.set(await monitoring.evidenceStoredBytes());
    },
  });

  new Gauge({
    name: 'hanoi247_federation_outbox_pending_messages',
    help: 'Messages waiting for delivery, per partner',
    labelNames: ['partner'] as const,
    registers,
    async collect() {
      const all = await queues();
      this.reset();
      for (const q of all) this.set({ partner: q.partner }, q.pending);
    },
  });
  new Gauge({
    name: 'hanoi247_federation_outbox_oldest_pending_age_seconds',
    help: 'Seconds since the oldest message still waiting for a partner was queued (0 when none waits)',
    labelNames: ['partner'] as const,
    registers,
    async collect() {
      const all = await queues();
      this.reset();
      for (const q of all) this.set({ partner: q.partner }, q.oldestPendingAgeSeconds);
    },
  });
  new Gauge({
    name: 'hanoi247_federation_delivery_failed_messages',
    help:
      'Messages given up on, per partner: failed (refused, expired or attempts ' +
      'spent) and undeliverable (no pinned node)',
    labelNames: ['partner', 'status'] as const,
    registers,
    async collect() {
      const all = await queues();
      this.reset();
      for (const q of all) {
        this.set({ partner: q.partner, status: 'failed' }, q.failed);
        this.set({ partner: q.partner, status: 'undeliverable' }, q.undeliverable);
      }
    },
  });
}
