import { machineFor, timelineLabel } from '@hanoi247/core';
import { screen } from '@testing-library/react';
import i18next from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { json, stubFetch } from '../test/fetch-stub.js';
import { expectReadable } from '../test/readable-scan.js';
import { renderWithApp } from '../test/render.js';
import { Timeline } from './Timeline.js';

const requestId = '01936f6e-7b1a-7c2d-8e3f-0123456789ab';
const event = (id: string, action: string, payload: Record<string, unknown>) => ({
  id,
  kind: 'delivery',
  action,
  fromState: null,
  toState: null,
  responseKind: null,
  actorName: 'node',
  occurredAt: '2026-11-02T08:00:00.000Z',
  payload,
});

/** As the server sends it: with the label of the action from the request's machine, or of the node's own event. */
const labelled = (id: string, action: string, fromState: string | null, toState: string | null) => ({
  ...event(id, action, {}),
  kind: toState === null ? 'deadline' : 'transition',
  fromState,
  toState,
  actorName: 'node FR',
  label: timelineLabel(machineFor('MLA_40'), action, fromState),
});

afterEach(async () => {
  await i18next.changeLanguage('vi');
});

describe('the request timeline', () => {
  for (const [language, words] of [
    ['vi', ['Đã nhận và kiểm tra kết quả', 'Kết thúc', 'Sắp đến hạn', 'Sự kiện đã ghi nhận']],
    ['en', ['Results received and verified', 'Close', 'A deadline is near', 'Recorded event']],
  ] as const) {
    it(`in ${language}: names the partner's actions and the node's own events in words, not codes`, async () => {
      await i18next.changeLanguage(language);
      stubFetch({
        [`GET /api/v1/requests/${requestId}/timeline`]: () =>
          json(200, {
            events: [
              labelled('e1', 'confirm-results', 'EXECUTED', 'RESULTS_RECEIVED'),
              labelled('e2', 'close', 'RESULTS_RECEIVED', 'CLOSED'),
              labelled('e3', 'deadline-warning', null, null),
              labelled('e4', 'some-future-event', null, null),
            ],
          }),
      });
      const states = new Map(machineFor('MLA_40').states.map((s) => [s.name, s.label]));
      const { container } = renderWithApp(<Timeline requestId={requestId} states={states} />);
      for (const text of words) expect(await screen.findByText(text)).toBeDefined();
      for (const code of ['confirm-results', 'close', 'deadline-warning', 'some-future-event']) {
        expect(screen.queryByText(code)).toBeNull();
      }
      expectReadable(container);
    });
  }

  it('shows a failure by its translated code, and an unknown code as itself, never a raw error text', async () => {
    stubFetch({
      [`GET /api/v1/requests/${requestId}/timeline`]: () =>
        json(200, {
          events: [
            event('e1', 'evidence-offer-failed', { orderId: 'o1', offered: [], code: 'auth/forbidden', attempts: 1 }),
            event('e2', 'message-not-applied', { messageId: 'm1', from: 'SG', code: 'order/some-future-code' }),
          ],
        }),
    });
    renderWithApp(<Timeline requestId={requestId} states={new Map()} />);
    expect(await screen.findByText('Không chuyển được dữ liệu cung cấp cho Quốc gia yêu cầu')).toBeDefined();
    expect(
      screen.getByText('Cán bộ xác nhận không có quyền gửi chứng cứ ra nước ngoài; hãy gửi thủ công.'),
    ).toBeDefined();
    expect(screen.getByText('Không áp dụng được thông điệp của đối tác cho yêu cầu này')).toBeDefined();
    expect(screen.getByText('Mã lý do: order/some-future-code')).toBeDefined();
  });

  it('names machine actors in words and shows no raw machine text', async () => {
    stubFetch({
      [`GET /api/v1/requests/${requestId}/timeline`]: () =>
        json(200, {
          events: [
            { ...event('e1', 'message-delivered', {}), actorName: 'federation' },
            { ...event('e2', 'acknowledge', {}), actorName: 'node SG' },
          ],
        }),
    });
    const { container } = renderWithApp(<Timeline requestId={requestId} states={new Map()} />);
    expect(await screen.findByText(/^Trao đổi với đối tác ·/)).toBeDefined();
    expect(screen.getByText(/^Hệ thống của SG ·/)).toBeDefined();
    expect(container.textContent).not.toContain('federation');
    expectReadable(container);
  });
});
