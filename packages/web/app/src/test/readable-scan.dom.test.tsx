import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { unreadableTexts } from './readable-scan.js';

describe('the readable-text scan', () => {
  it('finds an ISO timestamp, a SCREAMING_SNAKE code, JSON and a bare kebab-case code, each named', () => {
    const { container } = render(
      <div>
        <p>Period: 2026-09-30T17:00Z</p>
        <span>ART42_DUAL_CRIMINALITY</span>
        <td>{'["subscriber","traffic"]'}</td>
        <div>{'{"requested":true}'}</div>
        <span>confirm-results</span>
      </div>,
    );
    expect(unreadableTexts(container)).toEqual([
      'ISO timestamp: "Period: 2026-09-30T17:00Z"',
      'SCREAMING_SNAKE code: "ART42_DUAL_CRIMINALITY"',
      'JSON: "["subscriber","traffic"]"',
      'JSON: "{"requested":true}"',
      'kebab-case code: "confirm-results"',
    ]);
  });

  it('passes words, dates as people write them, references, hidden text and attributes', () => {
    const { container } = render(
      <div>
        <p>1 Oct 2026, 00:00 (Asia/Ho_Chi_Minh) — VN-2026-000123, SHA-256, IPv6 [2001:db8::1]:443</p>
        <p>login-records.csv, e-mail</p>
        <time dateTime="2026-09-30T17:00:00Z">1 thg 10, 2026</time>
        <span hidden>ART42_DUAL_CRIMINALITY</span>
      </div>,
    );
    expect(unreadableTexts(container)).toEqual([]);
  });
});
