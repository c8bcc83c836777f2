import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import i18next from 'i18next';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { json, stubFetch } from '../test/fetch-stub.js';
import { orderView } from '../test/order-view.js';
import { expectReadable } from '../test/readable-scan.js';
import { renderWithApp } from '../test/render.js';
import { OrdersPage } from './OrdersPage.js';

const clock = (ruleId: string, dueAt: string) => ({
  ruleId,
  status: 'open',
  startedAt: '2099-11-22T01:00:00Z',
  dueAt,
  warnAt: dueAt,
  closedAt: null,
  escalatedAt: null,
});
const served = orderView('SERVED', {
  reference: 'VN-ORD-2026-000041',
  servedAt: '2099-11-22T01:00:00Z',
  deadlines: [clock('order-acknowledgement', '2099-11-23T01:00:00Z')],
});
const drafted = orderView('CREATED', {
  id: '0193f0c2-9000-7000-8000-00000000b002',
  reference: 'VN-ORD-2026-000043',
  provider: { id: '0193f0c2-9000-7000-8000-00000000c009', legalName: 'Other Telecom JSC' },
});

beforeAll(() => {
  vi.stubEnv('TZ', 'Asia/Ho_Chi_Minh');
});
afterAll(() => {
  vi.unstubAllEnvs();
});
afterEach(async () => {
  await i18next.changeLanguage('vi');
});

describe('the orders list', () => {
  for (const [language, state, clockName] of [
    ['vi', 'Đã tống đạt cho doanh nghiệp', 'Doanh nghiệp xác nhận đã nhận lệnh'],
    ['en', 'Served on the provider', 'Provider acknowledges the order'],
  ] as const) {
    it(`in ${language}: each order with its state, provider, request and nearest clock, all readable`, async () => {
      await i18next.changeLanguage(language);
      stubFetch({ 'GET /api/v1/orders?limit=200': () => json(200, { orders: [drafted, served] }) });
      const { container } = renderWithApp(<OrdersPage />);
      const row = (await screen.findByText('VN-ORD-2026-000041')).closest('tr');
      if (row === null) throw new Error('no row for the served order');
      expect(within(row).getByText(state)).toBeDefined();
      expect(within(row).getByText('VN-2026-000123')).toBeDefined();
      expect(within(row).getByText(`${clockName}:`, { exact: false })).toBeDefined();
      // The order whose clock runs out first comes first.
      const references = [...container.querySelectorAll('tr[data-reference]')].map((r) =>
        r.getAttribute('data-reference'),
      );
      expect(references).toEqual(['VN-ORD-2026-000041', 'VN-ORD-2026-000043']);
      expectReadable(container);
    });
  }

  it('filters by provider', async () => {
    await i18next.changeLanguage('en');
    stubFetch({ 'GET /api/v1/orders?limit=200': () => json(200, { orders: [drafted, served] }) });
    const user = userEvent.setup({ delay: null });
    const { container } = renderWithApp(<OrdersPage />);
    await screen.findByText('VN-ORD-2026-000041');
    const providerField = screen.getAllByLabelText('Provider').find((e) => e instanceof HTMLInputElement);
    if (providerField === undefined) throw new Error('no provider filter');
    await user.click(providerField);
    await user.click(await screen.findByRole('option', { name: 'Other Telecom JSC' }));
    const references = [...container.querySelectorAll('tr[data-reference]')].map((r) =>
      r.getAttribute('data-reference'),
    );
    expect(references).toEqual(['VN-ORD-2026-000043']);
  });
});
