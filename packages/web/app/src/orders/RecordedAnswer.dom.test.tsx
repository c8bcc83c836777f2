import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import i18next from 'i18next';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { rememberSignedIn } from '../auth/session-expiry.js';
import { json, stubFetch } from '../test/fetch-stub.js';
import { orderView } from '../test/order-view.js';
import { expectReadable } from '../test/readable-scan.js';
import { renderWithApp } from '../test/render.js';
import { OrderPage } from './OrderPage.js';

const served = orderView('SERVED', {
  servedAt: '2026-11-23T03:00:00Z',
  authorisedBy: 'lan',
  authorisedAt: '2026-11-23T02:00:00Z',
  periods: [{ n: 0, start: '2026-11-23T03:00:00Z', end: '2027-02-21T03:00:00Z', renewedBy: null }],
});
const acknowledged = orderView('ACKNOWLEDGED', { servedAt: served.servedAt, periods: served.periods });
const base = `/api/v1/orders/${served.id}`;
const letter = {
  id: '0193f0c2-9000-7000-8000-00000000e002',
  requestId: served.requestId,
  orderId: null,
  sha256: 'b'.repeat(64),
  size: 4096,
  mediaType: 'application/pdf',
  filename: 'provider-letter.pdf',
  metadata: {},
  originCountry: 'VN',
  onwardTransfer: 'unrestricted',
  personalData: false,
  retentionUntil: null,
  sealed: true,
  createdBy: 'truc',
  createdAt: '2026-11-24T03:00:00Z',
  erasedAt: null,
};
const stubs = (members: unknown[]) => ({
  'GET /api/v1/auth/session': () =>
    json(200, {
      user: { id: 'u-truc', username: 'truc', roles: ['duty_officer'] },
      permissions: ['requests:read', 'orders:issue', 'evidence:read', 'providers:read'],
      via: 'session',
      csrfToken: 'csrf',
    }),
  [`GET ${base}`]: () => json(200, served),
  [`GET ${base}/timeline`]: () => json(200, { events: [] }),
  [`GET ${base}/evidence`]: () => json(200, { items: [] }),
  [`GET /api/v1/requests/${served.requestId ?? ''}/evidence`]: () => json(200, { items: [letter] }),
  [`GET /api/v1/providers/${served.provider.id}/members`]: () => json(200, { members }),
});

beforeAll(() => {
  vi.stubEnv('TZ', 'Asia/Ho_Chi_Minh');
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-25T03:00:00Z') });
});
afterAll(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});
afterEach(async () => {
  await i18next.changeLanguage('vi');
});

describe('the answer of a provider that is not on the platform', () => {
  it('is offered only when no user acts for the provider', async () => {
    rememberSignedIn(true);
    stubFetch(stubs([{ userId: 'u-p', username: 'vn.provider', createdAt: '2026-11-21T01:00:00Z' }]));
    const { queries } = renderWithApp(<OrderPage id={served.id} />);
    await screen.findByTestId('order-state');
    await waitFor(() =>
      expect(queries.getQueryState(['provider-members', served.provider.id])?.status).toBe('success'),
    );
    expect(screen.queryByRole('button', { name: 'Ghi nhận câu trả lời của doanh nghiệp' })).toBeNull();
  });

  for (const language of ['vi', 'en'] as const) {
    it(`in ${language}: the form checks what it can, in words, all readable`, async () => {
      rememberSignedIn(true);
      await i18next.changeLanguage(language);
      const network = stubFetch(stubs([]));
      const user = userEvent.setup({ delay: null });
      const { container } = renderWithApp(<OrderPage id={served.id} />);
      const open = language === 'vi' ? 'Ghi nhận câu trả lời của doanh nghiệp' : 'Record the provider\u2019s answer';
      await user.click(await screen.findByRole('button', { name: open }));
      const dialog = screen.getByRole('dialog');
      await within(dialog).findByRole('option', { name: 'provider-letter.pdf' });
      await user.click(within(dialog).getByRole('button', { name: open }));
      expect(within(dialog).getAllByText(language === 'vi' ? 'Bắt buộc' : 'Required')).toHaveLength(3);
      expect(network.sent.filter((r) => r.method === 'POST')).toEqual([]);
      expectReadable(container);
      expectReadable(dialog);
    });
  }

  it('records the provider\u2019s acknowledgement after the officer confirms: who, how, when, the letter', async () => {
    rememberSignedIn(true);
    const network = stubFetch({ ...stubs([]), [`POST ${base}/provider-answers`]: () => json(200, acknowledged) });
    const user = userEvent.setup({ delay: null });
    renderWithApp(<OrderPage id={served.id} />);
    await user.click(await screen.findByRole('button', { name: 'Ghi nhận câu trả lời của doanh nghiệp' }));
    const dialog = screen.getByRole('dialog');
    await within(dialog).findByRole('option', { name: 'provider-letter.pdf' });
    await user.selectOptions(within(dialog).getByRole('combobox', { name: /^Doanh nghiệp đã trả lời/ }), 'acknowledge');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: /^Hình thức nhận/ }), 'email');
    await user.type(within(dialog).getByRole('textbox', { name: /^Thời điểm nhận/ }), '26/11/2026 09:30');
    await user.click(within(dialog).getByRole('button', { name: 'Ghi nhận câu trả lời của doanh nghiệp' }));
    expect(within(dialog).getByText('Không được sau thời điểm hiện tại')).toBeDefined();
    await user.clear(within(dialog).getByRole('textbox', { name: /^Thời điểm nhận/ }));
    await user.type(within(dialog).getByRole('textbox', { name: /^Thời điểm nhận/ }), '24/11/2026 09:30');
    await user.type(within(dialog).getByRole('textbox', { name: /^Người trả lời/ }), 'Nguyễn Văn An');
    await user.type(within(dialog).getByRole('textbox', { name: /^Chức vụ/ }), 'Trưởng phòng pháp chế');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: /^Văn bản trả lời/ }), letter.id);
    await user.click(within(dialog).getByRole('button', { name: 'Ghi nhận câu trả lời của doanh nghiệp' }));
    expect(network.sent.filter((r) => r.method === 'POST')).toEqual([]);
    expect(within(dialog).getByText(/^Ghi nhận rằng Example Platform \(VN\) Co., Ltd. đã trả lời/)).toBeDefined();
    await user.click(within(dialog).getByRole('button', { name: 'Xác nhận' }));
    await waitFor(() => expect(screen.getByTestId('order-state').textContent).toBe('Doanh nghiệp đã xác nhận'));
    expect(network.sent.filter((r) => r.method === 'POST').map((r) => r.body)).toEqual([
      {
        action: 'acknowledge',
        payload: {},
        receivedAt: '2026-11-24T02:30:00.000Z',
        channel: 'email',
        from: { name: 'Nguyễn Văn An', role: 'Trưởng phòng pháp chế' },
        evidenceItemId: letter.id,
      },
    ]);
  });
});
