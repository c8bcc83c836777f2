import { orderTransitions } from '@hanoi247/core';
import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import i18next from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { json, stubFetch } from '../test/fetch-stub.js';
import { orderView } from '../test/order-view.js';
import { renderWithApp } from '../test/render.js';
import { OrderPage } from './OrderPage.js';

const actionOf = (action: string) => {
  const found = orderTransitions.find((t) => t.action === action && t.by === 'officer');
  if (found === undefined) throw new Error(`no officer action ${action}`);
  return { action, label: found.label };
};
const periods = [{ n: 0, start: '2026-11-23T03:00:00Z', end: '2027-02-21T03:00:00Z', renewedBy: null }];
const inReview = orderView('REVIEW', { availableActions: [actionOf('amend'), actionOf('withdraw')] });
const preserved = orderView('PRESERVED', { periods, availableActions: [actionOf('renew'), actionOf('release')] });
const base = `/api/v1/orders/${inReview.id}`;
const pages = (order: typeof inReview) => ({
  [`GET ${base}`]: () => json(200, order),
  [`GET ${base}/timeline`]: () => json(200, { events: [] }),
  [`GET /api/v1/providers/${order.provider.id}/members`]: () => json(200, { members: [] }),
});

afterEach(async () => {
  await i18next.changeLanguage('vi');
});

describe('amending and renewing an order', () => {
  it('amends through its own form: the note, and only the terms that changed', async () => {
    await i18next.changeLanguage('en');
    const network = stubFetch({
      ...pages(inReview),
      [`POST ${base}/amend`]: () => json(200, orderView('AMENDED', { availableActions: [] })),
    });
    const user = userEvent.setup({ delay: null });
    renderWithApp(<OrderPage id={inReview.id} />);
    await user.click(await screen.findByRole('button', { name: actionOf('amend').label.en }));
    const dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Amend' }));
    expect(within(dialog).getByText('Required')).toBeDefined();
    expect(network.sent.filter((r) => r.method === 'POST')).toEqual([]);
    await user.type(within(dialog).getByRole('textbox', { name: /^What changes and why/ }), 'Narrowed to one account');
    const days = within(dialog).getByRole('textbox', { name: /^Preservation period/ });
    await user.clear(days);
    await user.type(days, '60');
    await user.click(within(dialog).getByRole('button', { name: 'Amend' }));
    await waitFor(() => expect(network.sent.some((r) => r.method === 'POST')).toBe(true));
    expect(network.sent.filter((r) => r.method === 'POST').map((r) => r.body)).toEqual([
      { note: 'Narrowed to one account', durationDays: 60 },
    ]);
  });

  it('renews after a confirmation, with the length the officer gives', async () => {
    await i18next.changeLanguage('en');
    const network = stubFetch({
      ...pages(preserved),
      [`POST ${base}/transitions`]: () => json(200, orderView('RENEWED', { periods })),
    });
    const user = userEvent.setup({ delay: null });
    renderWithApp(<OrderPage id={preserved.id} />);
    await user.click(await screen.findByRole('button', { name: actionOf('renew').label.en }));
    expect(network.sent.filter((r) => r.method === 'POST')).toEqual([]);
    const dialog = screen.getByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: /^Renewal \(days\)/ }), '30');
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    await waitFor(() => expect(network.sent.some((r) => r.method === 'POST')).toBe(true));
    expect(network.sent.filter((r) => r.method === 'POST').map((r) => r.body)).toEqual([
      { action: 'renew', payload: { renewalDays: 30 } },
    ]);
  });
});
