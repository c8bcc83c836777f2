import type { QueueFilter } from '../api/queries.js';

/**
 * What the desk shows where the list would be: it is loading, there is nothing at all, or nothing matches the filter.
 */
export type InboxStatus = 'loading' | 'empty' | 'no-match' | 'list' | 'failed';

interface QueueRead {
  readonly pending: boolean;
  /** The read failed (the page says so): no claim that the desk is empty. */
  readonly failed: boolean;
  readonly count: number;
  readonly filter: QueueFilter;
}

export function inboxStatus({ pending, failed, count, filter }: QueueRead): InboxStatus {
  if (count > 0) return 'list';
  if (failed) return 'failed';
  if (pending) return 'loading';
  const filtered = Object.values(filter).some((value) => value !== undefined && value !== '');
  return filtered ? 'no-match' : 'empty';
}
