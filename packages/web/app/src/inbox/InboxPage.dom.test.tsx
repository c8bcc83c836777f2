import { notifications } from '@mantine/notifications';
import { act, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import i18next from 'i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { QueueItem } from '../api/types.js';
import { json, stubFetch } from '../test/fetch-stub.js';
import { renderWithApp } from '../test/render.js';
import { InboxPage } from './InboxPage.js';

const ours = (state: string): QueueItem => ({
  id: 'r1',
  reference: 'VN-2026-000001',
  type: 'PRESERVATION_42',
  direction: 'outgoing',
  state,
  priority: 'normal',
  requestingState: 'VN',
  requestedState: 'SG',
  nextDueAt: null,
  createdAt: '2026-10-30T07:00:00Z',
  assignee: null,
  escalated: false,
});

const machines = {
  stateMachines: [
    {
      family: 'preservation',
      states: [
        { name: 'SENT', label: { en: 'Sent', vi: 'Đã gửi' }, terminal: false },
        { name: 'ACKNOWLEDGED', label: { en: 'Acknowledged', vi: 'Đã xác nhận' }, terminal: false },
      ],
      transitions: [],
    },
  ],
};

/** The desk's list as the node answers it, one answer per read, the last one repeated. */
function desk(...reads: Array<readonly QueueItem[] | 'never'>) {
  let read = 0;
  const answer = () => {
    const next = reads[Math.min(read++, reads.length - 1)];
    return next === 'never' ? new Promise<Response>(() => undefined) : json(200, { requests: next });
  };
  return stubFetch({
    'GET /api/v1/requests?limit=200': answer,
    'GET /api/v1/requests?direction=incoming&limit=200': () => json(200, { requests: [] }),
    'GET /api/v1/state-machines': () => json(200, machines),
    'GET /api/v1/request-types': () => json(200, { requestTypes: [] }),
  });
}

const stateShown = (label: string) => waitFor(() => expect(screen.getByTestId('queue-state').textContent).toBe(label));

describe('the desk\u2019s inbox', () => {
  afterEach(async () => {
    await i18next.changeLanguage('vi');
  });

  it('says it is loading while the first read runs, not that nothing matches', async () => {
    desk('never');
    renderWithApp(<InboxPage />);
    expect((await screen.findByRole('status')).textContent).toBe('Đang tải yêu cầu…');
    expect(screen.queryByText('Không có yêu cầu nào khớp bộ lọc.')).toBeNull();
  });

  it('tells an empty desk from a filter that matches nothing, in both languages', async () => {
    desk([]);
    const user = userEvent.setup({ delay: null });
    renderWithApp(<InboxPage />);
    await screen.findByText('Bàn trực chưa có yêu cầu nào.');

    await user.click(screen.getByRole('textbox', { name: 'Chiều' }));
    await user.click(screen.getByRole('option', { name: 'Đến' }));
    await screen.findByText('Không có yêu cầu nào khớp bộ lọc.');
    expect(screen.queryByText('Bàn trực chưa có yêu cầu nào.')).toBeNull();

    await act(() => i18next.changeLanguage('en'));
    expect(screen.getByRole('status').textContent).toBe('No request matches these filters.');
  });

  it('words a partner acknowledging our request as a change of state, never as a new request', async () => {
    desk([ours('SENT')], [ours('ACKNOWLEDGED')]);
    const toast = vi.spyOn(notifications, 'show').mockReturnValue('toast');
    const { queries } = renderWithApp(<InboxPage />);
    await stateShown('Đã gửi');

    await act(() => queries.invalidateQueries({ queryKey: ['queue'] }));
    await stateShown('Đã xác nhận');
    await waitFor(() => expect(toast).toHaveBeenCalledTimes(1));
    const shown = toast.mock.calls[0]?.[0];
    expect(shown?.title).toBe('VN-2026-000001 chuyển sang: Đã xác nhận');
    expect(shown?.title).not.toMatch(/mới/);
  });

  it('announces a partner\u2019s new request as one', async () => {
    const theirs: QueueItem = { ...ours('RECEIVED'), id: 'r2', direction: 'incoming', requestingState: 'SG' };
    desk([ours('SENT')], [ours('SENT'), theirs]);
    const toast = vi.spyOn(notifications, 'show').mockReturnValue('toast');
    const { queries } = renderWithApp(<InboxPage />);
    await stateShown('Đã gửi');
    await act(() => queries.invalidateQueries({ queryKey: ['queue'] }));
    await waitFor(() => expect(toast).toHaveBeenCalledTimes(1));
    expect(toast.mock.calls[0]?.[0].title).toBe('Yêu cầu mới từ SG');
  });
});
