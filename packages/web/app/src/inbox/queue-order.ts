import type { QueueItem } from '../api/types.js';

const priorityRank = { emergency: 0, urgent: 1, normal: 2 } as const;

/** Emergencies first, then urgent, then the nearest deadline; requests without a clock last. */
export function byUrgency(a: QueueItem, b: QueueItem): number {
  const rank = priorityRank[a.priority] - priorityRank[b.priority];
  if (rank !== 0) return rank;
  const due = (item: QueueItem) =>
    item.nextDueAt === null ? Number.POSITIVE_INFINITY : new Date(item.nextDueAt).getTime();
  const diff = due(a) - due(b);
  if (diff !== 0 && !Number.isNaN(diff)) return diff;
  return a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0;
}

export function sortQueue(items: readonly QueueItem[]): QueueItem[] {
  return [...items].sort(byUrgency);
}
