import { DomainError } from '@hanoi247/core';
import QRCode, { type BitMatrix } from 'qrcode';

/**
 * The QR code on page 1 carries the verification URI, tying the paper to the signed
 * electronic record. It is drawn as vector rectangles so it stays sharp at any print or
 * scan resolution and needs no image decoding.
 */
export interface QrMatrix {
  /** Modules per side, without the quiet zone: 17 + 4 × version. */
  readonly size: number;
  /** Row-major: dark[row][column]. */
  readonly dark: readonly (readonly boolean[])[];
}

/** The blank margin readers need around the symbol, in modules (ISO/IEC 18004). */
export const quietZoneModules = 4;

export function qrMatrix(text: string): QrMatrix {
  let modules: BitMatrix;
  try {
    // Level M survives a fold, a stamp or a coffee ring yet keeps the modules large enough
    // for a phone camera at the printed size.
    modules = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
  } catch (cause) {
    throw new DomainError('bug/invariant-violated', 'the verification URI does not fit in a QR code', { cause });
  }
  const dark: boolean[][] = [];
  for (let row = 0; row < modules.size; row += 1) {
    const line: boolean[] = [];
    for (let column = 0; column < modules.size; column += 1) line.push(modules.get(row, column) !== 0);
    dark.push(line);
  }
  return { size: modules.size, dark };
}

/**
 * Draws the symbol with its quiet zone in a square of `side` points at (x, y). Adjacent dark
 * modules of a row are merged into one rectangle: fewer operators, and no hairline seams
 * between modules when a viewer anti-aliases.
 */
export function drawQrCode(document: PDFKit.PDFDocument, matrix: QrMatrix, x: number, y: number, side: number): void {
  const modulesPerSide = matrix.size + 2 * quietZoneModules;
  const module = side / modulesPerSide;
  document.save();
  document.rect(x, y, side, side).fill('#ffffff');
  matrix.dark.forEach((line, row) => {
    let column = 0;
    while (column < line.length) {
      if (!line[column]) {
        column += 1;
        continue;
      }
      const start = column;
      while (column < line.length && line[column]) column += 1;
      document.rect(
        x + (quietZoneModules + start) * module,
        y + (quietZoneModules + row) * module,
        (column - start) * module,
        module,
      );
    }
  });
  document.fill('#000000');
  document.restore();
}
