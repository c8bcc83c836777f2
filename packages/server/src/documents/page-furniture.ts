import { invariant } from '@hanoi247/core';
import { textIn, type FormalDocument } from './formal-document.js';
import {
  append,
  contentLeft,
  contentRight,
  contentWidth,
  fill,
  horizontalRule,
  page,
  palette,
  styles,
  write,
  type Canvas,
} from './layout.js';
import type { DocumentTemplate } from './templates.js';

/**
 * What every page carries once the body is laid out and the page count is known: the
 * reference, "page X of Y" and the signing-key fingerprint at the foot, so a single sheet
 * separated from the rest still says what it belongs to; and, on continuation pages, a
 * running header with the title (and the emergency word when there is one).
 */
export interface PageInfo {
  readonly language: string;
  readonly template: DocumentTemplate;
  /** The first page of a language's rendering has the full header instead of a running one. */
  readonly startsPart: boolean;
}

const pageNumberWidth = 110;
const footerStrong = { ...styles.footer, font: 'bold', color: palette.ink } as const;

function drawFooter(
  canvas: Canvas,
  document: FormalDocument,
  info: PageInfo,
  pageNumber: number,
  pageCount: number,
): void {
  const top = page.height - page.margins.bottom + 16;
  const width = contentWidth - pageNumberWidth - 12;
  horizontalRule(canvas, top - 6);
  const labels = info.template.labels;
  write(canvas, styles.footer, `${labels.reference}: `, contentLeft, top, { width, continued: true });
  append(canvas, footerStrong, document.reference);
  write(canvas, styles.footer, `${labels.signingKey}: `, contentLeft, canvas.doc.y + 2, { width, continued: true });
  append(canvas, styles.footerCode, document.signingKeyFingerprint);
  write(
    canvas,
    footerStrong,
    fill(labels.pageOf, { page: pageNumber, pages: pageCount }),
    contentRight - pageNumberWidth,
    top,
    {
      width: pageNumberWidth,
      align: 'right',
    },
  );
}

function drawRunningHeader(canvas: Canvas, document: FormalDocument, info: PageInfo): void {
  const top = 34;
  const versionWidth = 120;
  const titleWidth = contentWidth - versionWidth - 12;
  const oneLine = { width: titleWidth, height: styles.footer.size * 1.3, ellipsis: true } as const;
  const title = `${textIn(document.title, info.language)} — ${document.reference}`;
  if (document.emergency) {
    write(
      canvas,
      { ...footerStrong, color: palette.emergency },
      `${info.template.labels.emergency} · `,
      contentLeft,
      top,
      {
        ...oneLine,
        continued: true,
      },
    );
    append(canvas, styles.footer, title, oneLine);
  } else {
    write(canvas, styles.footer, title, contentLeft, top, oneLine);
  }
  write(canvas, styles.footer, info.template.labels.languageVersion, contentRight - versionWidth, top, {
    width: versionWidth,
    align: 'right',
  });
  horizontalRule(canvas, top + 12);
}

export function drawPageFurniture(canvas: Canvas, document: FormalDocument, pages: readonly PageInfo[]): void {
  const range = canvas.doc.bufferedPageRange();
  invariant(range.count === pages.length, 'every page has a recorded language');
  pages.forEach((info, index) => {
    canvas.doc.switchToPage(range.start + index);
    const margins = canvas.doc.page.margins;
    const { top, bottom } = margins;
    // Text drawn inside the margins would otherwise make pdfkit start yet another page.
    margins.top = 0;
    margins.bottom = 0;
    drawFooter(canvas, document, info, index + 1, pages.length);
    if (!info.startsPart) drawRunningHeader(canvas, document, info);
    margins.top = top;
    margins.bottom = bottom;
  });
}
