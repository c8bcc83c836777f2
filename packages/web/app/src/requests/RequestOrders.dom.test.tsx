import { screen } from '@testing-library/react';
import i18next from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { rememberSignedIn } from '../auth/session-expiry.js';
import { json, stubFetch } from '../test/fetch-stub.js';
import { orderView } from '../test/order-view.js';
import { expectReadable } from '../test/readable-scan.js';
import { renderWithApp } from '../test/render.js';
import { requestView } from '../test/request-view.js';
import { DraftOrderEntry, RequestOrders } from './RequestOrders.js';

const draftOrder = {
  action: 'draft-domestic-order',
  label: { en: 'Draft the domestic order to the service provider', vi: 'Soạn lệnh trong nước gửi doanh nghiệp' },
};
const accepted = requestView('PRESERVATION_42', 'ACCEPTED', {
  nextStep: { owner: 'viewer', actions: [draftOrder], roles: [], dueAt: null },
});
const session = (permissions: string[]) => () =>
  json(200, { user: { id: 'u-me', username: 'truc', roles: ['duty_officer'] }, permissions, csrfToken: 'csrf' });

afterEach(async () => {
  await i18next.changeLanguage('vi');
});

describe('the request page’s orders', () => {
  it('offers the order form when drafting the domestic order is the viewer’s next step', async () => {
    await i18next.changeLanguage('vi');
    renderWithApp(<DraftOrderEntry request={accepted} />);
    expect(screen.getByRole('link', { name: 'Soạn lệnh trong nước' }).getAttribute('href')).toBe(
      `#/requests/${accepted.id}/order`,
    );
  });

  it('offers nothing when a colleague must draft it', () => {
    const colleague = { ...accepted, nextStep: { ...accepted.nextStep, owner: 'colleague' as const } };
    renderWithApp(<DraftOrderEntry request={colleague} />);
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('lists the request’s orders with their state, readable in English', async () => {
    rememberSignedIn(true);
    await i18next.changeLanguage('en');
    const network = stubFetch({
      'GET /api/v1/auth/session': session(['requests:read', 'orders:issue']),
      [`GET /api/v1/orders?requestId=${accepted.id}&limit=200`]: () =>
        json(200, { orders: [orderView('SERVED', { servedAt: '2026-11-23T03:00:00Z' })] }),
    });
    const { container } = renderWithApp(<RequestOrders request={accepted} />);
    const list = await screen.findByTestId('request-orders');
    expect(list.textContent).toContain('Served on the provider');
    expect(list.textContent).toContain('Example Platform (VN) Co., Ltd.');
    expectReadable(container);
    expect(network.unexpected).toEqual([]);
  });
});
