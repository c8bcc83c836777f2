import { ManualClock } from '@hanoi247/core';
import { describe, expect, it } from 'vitest';
import { createSessionCache } from './session-cache.js';

const alice = { sessionId: 's-alice', userId: 'u-alice' };
const alice2 = { sessionId: 's-alice-2', userId: 'u-alice' };
const bob = { sessionId: 's-bob', userId: 'u-bob' };

describe('session cache', () => {
  it('serves an entry until its TTL has passed on the injected clock', () => {
    const clock = new ManualClock('2026-11-01T08:00:00Z');
    const cache = createSessionCache<string>(clock, { ttlMs: 2000 });
    cache.set('h1', 'alice', alice, cache.ticket());
    clock.advance(1999);
    expect(cache.get('h1')).toBe('alice');
    clock.advance(1);
    expect(cache.get('h1')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('drops entries when the clock goes backwards', () => {
    const clock = new ManualClock('2026-11-01T08:00:00Z');
    const cache = createSessionCache<string>(clock, { ttlMs: 2000 });
    cache.set('h1', 'alice', alice, cache.ticket());
    clock.set(new Date('2026-11-01T07:59:59Z'));
    expect(cache.get('h1')).toBeUndefined();
  });

  it('forgets one session, or every session of a user, at once', () => {
    const clock = new ManualClock('2026-11-01T08:00:00Z');
    const cache = createSessionCache<string>(clock);
    cache.set('h1', 'alice', alice, cache.ticket());
    cache.set('h2', 'alice on her phone', alice2, cache.ticket());
    cache.set('h3', 'bob', bob, cache.ticket());
    cache.forgetSession('s-alice');
    expect([cache.get('h1'), cache.get('h2'), cache.get('h3')]).toEqual([undefined, 'alice on her phone', 'bob']);
    cache.forgetUser('u-alice');
    expect([cache.get('h2'), cache.get('h3')]).toEqual([undefined, 'bob']);
  });

  it('refuses a value read before an invalidation, so a racing read cannot resurrect a session', () => {
    const cache = createSessionCache<string>(new ManualClock('2026-11-01T08:00:00Z'));
    const ticket = cache.ticket();
    // ...the database read is in flight while another request logs the user out...
    cache.forgetUser('u-alice');
    cache.set('h1', 'alice as she was', alice, ticket);
    expect(cache.get('h1')).toBeUndefined();
    cache.set('h1', 'alice read again', alice, cache.ticket());
    expect(cache.get('h1')).toBe('alice read again');
  });

  it('stays within its bound by evicting the oldest entry', () => {
    const cache = createSessionCache<number>(new ManualClock('2026-11-01T08:00:00Z'), { maxEntries: 2 });
    for (let i = 1; i <= 3; i += 1) cache.set(`h${i}`, i, { sessionId: `s${i}`, userId: 'u' }, cache.ticket());
    expect(cache.size).toBe(2);
    expect([cache.get('h1'), cache.get('h2'), cache.get('h3')]).toEqual([undefined, 2, 3]);
  });

  it('caches nothing with a TTL of zero', () => {
    const cache = createSessionCache<string>(new ManualClock('2026-11-01T08:00:00Z'), { ttlMs: 0 });
    cache.set('h1', 'alice', alice, cache.ticket());
    expect(cache.get('h1')).toBeUndefined();
  });
});
