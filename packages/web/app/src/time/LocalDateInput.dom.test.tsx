import { act, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import i18next from 'i18next';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../test/render.js';
import { LocalDateInput } from './LocalDateInput.js';

function Field({ initial, onValue }: { readonly initial: string; readonly onValue: (value: string) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <LocalDateInput
      label="Bảo toàn đến"
      value={value}
      onChange={(next) => {
        setValue(next);
        onValue(next);
      }}
    />
  );
}

describe('a date field in the app\u2019s language', () => {
  afterEach(async () => {
    await i18next.changeLanguage('vi');
  });

  it('shows and reads dd/mm/yyyy on a Vietnamese page, whatever the browser\u2019s locale', async () => {
    const onValue = vi.fn();
    const user = userEvent.setup({ delay: null });
    renderWithApp(<Field initial="2026-11-30" onValue={onValue} />);
    const input = screen.getByLabelText<HTMLInputElement>(/^Bảo toàn đến/);
    expect(input.type).toBe('text');
    expect(input.value).toBe('30/11/2026');
    expect(input.getAttribute('placeholder')).toBe('nn/tt/nnnn');

    await user.clear(input);
    await user.type(input, '01/12/2026');
    expect(onValue).toHaveBeenLastCalledWith('2026-12-01');
    expect(input.value).toBe('01/12/2026');
  });

  it('reports no value while the entry is not a whole date, and keeps what was typed', async () => {
    const onValue = vi.fn();
    const user = userEvent.setup({ delay: null });
    renderWithApp(<Field initial="" onValue={onValue} />);
    const input = screen.getByLabelText<HTMLInputElement>(/^Bảo toàn đến/);
    await user.type(input, '31/11/2026');
    expect(input.value).toBe('31/11/2026');
    expect(onValue).not.toHaveBeenCalledWith(expect.stringMatching(/\d/));
  });

  it('shows the same date again when the language changes', async () => {
    renderWithApp(<Field initial="2026-01-02" onValue={() => undefined} />);
    await act(() => i18next.changeLanguage('en'));
    const input = screen.getByLabelText<HTMLInputElement>(/^Bảo toàn đến/);
    expect(input.value).toBe('02/01/2026');
    expect(input.getAttribute('placeholder')).toBe('dd/mm/yyyy');
  });
});
