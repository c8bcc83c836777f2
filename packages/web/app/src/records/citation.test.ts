import { describe, expect, it } from 'vitest';
import { citationText, citedOnce, parseCitation, type CitationWords } from './citation.js';

const vietnamese: CitationWords = {
  language: 'vi',
  instrument: (key) =>
    ({ UN: 'Công ước LHQ', PRACTICE: 'Thực tiễn nghiệp vụ', BILATERAL: 'Điều ước song phương' })[key as 'UN'],
  article: (number) => `Điều ${number}`,
};

describe('citations in the reader\u2019s words', () => {
  it('reads core\u2019s English citation: instrument, article and the unverified mark', () => {
    expect(parseCitation('UN Convention against Cybercrime art. 42(2)(c) [unverified]')).toEqual({
      instrument: 'UN',
      article: '42(2)(c)',
      note: null,
      unverified: true,
      text: 'UN Convention against Cybercrime art. 42(2)(c)',
    });
    expect(parseCitation('operational practice (G8/UNODC): G8 checklist: exact identifiers').note).toBe(
      'G8 checklist: exact identifiers',
    );
  });

  it('cites each source once, without English notes in Vietnamese, and keeps an unknown text as given', () => {
    const cited = citedOnce(
      [
        'UN Convention against Cybercrime art. 42 [unverified]',
        'UN Convention against Cybercrime art. 42 [unverified]',
        'operational practice (G8/UNODC): G8 checklist',
        'bilateral treaty: the treaty governs',
      ],
      vietnamese,
    );
    expect(cited).toEqual({
      sources: ['Công ước LHQ Điều 42', 'Thực tiễn nghiệp vụ', 'Điều ước song phương'],
      unverified: true,
    });
    expect(citationText(parseCitation('Treaty of 1998, art. 4'), vietnamese)).toBe('Treaty of 1998, art. 4');
  });
});
