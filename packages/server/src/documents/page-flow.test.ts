import { describe, expect, it } from 'vitest';
import type { FormalDocument } from './formal-document.js';
import { bodyFillPerPage } from './page-fill.fixtures.js';
import { extractPdfPages } from './pdf-text.fixtures.js';
import { renderFormalDocumentPdf } from './render-pdf.js';
import { termIn } from './templates.js';

/** Below this share of its body height a page that is not the last reads as mostly empty. */
const leastFill = 0.4;

/** A request whose Vietnamese version runs a couple of fields onto its second page. */
function spillingRequest(fieldCount: number): FormalDocument {
  return {
    kind: 'request',
    title: termIn('request', 'expeditedPreservation'),
    reference: 'AU-2026-000077',
    requestingState: { code: 'AU', name: { en: 'Australia', vi: 'Ô-xtrây-li-a' } },
    requestedState: { code: 'VN', name: { en: 'Viet Nam', vi: 'Việt Nam' } },
    emergency: false,
    issuedAt: '2026-03-14T09:30:00Z',
    issuingAuthority: 'Australian Federal Police',
    sections: [
      {
        heading: { en: 'Data to be preserved', vi: 'Dữ liệu cần bảo toàn' },
        fields: Array.from({ length: fieldCount }, (_, index) => ({
          label: { en: `Identifier ${index + 1}`, vi: `Định danh ${index + 1}` },
          value: `account-${index + 1}@example.net`,
        })),
      },
    ],
    signingKeyFingerprint: 'SHA256:q3x8S0Jm3nGZ0tS2a0D7Lk1uQw1y8j0s9bY5cV7pX2E',
    canonicalDigest: 'a3f1c2d4e5b60718293a4b5c6d7e8f90112233445566778899aabbccddeeff00',
    verificationUri: 'hanoi247:verify?ref=AU-2026-000077',
  };
}

describe('pages of a formal document', () => {
  it('starts the next language version on the page where the previous one ends when it fits', async () => {
    const bytes = await renderFormalDocumentPdf(spillingRequest(12), { languages: ['vi', 'en'] });
    const pages = await extractPdfPages(bytes);
    const fills = await bodyFillPerPage(bytes);
    // The Vietnamese version's last identifiers and the English header share the second page.
    expect(pages[1]).toContain('Định danh 12');
    expect(pages[1]).toContain('English version');
    expect(pages[1]).toContain('Identifier 1 ');
    // Measured as how far down the body the text reaches, so a page with a few lines at its top
    // fails whatever its header and footer carry; the last page may be as short as it needs.
    for (const fill of fills.slice(0, -1)) expect(fill).toBeGreaterThanOrEqual(leastFill);
    expect(pages).toHaveLength(3);
  });

  it('starts it on a new page when its header would not fit below the previous one', async () => {
    const pages = await extractPdfPages(
      await renderFormalDocumentPdf(spillingRequest(24), { languages: ['vi', 'en'] }),
    );
    const englishStart = pages.findIndex((text) => text.includes('Identifier 1 '));
    expect(pages[englishStart]).toContain('Request for expedited preservation');
    expect(pages[englishStart - 1]).toContain('Định danh 24');
    // Had it started below, its header would sit at the foot with no field after it.
    expect(pages[englishStart - 1]).not.toContain('English version');
  });
});
