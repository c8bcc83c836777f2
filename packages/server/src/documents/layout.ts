import { printable, type FontRole, type FontSet } from './fonts.js';

/**
 * Page geometry, type styles and the few text primitives the renderer draws with. Every
 * string goes through `printable` here, so no caller can hand pdfkit a character the font
 * lacks or a control character that would disturb the layout.
 */

/** A4 in points; margins of 2 cm at the sides, with room for the running header and footer. */
export const page = {
  width: 595.28,
  height: 841.89,
  margins: { top: 62, bottom: 78, left: 56.7, right: 56.7 },
} as const;
export const contentLeft = page.margins.left;
export const contentWidth = page.width - page.margins.left - page.margins.right;
export const contentRight = contentLeft + contentWidth;

export const palette = {
  ink: '#1b1f24',
  muted: '#5b6470',
  accent: '#1f3a5f',
  rule: '#c9ced6',
  panel: '#f2f4f7',
  emergency: '#b3261e',
  onEmergency: '#ffffff',
} as const;

export interface TextStyle {
  readonly font: FontRole;
  readonly size: number;
  readonly color: string;
  readonly lineGap?: number;
}

export const styles = {
  framework: { font: 'regular', size: 7.5, color: palette.muted },
  heading: { font: 'bold', size: 10, color: palette.accent },
  languageVersion: { font: 'regular', size: 7.5, color: palette.muted },
  title: { font: 'bold', size: 15, color: palette.ink, lineGap: 1 },
  reference: { font: 'bold', size: 12, color: palette.ink },
  caption: { font: 'regular', size: 6.5, color: palette.muted, lineGap: 0.5 },
  smallLabel: { font: 'regular', size: 7.5, color: palette.muted },
  code: { font: 'mono', size: 8, color: palette.ink },
  partyValue: { font: 'bold', size: 10.5, color: palette.ink, lineGap: 1 },
  plainValue: { font: 'regular', size: 10, color: palette.ink, lineGap: 1 },
  banner: { font: 'bold', size: 14, color: palette.onEmergency },
  bannerNote: { font: 'regular', size: 8.5, color: palette.onEmergency, lineGap: 0.5 },
  sectionHeading: { font: 'bold', size: 11.5, color: palette.accent, lineGap: 1 },
  fieldLabel: { font: 'bold', size: 9, color: palette.ink, lineGap: 0.5 },
  legalSource: { font: 'regular', size: 7.5, color: palette.muted },
  fieldValue: { font: 'regular', size: 10, color: palette.ink, lineGap: 2 },
  emptyValue: { font: 'regular', size: 10, color: palette.muted },
  footer: { font: 'regular', size: 7.5, color: palette.muted },
  footerCode: { font: 'mono', size: 7, color: palette.ink },
} as const satisfies Record<string, TextStyle>;

export interface Canvas {
  readonly doc: PDFKit.PDFDocument;
  readonly fonts: FontSet;
}

function apply(canvas: Canvas, style: TextStyle): void {
  canvas.doc.font(style.font).fontSize(style.size).fillColor(style.color);
}

export function clean(canvas: Canvas, style: TextStyle, text: string): string {
  return printable(text, canvas.fonts[style.font]);
}

export type TextOptions = PDFKit.Mixins.TextOptions;

/** Draws a paragraph at (x, y) and returns the y just below it. */
export function write(
  canvas: Canvas,
  style: TextStyle,
  text: string,
  x: number,
  y: number,
  options: TextOptions = {},
): number {
  apply(canvas, style);
  canvas.doc.text(clean(canvas, style, text), x, y, { lineGap: style.lineGap ?? 0, ...options });
  return canvas.doc.y;
}

/** Continues the current line in another style, as pdfkit's `continued` does. */
export function append(canvas: Canvas, style: TextStyle, text: string, options: TextOptions = {}): void {
  apply(canvas, style);
  canvas.doc.text(clean(canvas, style, text), { lineGap: style.lineGap ?? 0, ...options });
}

export function heightOf(canvas: Canvas, style: TextStyle, text: string, width: number): number {
  apply(canvas, style);
  return canvas.doc.heightOfString(clean(canvas, style, text), { width, lineGap: style.lineGap ?? 0 });
}

export function widthOf(canvas: Canvas, style: TextStyle, text: string): number {
  apply(canvas, style);
  return canvas.doc.widthOfString(clean(canvas, style, text));
}

/** Lowest y text may reach before pdfkit breaks the page. */
export function bottomLimit(): number {
  return page.height - page.margins.bottom;
}

/**
 * Starts a new page when fewer than `needed` points remain, so a heading or a label is never
 * left alone at the foot of a page. Returns the y to continue from.
 */
export function ensureSpace(canvas: Canvas, needed: number): number {
  if (canvas.doc.y + needed > bottomLimit()) {
    canvas.doc.addPage();
    return page.margins.top;
  }
  return canvas.doc.y;
}

export function horizontalRule(canvas: Canvas, y: number, color: string = palette.rule, width = 0.6): void {
  canvas.doc
    .save()
    .moveTo(contentLeft, y)
    .lineTo(contentRight, y)
    .lineWidth(width)
    .strokeColor(color)
    .stroke()
    .restore();
}

/** "Page {page} of {pages}" with its placeholders filled. */
export function fill(pattern: string, values: Readonly<Record<string, string | number>>): string {
  return pattern.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });
}

/** ISO-8601 UTC to "2026-03-14 09:30 UTC": the same in every language, unambiguous on paper. */
export function formatUtc(instant: Date): string {
  const iso = instant.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
