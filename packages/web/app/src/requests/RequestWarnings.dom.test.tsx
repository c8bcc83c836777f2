import { draftingWarnings, draftingWarningText } from '@hanoi247/core';
import { act, screen } from '@testing-library/react';
import i18next from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithApp } from '../test/render.js';
import { RequestWarnings } from './RequestWarnings.js';

/** The warnings as the node sends them: codes and parameters from core, with their words in both languages. */
const fromNode = draftingWarnings(
  { type: 'PRESERVATION_42', legalBasis: 'RECIPROCITY', languages: ['vi'], conventionOffence: false },
  'SG',
).map((w) => ({ ...w, text: draftingWarningText(w) }));

describe('the warnings of a request', () => {
  afterEach(async () => {
    await act(() => i18next.changeLanguage('vi'));
  });

  it('shows the requested State\u2019s checks in the reader\u2019s language, then eligibility', async () => {
    const eligibility = 'no Convention offence and no serious crime';
    renderWithApp(<RequestWarnings request={{ draftingWarnings: fromNode, warnings: [eligibility] }} />);
    const items = () => screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(items()).toEqual([...fromNode.map((w) => w.text.vi), eligibility]);
    expect(items()[0]).toContain('chấp nhận tiếng Anh');
    await act(() => i18next.changeLanguage('en'));
    expect(items()).toEqual([...fromNode.map((w) => w.text.en), eligibility]);
    expect(items()[2]).toContain('may refuse preservation for non-Convention offences');
  });

  it('shows nothing when there is nothing to warn about', () => {
    renderWithApp(<RequestWarnings request={{ draftingWarnings: [], warnings: [] }} />);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryAllByRole('listitem')).toEqual([]);
  });
});
