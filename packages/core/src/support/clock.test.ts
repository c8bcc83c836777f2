import { describe, expect, it } from 'vitest';
import { ManualClock, systemClock, toUtcIso } from './clock.js';

describe('ManualClock', () => {
  it('starts at the given instant, from a string or a Date', () => {
    expect(new ManualClock('2025-03-14T09:26:53.589Z').now().toISOString()).toBe('2025-03-14T09:26:53.589Z');
    expect(new ManualClock(new Date(Date.UTC(2024, 1, 29))).now().toISOString()).toBe('2024-02-29T00:00:00.000Z');
  });

  it('reads offsets in the start string as UTC instants', () => {
    expect(new ManualClock('2025-01-01T07:00:00+07:00').now().toISOString()).toBe('2025-01-01T00:00:00.000Z');
  });

  it('does not move by itself', () => {
    const clock = new ManualClock('2025-01-01T00:00:00.000Z');
    const first = clock.now().getTime();
    expect(clock.now().getTime()).toBe(first);
  });

  it('advances by the given milliseconds, also backwards', () => {
    const clock = new ManualClock('2025-01-01T00:00:00.000Z');
    clock.advance(1500);
    expect(clock.now().toISOString()).toBe('2025-01-01T00:00:01.500Z');
    clock.advance(24 * 60 * 60 * 1000);
    expect(clock.now().toISOString()).toBe('2025-01-02T00:00:01.500Z');
    clock.advance(-2000);
    expect(clock.now().toISOString()).toBe('2025-01-01T23:59:59.500Z');
  });

  it('can be set to another instant', () => {
    const clock = new ManualClock('2025-01-01T00:00:00.000Z');
    clock.set('2030-06-30T12:00:00.000Z');
    expect(clock.now().toISOString()).toBe('2030-06-30T12:00:00.000Z');
    clock.set(new Date('2020-01-01T00:00:00.000Z'));
    expect(clock.now().toISOString()).toBe('2020-01-01T00:00:00.000Z');
  });

  it('hands out copies: mutating a returned Date does not move the clock', () => {
    const clock = new ManualClock('2025-01-01T00:00:00.000Z');
    clock.now().setUTCFullYear(1999);
    expect(clock.now().toISOString()).toBe('2025-01-01T00:00:00.000Z');
  });

  it('does not keep a reference to the start Date', () => {
    const start = new Date('2025-01-01T00:00:00.000Z');
    const clock = new ManualClock(start);
    start.setUTCFullYear(1999);
    expect(clock.now().toISOString()).toBe('2025-01-01T00:00:00.000Z');
  });

  it('keeps separate clocks separate', () => {
    const a = new ManualClock('2025-01-01T00:00:00.000Z');
    const b = new ManualClock('2025-01-01T00:00:00.000Z');
    a.advance(60_000);
    expect(b.now().toISOString()).toBe('2025-01-01T00:00:00.000Z');
  });
});

describe('systemClock and toUtcIso', () => {
  it('returns a Date from the system clock', () => {
    expect(systemClock.now()).toBeInstanceOf(Date);
    expect(Number.isNaN(systemClock.now().getTime())).toBe(false);
  });

  it('formats in UTC with milliseconds', () => {
    expect(toUtcIso(new Date(Date.UTC(2025, 0, 2, 3, 4, 5, 6)))).toBe('2025-01-02T03:04:05.006Z');
  });
});
