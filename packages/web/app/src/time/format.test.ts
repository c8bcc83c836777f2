import { describe, expect, it } from 'vitest';
import { calendarDate, remaining, zonedDateTime } from './format.js';

describe('times as officers read them', () => {
  it('counts down in the language\u2019s own unit words, never "min/d/h" codes', () => {
    const ms = (2 * 3600 + 5 * 60) * 1000;
    expect(remaining(ms, 'en')).toEqual({ overdue: false, text: '2 hrs 05 mins' });
    expect(remaining(ms, 'vi')).toEqual({ overdue: false, text: '2 giờ 05 phút' });
    expect(remaining(-(3 * 86_400 + 4 * 3600) * 1000, 'vi')).toEqual({ overdue: true, text: '3 ngày 04 giờ' });
  });

  it('names the zone of a moment, and keeps a calendar day on its day in any zone', () => {
    expect(zonedDateTime('2026-09-30T17:00:00Z', 'en', 'Asia/Ho_Chi_Minh')).toBe(
      '1 Oct 2026, 00:00 (Asia/Ho_Chi_Minh)',
    );
    expect(zonedDateTime('2026-09-30T17:00:00Z', 'vi', 'Europe/Paris')).toBe('19:00 30 thg 9, 2026 (Europe/Paris)');
    expect(calendarDate('2031-12-31', 'en')).toBe('31 Dec 2031');
  });
});
