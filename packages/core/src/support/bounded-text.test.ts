import { describe, expect, it } from 'vitest';
import { boundedText } from './bounded-text.js';

describe('boundedText', () => {
  it('trims, refuses empty and over-long text', () => {
    expect(boundedText(10).parse('  Nguyễn  ')).toBe('Nguyễn');
    expect(boundedText(10).safeParse('   ').success).toBe(false);
    expect(boundedText(3).safeParse('abcd').success).toBe(false);
  });

  it('refuses every control character on a single line, and allows tab and line breaks only when multiline', () => {
    expect(boundedText(100).safeParse('line\r\nInjected: header').success).toBe(false);
    expect(boundedText(100).safeParse('a\u0000b').success).toBe(false);
    expect(boundedText(100, { multiline: true }).parse('first line\n\tsecond line')).toBe('first line\n\tsecond line');
    expect(boundedText(100, { multiline: true }).safeParse('bell\u0007').success).toBe(false);
    expect(boundedText(100, { multiline: true }).safeParse('del\u007f').success).toBe(false);
  });
});
