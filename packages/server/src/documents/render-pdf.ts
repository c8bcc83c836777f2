import { DomainError } from '@hanoi247/core';
import PDFDocument from 'pdfkit';
import { drawDocumentHeader, type HeaderInput } from './document-header.js';
import { loadFonts, registerFonts } from './fonts.js';
import {
  textIn,
  type FormalDocument,
  type FormalDocumentField,
  type FormalDocumentSection,
} from './formal-document.js';
import {
  bottomLimit,
  contentLeft,
  contentWidth,
  ensureSpace,
  heightOf,
  horizontalRule,
  page,
  palette,
  styles,
  widthOf,
  write,
  type Canvas,
  type TextStyle,
} from './layout.js';
import { drawPageFurniture, type PageInfo } from './page-furniture.js';
import { qrMatrix } from './qr.js';
import {
  documentTemplates,
  stateLanguages,
  templateFor,
  type DocumentTemplate,
  type DocumentTemplates,
} from './templates.js';

/**
 * Renders a formal document (the paper form of a request or response) as an A4 PDF: one
 * complete rendering per language, the requested State's language first, then English.
 * The output depends only on the input: the creation date is `issuedAt` and pdfkit derives
 * the file ID from the metadata, so the same document always gives the same bytes.
 */
export interface RenderOptions {
  /** Overrides the default order (requested State's language, then English). */
  readonly languages?: readonly string[];
  /** Wording per kind and language; the shipped templates by default. */
  readonly templates?: DocumentTemplates;
}

export function defaultLanguages(document: FormalDocument): readonly string[] {
  const own = stateLanguages[document.requestedState.code.toUpperCase()] ?? 'en';
  return own === 'en' ? ['en'] : [own, 'en'];
}

interface Part {
  readonly language: string;
  readonly template: DocumentTemplate;
}

function resolveParts(document: FormalDocument, options: RenderOptions): readonly Part[] {
  const languages = [...new Set(options.languages ?? defaultLanguages(document))];
  if (languages.length === 0) {
    throw new DomainError('request/validation-failed', 'at least one language is needed', {
      issues: [{ path: '/languages', message: 'is empty' }],
    });
  }
  return languages.map((language, index) => {
    const template = templateFor(document.kind, language, options.templates ?? documentTemplates);
    if (template === undefined) {
      throw new DomainError('request/validation-failed', `no ${document.kind} template in language "${language}"`, {
        issues: [{ path: `/languages/${index}`, message: 'has no template' }],
      });
    }
    return { language, template };
  });
}

function parseIssuedAt(issuedAt: string): Date {
  const instant = new Date(issuedAt);
  if (Number.isNaN(instant.getTime())) {
    throw new DomainError('request/validation-failed', 'issuedAt is not an ISO-8601 date', {
      issues: [{ path: '/issuedAt', message: 'is not a date' }],
    });
  }
  return instant;
}

/** Lines of value kept with their label, so no label ends a page without its value. */
const keepWithLabelLines = 2;
const emptyValueMark = '—';
// DejaVu Sans ascent per em: shifting the smaller text down by the difference in ascent puts
// the legal source on the label's baseline.
const ascentPerEm = 0.928;

/** The label, with its legal source after it on the same line when both fit, else below it. */
function drawFieldLabel(canvas: Canvas, label: string, source: string, top: number): void {
  const labelBottom = write(canvas, styles.fieldLabel, label, contentLeft, top, { width: contentWidth });
  if (source === '') return;
  const gap = 8;
  const labelWidth = widthOf(canvas, styles.fieldLabel, label);
  const sourceWidth = widthOf(canvas, styles.legalSource, source) + 1;
  if (labelWidth + gap + sourceWidth <= contentWidth) {
    const shift = (styles.fieldLabel.size - styles.legalSource.size) * ascentPerEm;
    write(canvas, styles.legalSource, source, contentLeft + labelWidth + gap, top + shift, {
      width: sourceWidth,
      lineBreak: false,
    });
    canvas.doc.y = labelBottom;
  } else {
    write(canvas, styles.legalSource, source, contentLeft, labelBottom + 1, { width: contentWidth });
  }
}

interface FieldLayout {
  readonly label: string;
  readonly source: string;
  readonly value: string;
  readonly valueStyle: TextStyle;
  readonly labelHeight: number;
  readonly valueHeight: number;
}

function layoutField(canvas: Canvas, field: FormalDocumentField, language: string): FieldLayout {
  const label = textIn(field.label, language);
  const source = textIn(field.legalSource ?? '', language).trim();
  const given = textIn(field.value, language);
  const value = given.trim() === '' ? emptyValueMark : given;
  const valueStyle: TextStyle = value === emptyValueMark ? styles.emptyValue : styles.fieldValue;
  const labelHeight =
    heightOf(canvas, styles.fieldLabel, label, contentWidth) +
    (source === '' ? 0 : heightOf(canvas, styles.legalSource, source, contentWidth));
  const valueHeight = heightOf(canvas, valueStyle, value, contentWidth);
  return { label, source, value, valueStyle, labelHeight, valueHeight };
}

const fieldGap = { afterLabel: 3, afterValue: 9 } as const;

function drawField(canvas: Canvas, field: FormalDocumentField, language: string): void {
  const { label, source, value, valueStyle, labelHeight, valueHeight } = layoutField(canvas, field, language);
  const valueLine = valueStyle.size * 1.2 + (valueStyle.lineGap ?? 0);
  drawFieldLabel(
    canvas,
    label,
    source,
    ensureSpace(canvas, labelHeight + fieldGap.afterLabel + Math.min(valueHeight, keepWithLabelLines * valueLine)),
  );
  // A value may run over several pages; pdfkit continues it at the top margin by itself.
  write(canvas, valueStyle, value, contentLeft, canvas.doc.y + fieldGap.afterLabel, { width: contentWidth });
  canvas.doc.y += fieldGap.afterValue;
}

/**
 * A section no taller than this is never split: a short block such as the signatory's reads as
 * one piece, and moving it whole costs at most this much blank space at the foot of a page.
 */
const keepTogetherUpTo = 160;

function sectionHeight(
  canvas: Canvas,
  section: FormalDocumentSection,
  language: string,
  headingHeight: number,
): number {
  const fields = section.fields
    .map((field) => layoutField(canvas, field, language))
    .reduce((sum, f) => sum + f.labelHeight + fieldGap.afterLabel + f.valueHeight + fieldGap.afterValue, 0);
  const note =
    section.note === undefined ? 0 : heightOf(canvas, styles.legalSource, textIn(section.note, language), contentWidth);
  return headingHeight + 10 + fields + note;
}

function drawSection(canvas: Canvas, section: FormalDocumentSection, language: string): void {
  const heading = textIn(section.heading, language);
  const headingHeight = heightOf(canvas, styles.sectionHeading, heading, contentWidth - 10);
  const whole = sectionHeight(canvas, section, language, headingHeight);
  const top = ensureSpace(canvas, whole <= keepTogetherUpTo ? whole : headingHeight + 60);
  if (heading.trim() !== '') canvas.doc.save().rect(contentLeft, top, 3, headingHeight).fill(palette.accent).restore();
  const bottom = write(canvas, styles.sectionHeading, heading, contentLeft + 10, top, { width: contentWidth - 10 });
  horizontalRule(canvas, bottom + 3);
  canvas.doc.y = bottom + 10;
  for (const field of section.fields) drawField(canvas, field, language);
  if (section.note !== undefined) {
    const note = textIn(section.note, language);
    write(
      canvas,
      styles.legalSource,
      note,
      contentLeft,
      ensureSpace(canvas, heightOf(canvas, styles.legalSource, note, contentWidth)),
      {
        width: contentWidth,
      },
    );
  }
  canvas.doc.y += 8;
}

/**
 * The height of a language version's header, measured by drawing it on a scratch page: an
 * estimate would either leave a header alone at the foot of a page or waste the room.
 */
function headerHeight(canvas: Canvas, header: HeaderInput): number {
  const scratch = new PDFDocument({ size: 'A4', margins: page.margins });
  registerFonts(scratch, canvas.fonts);
  drawDocumentHeader({ doc: scratch, fonts: canvas.fonts }, header);
  return scratch.y - page.margins.top;
}

/** Room for a section heading and its first lines, as `drawSection` keeps them together. */
const firstSectionOpening = 80;
const gapBetweenVersions = 24;

/**
 * Starts the next language version below the previous one, after a strong rule, when its header
 * and the start of its first section fit: a page break per language left the foot of each version
 * on a page of its own, mostly empty.
 */
function continuesOnSamePage(canvas: Canvas, header: HeaderInput): boolean {
  const needed = gapBetweenVersions + headerHeight(canvas, header) + firstSectionOpening;
  if (canvas.doc.y + needed > bottomLimit()) return false;
  horizontalRule(canvas, canvas.doc.y + gapBetweenVersions / 2 - 4, palette.accent, 1.2);
  canvas.doc.y += gapBetweenVersions;
  return true;
}

function pdfMetadata(document: FormalDocument, firstLanguage: string, issuedAt: Date): PDFKit.DocumentInfo {
  return {
    Title: `${textIn(document.title, firstLanguage)} — ${document.reference}`.normalize('NFC'),
    Subject: document.reference,
    Author: document.issuingAuthority.normalize('NFC'),
    Keywords: `${document.reference} sha256:${document.canonicalDigest}`,
    Creator: 'hanoi247',
    Producer: 'hanoi247 (PDFKit)',
    CreationDate: issuedAt,
    ModDate: issuedAt,
  };
}

export async function renderFormalDocumentPdf(document: FormalDocument, options: RenderOptions = {}): Promise<Buffer> {
  const parts = resolveParts(document, options);
  const issuedAt = parseIssuedAt(document.issuedAt);
  const qr = qrMatrix(document.verificationUri);
  const fonts = await loadFonts();
  const first = parts[0];
  if (first === undefined) throw new DomainError('bug/invariant-violated', 'no language to render');

  const doc = new PDFDocument({
    size: 'A4',
    margins: page.margins,
    autoFirstPage: false,
    bufferPages: true,
    pdfVersion: '1.7',
    lang: first.language,
    displayTitle: true,
    info: pdfMetadata(document, first.language, issuedAt),
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  registerFonts(doc, fonts);
  const canvas: Canvas = { doc, fonts };

  // pdfkit adds pages by itself when a value overflows; each new page belongs to the
  // language being drawn at that moment, which the footer needs later.
  const pages: PageInfo[] = [];
  let current: Part = first;
  let startingPart = false;
  doc.on('pageAdded', () => {
    pages.push({ language: current.language, template: current.template, startsPart: startingPart });
    startingPart = false;
  });

  parts.forEach((part, index) => {
    current = part;
    const header: HeaderInput = {
      document,
      language: part.language,
      template: part.template,
      issuedAt,
      ...(index === 0 ? { qr } : {}),
    };
    if (index === 0 || !continuesOnSamePage(canvas, header)) {
      startingPart = true;
      doc.addPage();
    }
    drawDocumentHeader(canvas, header);
    for (const section of document.sections) drawSection(canvas, section, part.language);
  });

  drawPageFurniture(canvas, document, pages);
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}
