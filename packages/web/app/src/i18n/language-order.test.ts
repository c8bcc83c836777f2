import { describe, expect, it } from 'vitest';
import { resolveLanguage, supportedLanguageOf } from './language-order.js';

describe('the language the app opens in', () => {
  it('is the user\u2019s saved choice above all', () => {
    expect(resolveLanguage({ saved: 'vi', nodeDefault: 'en', browser: ['en-GB'] })).toBe('vi');
    expect(resolveLanguage({ saved: 'en', nodeDefault: 'vi', browser: ['vi-VN'] })).toBe('en');
  });

  it('is then the node\u2019s default, above the browser', () => {
    expect(resolveLanguage({ saved: null, nodeDefault: 'en', browser: ['vi-VN', 'vi'] })).toBe('en');
    expect(resolveLanguage({ saved: null, nodeDefault: 'vi', browser: ['en-SG'] })).toBe('vi');
  });

  it('is then the browser\u2019s first language the app has', () => {
    expect(resolveLanguage({ saved: null, nodeDefault: null, browser: ['fr-FR', 'en-GB', 'vi'] })).toBe('en');
    expect(resolveLanguage({ saved: null, nodeDefault: null, browser: ['vi-VN'] })).toBe('vi');
  });

  it('is Vietnamese when nothing else says', () => {
    expect(resolveLanguage({ saved: null, nodeDefault: null, browser: ['fr-FR', 'de'] })).toBe('vi');
    expect(resolveLanguage({ saved: null, nodeDefault: null, browser: [] })).toBe('vi');
  });

  it('reads a language tag by its language, and a malformed tag as none', () => {
    expect(supportedLanguageOf('EN-us')).toBe('en');
    expect(supportedLanguageOf('vi-Latn-VN')).toBe('vi');
    expect(supportedLanguageOf('not a tag')).toBeNull();
  });
});
