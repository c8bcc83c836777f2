import { describe, expect, it } from 'vitest';
import { qrMatrix, quietZoneModules } from './qr.js';

const uri = `hanoi247:verify?ref=VN-2026-000042&digest=${'ab'.repeat(32)}&key=SHA256:${'k'.repeat(43)}`;

describe('qrMatrix', () => {
  it('builds the module matrix of a verification URI', () => {
    const matrix = qrMatrix(uri);
    // 150-odd bytes at error-correction level M need version 9: 17 + 4 × 9 modules a side.
    expect(matrix.size).toBe(53);
    expect(matrix.dark).toHaveLength(53);
    expect(matrix.dark.every((row) => row.length === 53)).toBe(true);
    expect(quietZoneModules).toBe(4);
  });

  it('has the three finder patterns in the corners', () => {
    const { dark, size } = qrMatrix(uri);
    for (const [top, left] of [
      [0, 0],
      [0, size - 7],
      [size - 7, 0],
    ] as const) {
      expect(dark[top]!.slice(left, left + 7).every(Boolean)).toBe(true);
      expect(dark[top + 1]![left + 1]).toBe(false);
      expect(dark[top + 3]![left + 3]).toBe(true);
    }
  });

  it('grows with the data and is reproducible', () => {
    expect(qrMatrix('hanoi247:verify?ref=X').size).toBeLessThan(qrMatrix(uri).size);
    expect(qrMatrix(uri)).toEqual(qrMatrix(uri));
  });

  it('refuses data that no QR code can hold', () => {
    expect(() => qrMatrix('x'.repeat(5000))).toThrow(/does not fit/);
  });
});
