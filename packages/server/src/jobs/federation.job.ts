import type { FastifyInstance } from 'fastify';
import type { CommitHook } from '../services/commit-hook.js';
import type { Dispatcher } from '../services/dispatcher.service.js';
import type { Inbox } from '../services/inbox.service.js';
import type { PullService } from '../services/pull.service.js';
import type { EvidenceFetcher } from '../services/evidence-fetcher.service.js';
import { nodeMetricsOf } from './interval-job.js';

/**
 * Delivers the outbox on an interval and at once after a commit that queued a message
 * (announced on the commit hook), never two runs at the same time; retries deferred inbox
 * messages and fetches evidence partners offered.
 */
export function startFederationJob(
  app: FastifyInstance,
  {
    dispatcher,
    inbox,
    pull,
    evidenceFetcher,
  }: {
    readonly dispatcher: Dispatcher;
    readonly inbox: Inbox;
    readonly pull: PullService;
    readonly evidenceFetcher: EvidenceFetcher;
  },
  commits: CommitHook,
  intervalMs: number,
  pullMode: boolean,
): void {
  if (intervalMs === 0) return;
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  let closed = false;
  const run = async (): Promise<void> => {
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        const summary = await dispatcher.dispatchDue();
        if (summary.failed > 0) app.log.warn(summary, 'messages could not be delivered');
        if (pullMode) await pull.pullFromPartners();
        await inbox.retryDeferred();
        const fetched = await evidenceFetcher.fetchDue();
        if (fetched.failed > 0) app.log.warn(fetched, 'evidence offered by a partner could not be accepted');
      } while (again && !closed);
    } catch (error) {
      nodeMetricsOf(app)?.backgroundError('federation-job', 'run-failed');
      app.log.error({ err: error }, 'federation dispatch failed');
    } finally {
      running = false;
    }
  };
  const unsubscribe = commits.on('federation', () => setImmediate(() => void run()));
  app.addHook('onReady', async () => {
    timer = setInterval(() => void run(), intervalMs);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    closed = true;
    clearInterval(timer);
    unsubscribe();
  });
}
