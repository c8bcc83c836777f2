import { describe, expect, it } from 'vitest';
import type { QueueItem } from '../api/types.js';
import { queueNews, snapshotOf } from './queue-news.js';

const item = (id: string, direction: QueueItem['direction'], state: string): QueueItem => ({
  id,
  reference: `VN-${id}`,
  type: 'PRESERVATION_42',
  direction,
  state,
  priority: 'normal',
  requestingState: direction === 'incoming' ? 'SG' : 'VN',
  requestedState: direction === 'incoming' ? 'VN' : 'SG',
  nextDueAt: null,
  createdAt: '2026-01-01T00:00:00Z',
  assignee: null,
  escalated: false,
});

describe('what the desk announces between two reads of its list', () => {
  it('announces nothing on the first read', () => {
    expect(queueNews(null, [item('a', 'incoming', 'RECEIVED')])).toEqual([]);
  });

  it('tells a partner\u2019s new request from one of ours joining the list', () => {
    const before = snapshotOf([item('a', 'incoming', 'RECEIVED')]);
    const news = queueNews(before, [
      item('a', 'incoming', 'RECEIVED'),
      item('b', 'incoming', 'RECEIVED'),
      item('c', 'outgoing', 'PENDING_APPROVAL'),
    ]);
    expect(news.map((n) => [n.kind, n.item.id])).toEqual([
      ['arrived', 'b'],
      ['added', 'c'],
    ]);
  });

  it('calls a partner acknowledging our request a change of state, not an arrival', () => {
    const before = snapshotOf([item('a', 'outgoing', 'SENT')]);
    expect(queueNews(before, [item('a', 'outgoing', 'ACKNOWLEDGED')])).toEqual([
      { kind: 'changed', item: item('a', 'outgoing', 'ACKNOWLEDGED'), from: 'SENT' },
    ]);
  });
});
