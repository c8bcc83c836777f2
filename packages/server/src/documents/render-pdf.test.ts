import { createCanvas } from '@napi-rs/canvas';
import { DomainError } from '@hanoi247/core';
import jsQR from 'jsqr';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FormalDocument, FormalDocumentField } from './formal-document.js';
import { defaultLanguages, renderFormalDocumentPdf } from './render-pdf.js';
import { termIn } from './templates.js';

const digest = 'a3f1c2d4e5b60718293a4b5c6d7e8f90112233445566778899aabbccddeeff00';
const fingerprint = 'SHA256:q3x8S0Jm3nGZ0tS2a0D7Lk1uQw1y8j0s9bY5cV7pX2E';
const verificationUri = `hanoi247:verify?ref=AU-2026-000042&digest=${digest}&key=${fingerprint}`;
const script = '<script>alert(1)</script>';
const narrative = Array.from(
  { length: 30 },
  (_, index) =>
    `Đoạn ${index + 1}: tài khoản thư điện tử của nạn nhân bị truy cập trái phép từ địa chỉ IP 203.0.113.${index}; ` +
    'dữ liệu bị chuyển ra máy chủ ở nước ngoài. The suspect used the account to send phishing messages.',
)
  .join(' ')
  .slice(0, 5000);

function preservationRequest(
  overrides: Partial<FormalDocument> = {},
  extraFields: readonly FormalDocumentField[] = [],
): FormalDocument {
  return {
    kind: 'request',
    title: termIn('request', 'expeditedPreservation'),
    reference: 'AU-2026-000042',
    requestingState: { code: 'AU', name: { en: 'Australia', vi: 'Ô-xtrây-li-a', fr: 'Australie' } },
    requestedState: { code: 'VN', name: { en: 'Viet Nam', vi: 'Việt Nam', fr: 'Viet Nam' } },
    emergency: false,
    issuedAt: '2026-03-14T09:30:00Z',
    issuingAuthority: 'Australian Federal Police — 24/7 point of contact',
    sections: [
      {
        heading: { en: 'Data to be preserved', vi: 'Bảo toàn khẩn cấp dữ liệu' },
        fields: [
          {
            label: { en: 'Account holder', vi: 'Chủ tài khoản' },
            value: 'Nguyễn Thị Ánh',
            legalSource: 'UN Convention art. 42(2)(c)',
          },
          { label: { en: 'Service provider', vi: 'Nhà cung cấp dịch vụ' }, value: 'Công ty Viễn thông Đông Dương' },
          { label: termIn('request', 'deadline'), value: '90 ngày' },
          { label: { en: 'Note', vi: 'Ghi chú' }, value: script },
          ...extraFields,
        ],
      },
      {
        heading: { en: 'Summary of the facts', vi: 'Tóm tắt sự việc' },
        fields: [{ label: { en: 'Narrative', vi: 'Tường thuật' }, value: narrative }],
      },
    ],
    signingKeyFingerprint: fingerprint,
    canonicalDigest: digest,
    verificationUri,
    ...overrides,
  };
}

async function openPdf(bytes: Buffer): Promise<PDFDocumentProxy> {
  // pdfjs takes ownership of the array it is given; hand it a copy.
  return getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise;
}

/** The text of each page, whitespace collapsed, as a reader copying it would get it. */
async function pageTexts(bytes: Buffer): Promise<string[]> {
  const pdf = await openPdf(bytes);
  const pages: string[] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const content = await (await pdf.getPage(number)).getTextContent();
    const text = content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
    pages.push(text.replace(/\s+/g, ' '));
  }
  await pdf.destroy();
  return pages;
}

/** Rasterises a page and reads any QR code on it, as a phone would from the printout. */
async function decodeQr(bytes: Buffer, pageNumber: number): Promise<string | undefined> {
  const pdf = await openPdf(bytes);
  const page = await pdf.getPage(pageNumber);
  const viewport = page.getViewport({ scale: 3 });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  // pdfjs is typed for the DOM canvas, absent from this project's libs; @napi-rs/canvas
  // implements the part pdfjs uses.
  await page.render({ canvas: canvas as never, viewport }).promise;
  const image = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  await pdf.destroy();
  // jsqr is CommonJS with a `default` property, which is what TypeScript sees from ESM.
  return jsQR.default(new Uint8ClampedArray(image.data.buffer), image.width, image.height)?.data;
}

describe('renderFormalDocumentPdf, Vietnamese and English', () => {
  let pdf: Buffer;
  let pages: string[];
  const all = (): string => pages.join('\n');

  beforeAll(async () => {
    pdf = await renderFormalDocumentPdf(preservationRequest());
    pages = await pageTexts(pdf);
  });

  it('is a PDF whose text carries the reference, fingerprint, digest and Vietnamese diacritics', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    for (const expected of [
      'AU-2026-000042',
      fingerprint,
      digest,
      'Bảo toàn khẩn cấp dữ liệu',
      'Nguyễn Thị Ánh',
      'Công ty Viễn thông Đông Dương',
      'Yêu cầu bảo toàn khẩn cấp dữ liệu điện tử được lưu trữ',
      'Request for expedited preservation of stored electronic data',
      'UN Convention art. 42(2)(c)',
      '2026-03-14 09:30 UTC',
    ]) {
      expect(all()).toContain(expected);
    }
  });

  it('renders the whole document in Vietnamese first, then again in English', () => {
    const firstEnglish = pages.findIndex((text) => text.includes('Requested State'));
    expect(firstEnglish).toBeGreaterThan(0);
    const vietnamese = pages.slice(0, firstEnglish).join(' ');
    const english = pages.slice(firstEnglish).join(' ');
    for (const label of [
      'Quốc gia yêu cầu',
      'Quốc gia được yêu cầu',
      'Chủ tài khoản',
      'Thời hạn',
      'Tường thuật',
      'Việt Nam (VN)',
    ]) {
      expect(vietnamese).toContain(label);
      expect(english).not.toContain(label);
    }
    for (const label of ['Requesting State', 'Account holder', 'Deadline', 'Narrative', 'Viet Nam (VN)']) {
      expect(english).toContain(label);
    }
    // Values are printed as given in both renderings.
    expect(english).toContain('Nguyễn Thị Ánh');
  });

  it('breaks a 5000-character narrative over pages, each language on more than one page', () => {
    expect(narrative).toHaveLength(5000);
    expect(pages.length).toBeGreaterThan(2);
    expect(pages.filter((text) => text.includes('Trang ')).length).toBeGreaterThan(1);
    expect(pages.filter((text) => text.includes('Page ')).length).toBeGreaterThan(1);
    expect(all()).toContain(narrative.split(' ').slice(-6).join(' '));
  });

  it('prints the reference, page X of Y and the signing key on every page', () => {
    pages.forEach((text, index) => {
      const numbering = [`Trang ${index + 1}/${pages.length}`, `Page ${index + 1} of ${pages.length}`];
      expect(text).toContain('AU-2026-000042');
      expect(text).toContain(fingerprint);
      expect(numbering.some((candidate) => text.includes(candidate))).toBe(true);
    });
  });

  it('prints free text literally', () => {
    expect(all()).toContain(script);
  });

  it('puts on page 1 a QR code that decodes to the verification URI, and nowhere else', async () => {
    expect(await decodeQr(pdf, 1)).toBe(verificationUri);
    const firstEnglish = pages.findIndex((text) => text.includes('Requested State'));
    expect(await decodeQr(pdf, firstEnglish + 1)).toBeUndefined();
    expect(pages[0]).toContain('Mã này gắn bản giấy với hồ sơ điện tử đã ký');
  });

  it('records the metadata and gives the same bytes for the same input', async () => {
    const again = await renderFormalDocumentPdf(preservationRequest());
    expect(again.equals(pdf)).toBe(true);
    const document = await openPdf(pdf);
    const info = (await document.getMetadata()).info as Record<string, unknown>;
    await document.destroy();
    expect(info['CreationDate']).toMatch(/^D:20260314093000Z/);
    expect(info['Subject']).toBe('AU-2026-000042');
    expect(info['Title']).toContain('Yêu cầu bảo toàn khẩn cấp');
    const later = await renderFormalDocumentPdf(preservationRequest({ issuedAt: '2026-03-15T00:00:00Z' }));
    expect(later.equals(pdf)).toBe(false);
  });
});

describe('renderFormalDocumentPdf, variations', () => {
  it('prints the emergency banner only for an emergency', async () => {
    const calm = (await pageTexts(await renderFormalDocumentPdf(preservationRequest({ emergency: false })))).join(' ');
    const urgent = (await pageTexts(await renderFormalDocumentPdf(preservationRequest({ emergency: true })))).join(' ');
    for (const banner of ['KHẨN CẤP', 'EMERGENCY', 'Emergency request: please act on it at once']) {
      expect(calm).not.toContain(banner);
      expect(urgent).toContain(banner);
    }
  });

  it('renders English only when the requested State works in English', async () => {
    const document = preservationRequest({ requestedState: { code: 'GB', name: { en: 'United Kingdom' } } });
    expect(defaultLanguages(document)).toEqual(['en']);
    const text = (await pageTexts(await renderFormalDocumentPdf(document))).join(' ');
    expect(text).toContain('United Kingdom (GB)');
    expect(text).not.toContain('Quốc gia');
    expect(text).not.toContain('Trang ');
  });

  it('follows the languages asked for, in that order', async () => {
    const pages = await pageTexts(await renderFormalDocumentPdf(preservationRequest(), { languages: ['fr', 'en'] }));
    expect(pages[0]).toContain('État requis');
    expect(pages[0]).toContain('Demande de conservation rapide de données électroniques stockées');
    expect(pages[0]).toContain(`Page 1 sur ${pages.length}`);
    expect(pages.join(' ')).toContain('Requested State');
    expect(pages.join(' ')).not.toContain('Quốc gia');
  });

  it('renders a response with the response template', async () => {
    const response = preservationRequest({
      kind: 'response',
      title: { en: 'Response: data preserved', vi: 'Trả lời: dữ liệu đã được bảo toàn' },
    });
    const text = (await pageTexts(await renderFormalDocumentPdf(response))).join(' ');
    expect(text).toContain('Trả lời yêu cầu hợp tác quốc tế');
    expect(text).toContain('Response to a request for international cooperation');
  });

  it('survives hostile and awkward text without losing what it can print', async () => {
    const longWord = 'Z9'.repeat(250);
    const fields: FormalDocumentField[] = [
      { label: { en: 'Long word', vi: 'Từ dài' }, value: longWord },
      { label: { en: 'Empty', vi: 'Trống' }, value: '' },
      { label: {}, value: '   ' },
      { label: { en: 'Scripts', vi: 'Chữ viết' }, value: 'שלום עולם مرحبا 中文 🦀 \u0000\u0007 a\u200Bb e\u0301' },
    ];
    const pdf = await renderFormalDocumentPdf(
      preservationRequest({ issuingAuthority: '', reference: 'AU-2026-000043' }, fields),
    );
    const text = (await pageTexts(pdf)).join(' ');
    expect(text.replace(/\s+/g, '')).toContain(longWord);
    expect(text).toContain('\uFFFD');
    expect(text).toContain('ab é');
    expect(text).toContain('—');
    expect(text).toContain(script);
  });

  it('refuses a language it has no template for, and an unreadable date', async () => {
    await expect(renderFormalDocumentPdf(preservationRequest(), { languages: ['de'] })).rejects.toMatchObject({
      code: 'request/validation-failed',
    });
    await expect(renderFormalDocumentPdf(preservationRequest(), { languages: [] })).rejects.toBeInstanceOf(DomainError);
    await expect(renderFormalDocumentPdf(preservationRequest({ issuedAt: 'yesterday' }))).rejects.toMatchObject({
      code: 'request/validation-failed',
    });
  });
});
