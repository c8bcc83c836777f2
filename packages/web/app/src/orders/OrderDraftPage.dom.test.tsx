import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import i18next from 'i18next';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { json, stubFetch } from '../test/fetch-stub.js';
import { orderView } from '../test/order-view.js';
import { expectReadable } from '../test/readable-scan.js';
import { renderWithApp } from '../test/render.js';
import { requestView } from '../test/request-view.js';
import { OrderDraftPage } from './OrderDraftPage.js';

/** Singapore's preservation request, accepted: the order form opens from it. */
const request = requestView('PRESERVATION_42', 'ACCEPTED', {
  details: {
    offenceSummary: 'Investment fraud through a messaging app',
    dataCategories: ['traffic', 'subscriber'],
    confidentiality: { requested: true, noUserNotification: false },
    identifiers: [{ kind: 'ip', address: '2001:db8::7', port: 8443, observedAt: '2026-10-30T14:03:11+08:00' }],
    dateRange: { from: '2026-09-30T16:00:00Z', to: '2026-10-31T15:59:00Z' },
  },
  nextStep: { owner: 'viewer', actions: [], roles: [], dueAt: null },
});
const providerId = '0193f0c2-9000-7000-8000-00000000c001';
const provider = (id: string, legalName: string, active = true) => ({
  id,
  legalName,
  country: 'VN',
  type: 'PLATFORM',
  registrationNumber: null,
  legalRepresentative: null,
  contacts: [],
  dataCategories: ['subscriber'],
  channel: 'portal',
  languages: ['vi'],
  active,
  createdBy: 'admin',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
});
const answers = {
  [`GET /api/v1/requests/${request.id}`]: () => json(200, request),
  'GET /api/v1/providers?limit=500': () =>
    json(200, {
      providers: [
        provider(providerId, 'Example Platform (VN) Co., Ltd.'),
        provider('0193f0c2-9000-7000-8000-00000000c002', 'Closed Telecom JSC', false),
      ],
    }),
};
// A Mantine Select's listbox carries its label too: the field is the one that takes input.
const field = (label: RegExp): HTMLElement => {
  const found = screen.getAllByLabelText(label).filter((e) => e instanceof HTMLInputElement);
  if (found[0] === undefined || found.length !== 1) throw new Error(`${found.length} fields labelled ${label}`);
  return found[0];
};

beforeAll(() => {
  vi.stubEnv('TZ', 'Asia/Ho_Chi_Minh');
});
afterAll(() => {
  vi.unstubAllEnvs();
});
afterEach(async () => {
  await i18next.changeLanguage('vi');
  window.location.hash = '';
});

describe('issuing a domestic order from an accepted request', () => {
  it('opens pre-filled from the request, in Vietnamese: scope, range in its zone, minimum period', async () => {
    await i18next.changeLanguage('vi');
    stubFetch(answers);
    const { container } = renderWithApp(<OrderDraftPage requestId={request.id} />);
    await screen.findByRole('heading', { name: 'Ban hành lệnh trong nước' });
    expect(screen.getByText('Công ước Liên hợp quốc về chống tội phạm mạng')).toBeDefined();
    expect(screen.getByText('[2001:db8::7]:8443')).toBeDefined();
    expect(screen.getByTestId('order-range').textContent).toContain('(Asia/Ho_Chi_Minh)');
    const categories = within(screen.getByRole('group', { name: /^Loại dữ liệu/ }));
    expect(categories.getByRole<HTMLInputElement>('checkbox', { name: 'Dữ liệu thuê bao' }).checked).toBe(true);
    expect(categories.getByRole<HTMLInputElement>('checkbox', { name: 'Dữ liệu nội dung' }).checked).toBe(false);
    expect((field(/^Thời hạn bảo toàn/) as HTMLInputElement).value).toBe('90');
    expect(screen.getByText('Ít nhất 60 ngày (Điều 42(7)), nhiều nhất 90 ngày.')).toBeDefined();
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: /giữ bí mật/ }).checked).toBe(true);
    expectReadable(container);
  });

  it('sends nothing while the provider or the authorisation is missing', async () => {
    await i18next.changeLanguage('en');
    const network = stubFetch(answers);
    const user = userEvent.setup({ delay: null });
    renderWithApp(<OrderDraftPage requestId={request.id} />);
    await user.click(await screen.findByRole('button', { name: 'Draft the order for authorisation' }));
    expect(screen.getByText('Fields to complete: 3')).toBeDefined();
    expect(network.sent.filter((r) => r.method === 'POST')).toEqual([]);
  });

  it('sends exactly the order on the chosen provider, then opens it', async () => {
    await i18next.changeLanguage('en');
    const made = orderView('CREATED');
    const network = stubFetch({
      ...answers,
      [`POST /api/v1/requests/${request.id}/domestic-orders`]: () =>
        json(201, { requestState: 'DOMESTIC_ORDER_ISSUED', orders: [made] }),
    });
    const user = userEvent.setup({ delay: null });
    renderWithApp(<OrderDraftPage requestId={request.id} />);
    await screen.findByRole('heading', { name: 'Issue a domestic order' });

    await user.click(field(/^Service provider/));
    expect(screen.queryByRole('option', { name: 'Closed Telecom JSC' })).toBeNull();
    await user.click(await screen.findByRole('option', { name: 'Example Platform (VN) Co., Ltd.' }));
    await user.click(field(/^Authorising body/));
    await user.paste('Hanoi People’s Court');
    await user.click(field(/^Decision number/));
    await user.paste('QĐ 5/2026');
    await user.click(screen.getByRole('checkbox', { name: 'Content data' }));
    await user.click(screen.getByRole('button', { name: 'Draft the order for authorisation' }));

    await waitFor(() => expect(window.location.hash).toBe(`#/domestic-orders/${made.id}`));
    expect(network.sent.filter((r) => r.method === 'POST').map((r) => r.body)).toEqual([
      {
        orders: [
          {
            providerId,
            authorisation: { body: 'Hanoi People’s Court', reviewType: 'JUDICIAL', decisionReference: 'QĐ 5/2026' },
            grounds: `Execution of request ${request.reference} from SG. Investment fraud through a messaging app`,
            scope: {
              dataCategories: ['subscriber', 'traffic', 'content'],
              dateRange: {
                from: '2026-09-30T16:00:00.000Z',
                to: '2026-10-31T15:59:00.000Z',
                timeZone: 'Asia/Ho_Chi_Minh',
              },
            },
            durationDays: 90,
            nonDisclosure: { required: true, until: null },
          },
        ],
      },
    ]);
    expect(network.unexpected).toEqual([]);
  });
});
