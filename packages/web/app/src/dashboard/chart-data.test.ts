import { describe, expect, it } from 'vitest';
import type { TimingGroup } from '../api/statistics-queries.js';
import { formatHours, layoutBars, niceMax, timingRows } from './chart-data.js';

const none = { count: 0, medianHours: null, p90Hours: null };
const group = (key: string, ack: number | null): TimingGroup => ({
  key,
  requests: 1,
  acknowledge: ack === null ? none : { count: 1, medianHours: ack, p90Hours: ack * 2 },
  preserve: none,
  respond: none,
});

describe('chart data', () => {
  it('rounds the axis up to 1, 2 or 5 times a power of ten', () => {
    expect(niceMax([])).toBe(1);
    expect(niceMax([0, null])).toBe(1);
    expect(niceMax([3])).toBe(5);
    expect(niceMax([12, null, 7])).toBe(20);
    expect(niceMax([0.3])).toBe(0.5);
    expect(niceMax([100])).toBe(100);
  });

  it('lays bars out from the bottom of the plot, empty values flat', () => {
    const [first, second] = layoutBars(
      [
        { label: 'W1', values: [10, null] },
        { label: 'W2', values: [5, 20] },
      ],
      200,
      100,
      20,
    );
    expect(first?.bars.map((b) => [b.y, b.height])).toEqual([
      [50, 50],
      [100, 0],
    ]);
    expect(second?.groupX).toBe(100);
    expect(second?.bars[1]).toMatchObject({ y: 0, height: 100, x: 150, width: 40 });
    expect(layoutBars([], 200, 100, 1)).toEqual([]);
  });

  it('keeps median and p90 of the groups that reached the step', () => {
    expect(timingRows([group('DE', 5), group('FR', null)], 'acknowledge', (k) => `State ${k}`)).toEqual([
      { label: 'State DE', values: [5, 10] },
    ]);
    expect(timingRows([group('DE', 5)], 'respond', (k) => k)).toEqual([]);
  });

  it('formats durations in minutes, hours or days', () => {
    expect(formatHours(null, 'en')).toBe('—');
    expect(formatHours(0.5, 'en')).toBe('30 min');
    expect(formatHours(3.5, 'en')).toBe('3.5 h');
    expect(formatHours(72, 'en')).toBe('3 d');
  });
});
