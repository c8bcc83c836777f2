import { describe, expect, it } from 'vitest';
import type { QueueItem } from '../api/types.js';
import { sortQueue } from './queue-order.js';

const item = (id: string, priority: QueueItem['priority'], nextDueAt: string | null): QueueItem => ({
  id,
  reference: `VN-${id}`,
  type: 'PRESERVATION_42',
  direction: 'incoming',
  state: 'RECEIVED',
  priority,
  requestingState: 'SG',
  requestedState: 'VN',
  nextDueAt,
  createdAt: '2026-01-01T00:00:00Z',
  assignee: null,
  escalated: false,
});

describe('the desk queue order', () => {
  it('puts emergencies first, then urgent, then the nearest deadline, clockless last', () => {
    const sorted = sortQueue([
      item('n-late', 'normal', '2026-01-03T00:00:00Z'),
      item('n-none', 'normal', null),
      item('u', 'urgent', '2026-01-09T00:00:00Z'),
      item('n-soon', 'normal', '2026-01-02T00:00:00Z'),
      item('e', 'emergency', null),
    ]);
    expect(sorted.map((i) => i.id)).toEqual(['e', 'u', 'n-soon', 'n-late', 'n-none']);
  });
});
