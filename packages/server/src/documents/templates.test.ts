import { describe, expect, it } from 'vitest';
import { documentTemplates, templateFor, termIn, termKeys } from './templates.js';

const kinds = ['request', 'response'] as const;
const languages = ['en', 'vi', 'fr'] as const;

describe('document templates', () => {
  it('has every label and term, non-empty, for each kind and language', () => {
    const labelKeys = Object.keys(documentTemplates.request.en.labels).sort();
    for (const kind of kinds) {
      for (const language of languages) {
        const template = templateFor(kind, language);
        expect(template).toBeDefined();
        expect(Object.keys(template!.labels).sort()).toEqual(labelKeys);
        const labels: Readonly<Record<string, string>> = { ...template!.labels };
        for (const text of [template!.framework, template!.heading, ...Object.values(labels)]) {
          expect(text.trim()).not.toBe('');
        }
        for (const key of termKeys) expect(template!.terms[key].trim()).not.toBe('');
        expect(template!.labels.pageOf).toMatch(/\{page\}.*\{pages\}/);
      }
    }
  });

  it('uses the agreed Vietnamese legal vocabulary', () => {
    const vi = documentTemplates.request.vi.terms;
    expect(vi.mutualLegalAssistanceRequest.toLowerCase()).toContain('yêu cầu tương trợ tư pháp');
    expect(vi.expeditedPreservation.toLowerCase()).toContain('bảo toàn khẩn cấp dữ liệu điện tử được lưu trữ');
    expect(vi.requestingState.toLowerCase()).toBe('quốc gia yêu cầu');
    expect(vi.requestedState.toLowerCase()).toBe('quốc gia được yêu cầu');
    expect(vi.emergency.toLowerCase()).toBe('khẩn cấp');
    expect(vi.deadline.toLowerCase()).toBe('thời hạn');
    expect(vi.groundsForRefusal.toLowerCase()).toBe('căn cứ từ chối');
    expect(vi.conditionsOfUse.toLowerCase()).toBe('điều kiện sử dụng');
    expect(documentTemplates.request.en.terms.expeditedPreservation).toBe(
      'Request for expedited preservation of stored electronic data',
    );
  });

  it('gives a term in every language as a ready-made label', () => {
    expect(termIn('response', 'groundsForRefusal')).toEqual({
      en: 'Grounds for refusal',
      vi: 'Căn cứ từ chối',
      fr: 'Motifs de refus',
    });
  });

  it('has no template for a language nobody translated', () => {
    expect(templateFor('request', 'de')).toBeUndefined();
  });
});
