import { requestRepository, type NodeRuntime } from '@hanoi247/server';
import { prepareNode } from './history-actors.js';
import type { HistoryClock } from './history-clock.js';
import { historyDays, planHistory } from './history-plan.js';
import { HistoryPlayer } from './history-player.js';
import { sequenceLedgers, settle } from './history-settle.js';

export interface HistorySummary {
  /** Requests drafted (each one that crossed is also on its partner's node). */
  readonly requests: number;
  readonly orders: number;
  readonly evidence: number;
  readonly seconds: number;
  /** Why the history stopped before its end (the network still starts, with what was seeded). */
  readonly problem: string | null;
}

/** Where the history clock starts for a demo network started now. */
export const historyStart = (): Date => new Date(Date.now() - historyDays * 86_400_000);

async function holdsRequests(node: NodeRuntime): Promise<boolean> {
  return (await requestRepository.list(node.database.db, { limit: 1, offset: 0 })).length > 0;
}

/**
 * Fills fresh demo nodes with weeks of casework, through their services as their demo officers
 * and provider users would, on the shared history clock; messages between the nodes really
 * cross. Nodes that already hold requests are left alone (null). The clock is released at the end.
 */
export async function seedHistory(
  nodes: readonly { readonly country: string; readonly node: NodeRuntime }[],
  clock: HistoryClock,
  seed: number,
): Promise<HistorySummary | null> {
  const started = performance.now();
  try {
    if ((await Promise.all(nodes.map((n) => holdsRequests(n.node)))).some(Boolean)) return null;
    const start = clock.now().getTime();
    const prepared = [];
    for (const { country, node } of nodes) prepared.push(await prepareNode(country, node));
    const player = new HistoryPlayer(prepared, clock, start);
    let problem: string | null = null;
    try {
      await player.play(
        planHistory(
          seed,
          prepared.map((n) => n.country),
        ),
      );
    } catch (error) {
      // A demo with part of its history is still a demo: say what stopped it and carry on.
      problem = error instanceof Error ? error.message : String(error);
    }
    clock.release();
    // Today's alarms, and the custody ledger brought up to date.
    await settle(prepared);
    await sequenceLedgers(prepared);
    return { ...player.made, seconds: (performance.now() - started) / 1000, problem };
  } finally {
    clock.release();
  }
}
