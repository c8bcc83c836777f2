import { textIn, type FormalDocument } from './formal-document.js';
import {
  contentLeft,
  contentRight,
  contentWidth,
  ensureSpace,
  formatUtc,
  heightOf,
  horizontalRule,
  palette,
  styles,
  widthOf,
  write,
  type Canvas,
} from './layout.js';
import { drawQrCode, type QrMatrix } from './qr.js';
import type { DocumentTemplate } from './templates.js';

/**
 * The block that opens each language's rendering: who asks whom for what, under which
 * reference, the emergency banner, and the values that let a reader check the paper against
 * the signed record. Only the first rendering carries the QR code.
 */
export interface HeaderInput {
  readonly document: FormalDocument;
  readonly language: string;
  readonly template: DocumentTemplate;
  readonly issuedAt: Date;
  /** Present on the first rendering only. */
  readonly qr?: QrMatrix;
}

const qrColumnWidth = 118;
const qrSide = 104;
const gutter = 18;

function drawVerificationCode(canvas: Canvas, qr: QrMatrix, caption: string, top: number): number {
  const columnLeft = contentRight - qrColumnWidth;
  drawQrCode(canvas.doc, qr, columnLeft + (qrColumnWidth - qrSide) / 2, top, qrSide);
  return write(canvas, styles.caption, caption, columnLeft, top + qrSide + 2, {
    width: qrColumnWidth,
    align: 'center',
  });
}

function drawTitleBlock(canvas: Canvas, input: HeaderInput, width: number, top: number): number {
  const { document, language, template } = input;
  let y = write(canvas, styles.framework, template.framework.toLocaleUpperCase(language), contentLeft, top, {
    width,
    characterSpacing: 0.3,
  });
  y = write(canvas, styles.heading, template.heading, contentLeft, y + 2, { width });
  y = write(canvas, styles.languageVersion, template.labels.languageVersion, contentLeft, y + 1, { width });
  y = write(canvas, styles.title, textIn(document.title, language), contentLeft, y + 10, { width });
  y = write(canvas, styles.smallLabel, template.labels.reference, contentLeft, y + 10, { width });
  return write(canvas, styles.reference, document.reference, contentLeft, y + 1, { width });
}

function drawEmergencyBanner(canvas: Canvas, template: DocumentTemplate, top: number): number {
  const padding = 10;
  const word = template.labels.emergency;
  const wordWidth = widthOf(canvas, styles.banner, word);
  const noteLeft = contentLeft + padding + wordWidth + 14;
  const noteWidth = contentRight - padding - noteLeft;
  const wordHeight = heightOf(canvas, styles.banner, word, wordWidth + 1);
  const noteHeight = heightOf(canvas, styles.bannerNote, template.labels.emergencyNote, noteWidth);
  const height = Math.max(wordHeight, noteHeight) + 2 * padding;
  canvas.doc.save().rect(contentLeft, top, contentWidth, height).fill(palette.emergency).restore();
  write(canvas, styles.banner, word, contentLeft + padding, top + (height - wordHeight) / 2, { width: wordWidth + 1 });
  write(canvas, styles.bannerNote, template.labels.emergencyNote, noteLeft, top + (height - noteHeight) / 2, {
    width: noteWidth,
  });
  return top + height;
}

interface Cell {
  readonly label: string;
  readonly value: string;
}

/** Two label-and-value cells side by side, between hairlines, like the boxes of a paper form. */
function drawCellRow(
  canvas: Canvas,
  cells: readonly [Cell, Cell],
  valueStyle: typeof styles.partyValue | typeof styles.plainValue,
): void {
  const cellWidth = (contentWidth - gutter) / 2;
  const cellHeight = (cell: Cell): number =>
    heightOf(canvas, styles.smallLabel, cell.label, cellWidth) +
    2 +
    heightOf(canvas, valueStyle, cell.value, cellWidth);
  const rowHeight = Math.max(...cells.map(cellHeight)) + 12;
  const top = ensureSpace(canvas, rowHeight);
  horizontalRule(canvas, top);
  cells.forEach((cell, index) => {
    const left = contentLeft + index * (cellWidth + gutter);
    const valueTop = write(canvas, styles.smallLabel, cell.label, left, top + 6, { width: cellWidth }) + 2;
    // A blank box on a form reads as "not filled in yet"; the dash says "nothing given".
    write(canvas, valueStyle, cell.value.trim() === '' ? '—' : cell.value, left, valueTop, { width: cellWidth });
  });
  canvas.doc.y = top + rowHeight;
}

function stateName(state: FormalDocument['requestedState'], language: string): string {
  const name = textIn(state.name, language);
  return name === '' ? state.code : `${name} (${state.code})`;
}

function drawParties(canvas: Canvas, input: HeaderInput): void {
  const { document, language, template } = input;
  drawCellRow(
    canvas,
    [
      { label: template.labels.requestingState, value: stateName(document.requestingState, language) },
      { label: template.labels.requestedState, value: stateName(document.requestedState, language) },
    ],
    styles.partyValue,
  );
  drawCellRow(
    canvas,
    [
      { label: template.labels.issuedAt, value: formatUtc(input.issuedAt) },
      { label: template.labels.issuingAuthority, value: input.document.issuingAuthority },
    ],
    styles.plainValue,
  );
  horizontalRule(canvas, canvas.doc.y);
}

/** Digest and key in full, in a monospaced face, so a reader can compare them character by character. */
function drawRecordPanel(canvas: Canvas, input: HeaderInput, top: number): number {
  const padding = 8;
  const innerWidth = contentWidth - 2 * padding;
  const rows: readonly Cell[] = [
    { label: input.template.labels.canonicalDigest, value: input.document.canonicalDigest },
    { label: input.template.labels.signingKey, value: input.document.signingKeyFingerprint },
  ];
  const height =
    rows.reduce(
      (sum, row) =>
        sum +
        heightOf(canvas, styles.smallLabel, row.label, innerWidth) +
        1 +
        heightOf(canvas, styles.code, row.value, innerWidth),
      0,
    ) +
    4 * (rows.length - 1) +
    2 * padding;
  canvas.doc.y = top;
  const panelTop = ensureSpace(canvas, height);
  canvas.doc.save().rect(contentLeft, panelTop, contentWidth, height).fill(palette.panel).restore();
  let y = panelTop + padding;
  for (const row of rows) {
    y = write(canvas, styles.smallLabel, row.label, contentLeft + padding, y, { width: innerWidth }) + 1;
    y = write(canvas, styles.code, row.value, contentLeft + padding, y, { width: innerWidth }) + 4;
  }
  return panelTop + height;
}

/** Draws the header from the current y: the top of a page, or below the previous language version. */
export function drawDocumentHeader(canvas: Canvas, input: HeaderInput): void {
  const top = canvas.doc.y;
  const titleWidth = input.qr === undefined ? contentWidth : contentWidth - qrColumnWidth - gutter;
  let bottom = drawTitleBlock(canvas, input, titleWidth, top);
  if (input.qr !== undefined) {
    bottom = Math.max(bottom, drawVerificationCode(canvas, input.qr, input.template.labels.verificationCaption, top));
  }
  bottom += 12;
  if (input.document.emergency) bottom = drawEmergencyBanner(canvas, input.template, bottom) + 12;
  canvas.doc.y = bottom;
  drawParties(canvas, input);
  canvas.doc.y = drawRecordPanel(canvas, input, canvas.doc.y + 12) + 18;
}
