import type { HistoryNode } from './history-actors.js';

/**
 * Runs every node's deadline alarms, durable jobs, outbox, deferred inbox and evidence fetches until nothing moves:
 * what the background jobs would do in the next instants, done now so the next step of the
 * history finds the partner's copy already updated.
 */
export async function settle(nodes: readonly HistoryNode[], rounds = 10): Promise<void> {
  for (let i = 0; i < rounds; i += 1) {
    let moved = 0;
    for (const { node } of nodes) {
      const { jobs, dispatcher, inbox, evidenceFetcher, deadlineScanner } = node.services;
      // The legal clocks' alarms at the history's time: a missed deadline shows when it was missed.
      moved += (await deadlineScanner.scan()).alarms.length;
      const done = await jobs.runDue();
      moved += done.done + done.failed;
      const sent = await dispatcher.dispatchDue();
      moved += sent.delivered + sent.retried;
      moved += await inbox.retryDeferred();
      const fetched = await evidenceFetcher.fetchDue();
      moved += fetched.received;
    }
    if (moved === 0) return;
  }
}
