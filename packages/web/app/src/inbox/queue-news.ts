import type { QueueItem } from '../api/types.js';

/** What the desk last saw of each request in its list: its state, by id. */
export type QueueSnapshot = ReadonlyMap<string, string>;

/**
 * What happened between two reads of the same list, in the words the toast needs:
 * a partner's new request (`arrived`), a request of ours that joined the list (`added`, a
 * colleague's draft, say), or a request that moved to another state (`changed`, such as a
 * partner acknowledging ours). A request already listed is never news of arrival.
 */
export type QueueNews =
  | { readonly kind: 'arrived'; readonly item: QueueItem }
  | { readonly kind: 'added'; readonly item: QueueItem }
  | { readonly kind: 'changed'; readonly item: QueueItem; readonly from: string };

export function snapshotOf(items: readonly QueueItem[]): QueueSnapshot {
  return new Map(items.map((item) => [item.id, item.state]));
}

/** Nothing on the first read (no earlier list to compare with). */
export function queueNews(previous: QueueSnapshot | null, items: readonly QueueItem[]): QueueNews[] {
  if (previous === null) return [];
  return items.flatMap((item): QueueNews[] => {
    const before = previous.get(item.id);
    if (before === undefined) return [{ kind: item.direction === 'incoming' ? 'arrived' : 'added', item }];
    return before === item.state ? [] : [{ kind: 'changed', item, from: before }];
  });
}
