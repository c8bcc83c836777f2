import { describe, expect, it } from 'vitest';
import { loadFonts, printable } from './fonts.js';

const vietnamese = 'Bảo toàn khẩn cấp dữ liệu điện tử được lưu trữ — Nguyễn Thị Ánh — Đ đ Ơ ơ Ư ư ạ ả ấ ầ ẩ ẫ ậ ỳ ỹ ữ';
const french = "État requis, conditions d'utilisation : à, â, ç, è, é, ê, ë, î, ï, ô, ù, û, ü, ÿ, œ, Œ, « »";

describe('fonts', () => {
  it('loads the packaged fonts once and shares them', async () => {
    const [first, second] = await Promise.all([loadFonts(), loadFonts()]);
    expect(first).toBe(second);
    for (const font of Object.values(first)) expect(font.data.subarray(0, 4)).toEqual(Buffer.from([0, 1, 0, 0]));
  });

  it('covers Vietnamese and French in the regular and bold weights', async () => {
    const { regular, bold } = await loadFonts();
    for (const font of [regular, bold]) {
      expect(printable(vietnamese, font)).toBe(vietnamese);
      expect(printable(french, font)).toBe(french);
    }
  });

  it('covers digests and fingerprints in the monospaced face', async () => {
    const { mono } = await loadFonts();
    const code = 'SHA256:q3x8S0Jm3nGZ0tS2a0D7Lk1uQw1y8j0s9bY5cV7pX2E-_ 0123456789abcdef';
    expect(printable(code, mono)).toBe(code);
  });

  it('composes Vietnamese typed with combining marks into the glyphs the font has', async () => {
    const { regular } = await loadFonts();
    const decomposed = 'Nguyễn Thị Ánh'.normalize('NFD');
    expect(decomposed).not.toBe('Nguyễn Thị Ánh');
    expect(printable(decomposed, regular)).toBe('Nguyễn Thị Ánh');
  });

  it('marks what it cannot print and drops invisible steering characters', async () => {
    const { regular } = await loadFonts();
    expect(printable('中文', regular)).toBe('\uFFFD\uFFFD');
    expect(printable('a\u0000b\u0007c', regular)).toBe('a\uFFFDb\uFFFDc');
    expect(printable('a\u200Bb\u202Ec\uFE0Fd', regular)).toBe('abcd');
    expect(printable('a\r\nb\rc\td', regular)).toBe('a\nb\nc    d');
    expect(printable('\uD800', regular)).toBe('\uFFFD');
  });
});
