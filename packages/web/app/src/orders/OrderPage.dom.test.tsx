import { orderMachine, orderTransitions, timelineLabel } from '@hanoi247/core';
import { screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import i18next from 'i18next';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { rememberSignedIn } from '../auth/session-expiry.js';
import { json, stubFetch } from '../test/fetch-stub.js';
import { orderView } from '../test/order-view.js';
import { expectReadable } from '../test/readable-scan.js';
import { renderWithApp } from '../test/render.js';
import { pick } from '../i18n/i18n.js';
import { OrderPage } from './OrderPage.js';

const actionOf = (action: string) => {
  const found = orderTransitions.find((t) => t.action === action && t.by === 'officer');
  if (found === undefined) throw new Error(`no officer action ${action}`);
  return { action, label: found.label };
};
/** Drafted by the duty officer, waiting for a second officer's authorisation. */
const drafted = orderView('CREATED', { availableActions: [actionOf('authorise'), actionOf('withdraw')] });
const authorised = orderView('AUTHORISED', {
  availableActions: [actionOf('serve')],
  authorisedBy: 'lan',
  authorisedAt: '2026-11-23T02:00:00Z',
});
const served = orderView('SERVED', {
  servedAt: '2026-11-23T03:00:00Z',
  authorisedBy: 'lan',
  authorisedAt: '2026-11-23T02:00:00Z',
  periods: [{ n: 0, start: '2026-11-23T03:00:00Z', end: '2027-02-21T03:00:00Z', renewedBy: null }],
  deadlines: [
    {
      ruleId: 'order-acknowledgement',
      status: 'open',
      startedAt: '2026-11-23T03:00:00Z',
      dueAt: '2099-11-24T03:00:00Z',
      warnAt: '2099-11-24T01:00:00Z',
      closedAt: null,
      escalatedAt: null,
    },
  ],
});
const base = `/api/v1/orders/${drafted.id}`;
const timeline = {
  events: [
    {
      action: 'create',
      side: 'officer',
      fromState: null,
      toState: 'CREATED',
      occurredAt: '2026-11-23T01:00:00Z',
      payload: {},
      actorName: 'truc',
    },
    {
      action: 'authorise',
      side: 'officer',
      fromState: 'CREATED',
      toState: 'AUTHORISED',
      occurredAt: '2026-11-23T02:00:00Z',
      payload: {},
      actorName: 'lan',
    },
    {
      action: 'serve',
      side: 'officer',
      fromState: 'AUTHORISED',
      toState: 'SERVED',
      occurredAt: '2026-11-23T03:00:00Z',
      payload: { note: 'Served through the portal' },
    },
    // The clock's own event: no machine action, no word in the page's dictionary; the server's label names it.
    {
      action: 'deadline-warning',
      side: 'system',
      fromState: null,
      toState: null,
      occurredAt: '2026-11-23T04:00:00Z',
      payload: {},
      label: timelineLabel(orderMachine, 'deadline-warning', null),
    },
  ],
};
const evidence = {
  items: [
    {
      id: '0193f0c2-9000-7000-8000-00000000e001',
      requestId: null,
      orderId: drafted.id,
      sha256: 'a'.repeat(64),
      size: 2048,
      mediaType: 'text/csv',
      filename: 'subscriber.csv',
      metadata: {},
      originCountry: 'VN',
      onwardTransfer: 'unrestricted',
      personalData: true,
      retentionUntil: null,
      sealed: true,
      createdBy: 'provider',
      createdAt: '2026-11-24T03:00:00Z',
      erasedAt: null,
    },
  ],
};
const session = () =>
  json(200, {
    user: { id: 'u-lan', username: 'lan', roles: ['supervisor'] },
    permissions: ['requests:read', 'orders:issue', 'evidence:read'],
    csrfToken: 'csrf',
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

describe('the order page', () => {
  for (const [language, state, created, evidenceTitle, warned] of [
    ['vi', 'Đã tống đạt cho doanh nghiệp', 'Đã soạn', 'Chứng cứ đã cung cấp', 'Sắp đến hạn'],
    ['en', 'Served on the provider', 'Drafted', 'Evidence produced', 'A deadline is near'],
  ] as const) {
    it(`in ${language}: state, terms, clocks, timeline, signed order and evidence, all readable`, async () => {
      rememberSignedIn(true);
      await i18next.changeLanguage(language);
      stubFetch({
        'GET /api/v1/auth/session': session,
        [`GET ${base}`]: () => json(200, served),
        [`GET ${base}/timeline`]: () => json(200, timeline),
        [`GET ${base}/evidence`]: () => json(200, evidence),
      });
      const { container } = renderWithApp(<OrderPage id={drafted.id} />);
      expect((await screen.findByTestId('order-state')).textContent).toBe(state);
      await screen.findByText(created);
      expect(screen.getByText(warned)).toBeDefined();
      await screen.findByText(evidenceTitle);
      await screen.findByText('subscriber.csv');
      expect(screen.getByText('Served through the portal')).toBeDefined();
      expect(screen.getByText('Example Platform (VN) Co., Ltd.')).toBeDefined();
      expect(screen.getByRole('link', { name: 'VN-2026-000123' }).getAttribute('href')).toBe(
        `#/requests/${drafted.requestId ?? ''}`,
      );
      expect(screen.getByRole('link', { name: /signed order|lệnh đã ký/i }).getAttribute('href')).toBe(
        `${base}/signed`,
      );
      expectReadable(container);
    });
  }

  for (const [language, why] of [
    [
      'vi',
      /bước này cần cán bộ cơ quan trung ương hoặc lãnh đạo phê duyệt; bạn không thể tự thực hiện\. Bước này chuyển/,
    ],
    [
      'en',
      new RegExp(
        String.raw`this step needs a central-authority officer or a supervisor; you cannot take it yourself\. ` +
          'It offers the evidence',
      ),
    ],
  ] as const) {
    it(`in ${language}: says why a duty officer is not offered to confirm a production that goes abroad`, async () => {
      await i18next.changeLanguage(language);
      const produced = orderView('PRODUCED', {
        type: 'PRODUCE_27A',
        withheldActions: [
          {
            ...actionOf('confirm-production-complete'),
            code: 'order/disclosure-not-permitted',
            roles: ['central_authority_officer', 'supervisor'],
          },
        ],
      });
      stubFetch({
        [`GET ${base}`]: () => json(200, produced),
        [`GET ${base}/timeline`]: () => json(200, { events: [] }),
        [`GET ${base}/evidence`]: () => json(200, { items: [] }),
      });
      const { container } = renderWithApp(<OrderPage id={drafted.id} />);
      const withheld = await screen.findByTestId('withheld-actions');
      expect(withheld.textContent).toMatch(why);
      const label = pick(actionOf('confirm-production-complete').label, language);
      expect(withheld.textContent).toContain(label);
      expect(screen.queryByRole('button', { name: label })).toBeNull();
      expectReadable(container);
    });
  }

  it('authorises only after the officer confirms, sending the action with an empty payload', async () => {
    await i18next.changeLanguage('en');
    const network = stubFetch({
      [`GET ${base}`]: () => json(200, drafted),
      [`GET ${base}/timeline`]: () => json(200, { events: timeline.events.slice(0, 1) }),
      [`POST ${base}/transitions`]: () => json(200, authorised),
    });
    const user = userEvent.setup({ delay: null });
    renderWithApp(<OrderPage id={drafted.id} />);
    const authorise = await screen.findByRole('button', { name: actionOf('authorise').label.en });
    expect(screen.queryByRole('link', { name: /signed order/ })).toBeNull();
    await user.click(authorise);
    expect(network.sent.filter((r) => r.method === 'POST')).toEqual([]);
    expect(
      screen.getByText(`${actionOf('authorise').label.en} order ${drafted.reference}? This cannot be undone.`),
    ).toBeDefined();
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    await waitFor(() =>
      expect(screen.getByTestId('order-state').textContent).toBe('Authorised (Art. 24 review recorded)'),
    );
    expect(network.sent.filter((r) => r.method === 'POST').map((r) => r.body)).toEqual([
      { action: 'authorise', payload: {} },
    ]);
  });
});
