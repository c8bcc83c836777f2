import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { create as openFont, type Font } from 'fontkit';

/**
 * Fonts come from the `dejavu-fonts-ttf` package, never from the network or the host: a
 * node must print the same document on any machine, offline. DejaVu covers Vietnamese
 * (including Đ, Ơ, Ư and stacked tone marks), French and many other scripts; pdfkit embeds
 * only the glyphs used, so the PDF stays small. The monospaced face lacks some Vietnamese
 * tone marks, so it is kept for digests and key fingerprints, which are ASCII.
 */
export type FontRole = 'regular' | 'bold' | 'mono';

const fontFiles: Readonly<Record<FontRole, string>> = {
  regular: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
  mono: 'dejavu-fonts-ttf/ttf/DejaVuSansMono.ttf',
};

export interface LoadedFont {
  readonly role: FontRole;
  readonly data: Buffer;
  covers(codePoint: number): boolean;
}

export type FontSet = Readonly<Record<FontRole, LoadedFont>>;

// Resolved through the package, not a path relative to this file, so it works from src
// (Vitest) and from dist alike.
const resolvePackageFile = createRequire(import.meta.url).resolve;

function fontFrom(role: FontRole, data: Buffer): LoadedFont {
  const parsed = openFont(data);
  if (!('hasGlyphForCodePoint' in parsed)) throw new Error(`${fontFiles[role]} is a font collection, not a font`);
  const font: Font = parsed;
  // A narrative checks thousands of characters against the same few hundred code points.
  const known = new Map<number, boolean>();
  return {
    role,
    data,
    covers(codePoint) {
      let answer = known.get(codePoint);
      if (answer === undefined) {
        answer = font.hasGlyphForCodePoint(codePoint);
        known.set(codePoint, answer);
      }
      return answer;
    },
  };
}

async function readFontSet(): Promise<FontSet> {
  const roles = Object.keys(fontFiles) as FontRole[];
  const loaded = await Promise.all(
    roles.map(async (role) => fontFrom(role, await readFile(resolvePackageFile(fontFiles[role])))),
  );
  return Object.fromEntries(loaded.map((font) => [font.role, font])) as Record<FontRole, LoadedFont>;
}

let fontSet: Promise<FontSet> | undefined;

/** Reads and parses the fonts once per process. */
export function loadFonts(): Promise<FontSet> {
  fontSet ??= readFontSet().catch((error: unknown) => {
    // A failed read (say, a half-installed package) must not poison every later render.
    fontSet = undefined;
    throw error;
  });
  return fontSet;
}

export function registerFonts(document: PDFKit.PDFDocument, fonts: FontSet): void {
  for (const font of Object.values(fonts)) document.registerFont(font.role, font.data);
}

const replacement = '\uFFFD';

/** Invisible characters that only steer joining, emoji presentation or bidi display order. */
function isDisplayOnly(codePoint: number): boolean {
  return (
    (codePoint >= 0x200b && codePoint <= 0x200f) ||
    (codePoint >= 0x202a && codePoint <= 0x202e) ||
    (codePoint >= 0x2060 && codePoint <= 0x2069) ||
    codePoint === 0xfeff ||
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f) ||
    (codePoint >= 0xe0100 && codePoint <= 0xe01ef)
  );
}

function isControl(codePoint: number): boolean {
  return codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0);
}

/**
 * Makes free text safe to draw with one font: what the font cannot show becomes U+FFFD, so
 * the reader sees that a character was there instead of a silent gap or an empty box, and
 * nothing a user typed can break the layout. Text is NFC-normalised first because Vietnamese
 * typed with combining tone marks must match the precomposed glyphs the font has.
 * Display-only characters are dropped: this renderer lays text out left to right without a
 * bidi algorithm, so they would change nothing but show up as replacement marks.
 */
export function printable(text: string, font: LoadedFont): string {
  const fallback = font.covers(replacement.codePointAt(0) ?? 0) ? replacement : '?';
  let out = '';
  for (const character of text.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\t/g, '    ')) {
    const codePoint = character.codePointAt(0) ?? 0;
    if (character === '\n') out += character;
    else if (isDisplayOnly(codePoint)) continue;
    else if (isControl(codePoint) || !font.covers(codePoint)) out += fallback;
    else out += character;
  }
  return out;
}
