import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, stubFetch } from '../test/fetch-stub.js';
import { countryProfilesBody, requestTypesBody } from '../test/reference.fixtures.js';
import { renderWithApp } from '../test/render.js';
import { requestView } from '../test/request-view.js';
import { DraftPage } from './DraftPage.js';

const reference = {
  'GET /api/v1/request-types': () => json(200, requestTypesBody),
  'GET /api/v1/country-profiles': () => json(200, countryProfilesBody),
};
const preservation = requestTypesBody.requestTypes.find((t) => t.code === 'PRESERVATION_42');
if (preservation === undefined) throw new Error('the registry has no PRESERVATION_42');
// The free-text fields the registry requires under the UN Convention (the default basis of a new draft).
const structured = new Set(['identifiers', 'dataCategories', 'mlaWillFollow', 'confidentiality', 'dateRange']);
const requiredText = preservation.fields.filter((f) => f.requiredFor.includes('UN') && !structured.has(f.name));
// A Mantine Select's listbox carries its label too: the field is the one that takes input.
const labelled = (text: string): HTMLElement => {
  const field = screen
    .getAllByLabelText(new RegExp(`^${text}`))
    .filter((e) => e instanceof HTMLInputElement || e instanceof HTMLTextAreaElement);
  if (field.length !== 1 || field[0] === undefined) throw new Error(`${field.length} fields labelled ${text}`);
  return field[0];
};
const messageOf = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '');
const submit = () => screen.getByRole('button', { name: 'Trình phê duyệt' });

describe('drafting an outgoing preservation request', () => {
  it(
    'shows each missing field’s message in Vietnamese, focuses the first, sends ' +
      'nothing, and clears a message once fixed',
    async () => {
      const network = stubFetch(reference);
      const user = userEvent.setup({ delay: null });
      renderWithApp(<DraftPage id={null} />);
      await screen.findByRole('form', { name: 'Yêu cầu đi mới' });
      expect(requiredText.length).toBeGreaterThan(3);

      await user.click(submit());

      const state = labelled('Quốc gia được yêu cầu');
      expect(state.getAttribute('aria-invalid')).toBe('true');
      expect(messageOf(state)).toContain('Bắt buộc');
      expect(document.activeElement).toBe(state);
      for (const field of requiredText) {
        const input = labelled(field.label.vi);
        expect(input.getAttribute('aria-invalid'), field.name).toBe('true');
        expect(messageOf(input), field.name).toContain('Bắt buộc');
      }
      const identifiers = screen.getByRole('group', { name: /^Định danh chính xác/ });
      expect(messageOf(identifiers)).toEqual(['Bắt buộc']);
      expect(screen.getByRole('alert').textContent).toMatch(/^Số trường cần hoàn thiện trước khi trình: \d+$/);
      expect(network.sent.filter((r) => r.method !== 'GET')).toEqual([]);

      const first = requiredText[0];
      if (first === undefined) throw new Error('no required text field');
      await user.type(labelled(first.label.vi), 'Cục A05, Bộ Công an');
      expect(labelled(first.label.vi).getAttribute('aria-invalid')).toBe('false');
      expect(messageOf(labelled(first.label.vi))).not.toContain('Bắt buộc');
    },
  );

  it('once complete, creates the draft with exactly what was typed and submits it', async () => {
    const created = requestView('PRESERVATION_42', 'DRAFT', {
      direction: 'outgoing',
      requestingState: 'VN',
      requestedState: 'SG',
      version: 1,
    });
    const network = stubFetch({
      ...reference,
      'POST /api/v1/requests': () => json(201, created),
      [`POST /api/v1/requests/${created.id}/transitions`]: () =>
        json(200, { ...created, state: 'AWAITING_APPROVAL', version: 2 }),
    });
    const user = userEvent.setup({ delay: null });
    renderWithApp(<DraftPage id={null} />);
    await screen.findByRole('form', { name: 'Yêu cầu đi mới' });

    await user.click(labelled('Quốc gia được yêu cầu'));
    await user.click(screen.getByRole('option', { name: 'Singapore (SG)' }));
    for (const field of requiredText) {
      // Pasted, not typed: each keystroke re-renders the whole form, and the point here is the body sent.
      await user.click(labelled(field.label.vi));
      await user.paste(`  ${field.name} text `);
    }
    await user.click(
      within(screen.getByRole('group', { name: /^Loại dữ liệu/ })).getByRole('checkbox', { name: 'Dữ liệu thuê bao' }),
    );
    await user.click(screen.getByRole('checkbox', { name: /^Sẽ gửi yêu cầu tương trợ tư pháp/ }));
    await user.click(screen.getByRole('button', { name: 'Thêm định danh' }));
    await user.type(screen.getByLabelText('Dịch vụ'), 'Zalo');
    await user.type(screen.getByLabelText('Giá trị'), 'nguoidung123');

    await user.click(submit());

    await waitFor(() => expect(network.sent.filter((r) => r.method === 'POST')).toHaveLength(2));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(network.sent.filter((r) => r.method === 'POST').map((r) => [r.path, r.body])).toEqual([
      [
        '/api/v1/requests',
        {
          type: 'PRESERVATION_42',
          legalBasis: 'UN',
          requestedState: 'SG',
          language: 'en',
          priority: 'urgent',
          details: {
            ...Object.fromEntries(requiredText.map((f) => [f.name, `${f.name} text`])),
            dataCategories: ['subscriber'],
            mlaWillFollow: true,
            identifiers: [{ kind: 'account', service: 'Zalo', handle: 'nguoidung123' }],
          },
        },
      ],
      [`/api/v1/requests/${created.id}/transitions`, { action: 'submit', payload: {} }],
    ]);
    expect(network.unexpected).toEqual([]);
  });
});
