import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { page } from './layout.js';

/**
 * How far down each page the body text reaches, as a share of the body's height (0 to 1). The
 * running header and the footer sit in the margins and are left out, so a page that carries only
 * a few lines of body reads as nearly empty however much furniture it has.
 */
export async function bodyFillPerPage(bytes: Buffer | Uint8Array): Promise<number[]> {
  const document = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise;
  // pdfjs measures y upwards from the foot of the page.
  const bodyTop = page.height - page.margins.top;
  const bodyBottom = page.margins.bottom;
  const fills: number[] = [];
  for (let n = 1; n <= document.numPages; n += 1) {
    const content = await (await document.getPage(n)).getTextContent();
    const baselines = content.items
      .map((item) => ('transform' in item && item.str.trim() !== '' ? (item.transform as number[])[5] : undefined))
      .filter((y): y is number => y !== undefined && y < bodyTop && y > bodyBottom);
    const lowest = Math.min(bodyTop, ...baselines);
    fills.push((bodyTop - lowest) / (bodyTop - bodyBottom));
  }
  await document.destroy();
  return fills;
}
