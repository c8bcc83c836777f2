import type { HistoryNode } from './history-actors.js';

/**
 * What the background jobs would do in the next instants, done now, until nothing moves: every
 * node's deadline alarms, durable jobs, outbox, deferred inbox and evidence fetches. The
 * next step of the history then finds the partner's copy already updated. The nodes run no
 * background jobs while the history is seeded: their timers would race these calls.
 */
export async function settle(nodes: readonly HistoryNode[], rounds = 10): Promise<void> {
  for (let i = 0; i < rounds; i += 1) {
    let moved = 0;
    for (const { node } of nodes) {
      const { jobs, dispatcher, inbox, evidenceFetcher, deadlineScanner, orderScanner } = node.services;
      // The legal clocks' alarms at the history's time: a missed deadline shows when it was missed.
      moved += (await deadlineScanner.scan()).alarms.length;
      await orderScanner.scan();
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

/** Logs what each node's ledger has pending under a new signed checkpoint (the history does so once a day). */
export async function sequenceLedgers(nodes: readonly HistoryNode[]): Promise<void> {
  for (const { node } of nodes) while ((await node.services.ledgerSequencer.sequence()) !== null);
}
