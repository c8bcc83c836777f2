import { describe, expect, it } from 'vitest';
import { formatLocalDate, localDatePattern, parseLocalDate } from './local-date.js';

describe('dates typed in the app\u2019s language', () => {
  it('shows a day as dd/mm/yyyy in Vietnamese and British English, with the time after it', () => {
    expect(formatLocalDate('2026-11-03', 'vi')).toBe('03/11/2026');
    expect(formatLocalDate('2026-11-03', 'en')).toBe('03/11/2026');
    expect(formatLocalDate('2026-11-03T14:05', 'vi')).toBe('03/11/2026 14:05');
    expect(formatLocalDate('2026-11-03T23:59:59', 'en')).toBe('03/11/2026 23:59:59');
    expect(formatLocalDate('', 'vi')).toBe('');
  });

  it('reads the day first, never as the browser\u2019s mm/dd', () => {
    expect(parseLocalDate('03/11/2026', 'vi', false)).toBe('2026-11-03');
    expect(parseLocalDate('3/1/2026', 'en', false)).toBe('2026-01-03');
    expect(parseLocalDate('03/11/2026 14:05', 'vi', true)).toBe('2026-11-03T14:05');
    expect(parseLocalDate('31/12/2026 23:59:59', 'en', true)).toBe('2026-12-31T23:59:59');
  });

  it('reads an incomplete or impossible entry as no value, as a native input would', () => {
    expect(parseLocalDate('31/11/2026', 'vi', false)).toBe('');
    expect(parseLocalDate('03/11', 'vi', false)).toBe('');
    expect(parseLocalDate('03/11/26', 'vi', false)).toBe('');
    expect(parseLocalDate('03/11/2026', 'vi', true)).toBe('');
    expect(parseLocalDate('03/11/2026 24:00', 'vi', true)).toBe('');
    expect(parseLocalDate('2026-11-03', 'vi', false)).toBe('');
  });

  it('round-trips what it shows', () => {
    for (const value of ['2026-02-28', '2026-02-28T00:00', '2026-10-01T17:00:30']) {
      const withTime = value.includes('T');
      expect(parseLocalDate(formatLocalDate(value, 'vi'), 'vi', withTime)).toBe(value);
      expect(parseLocalDate(formatLocalDate(value, 'en'), 'en', withTime)).toBe(value);
    }
  });

  it('spells the pattern in the language\u2019s order', () => {
    expect(localDatePattern('vi', true, { day: 'nn', month: 'tt', year: 'nnnn' })).toBe('nn/tt/nnnn hh:mm');
  });
});
