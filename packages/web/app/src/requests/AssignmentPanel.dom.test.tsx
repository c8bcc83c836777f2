import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { RequestView } from '../api/types.js';
import { rememberSignedIn } from '../auth/session-expiry.js';
import { json, problem, stubFetch } from '../test/fetch-stub.js';
import { renderWithApp } from '../test/render.js';
import { AssignmentPanel } from './AssignmentPanel.js';

const requestId = '01900000-0000-7000-8000-0000000000aa';
const me = { id: 'u-me', displayName: 'Nguyễn Văn Trực' };
const lan = { id: 'u-lan', displayName: 'Trần Thị Lan' };
const minh = { id: 'u-minh', displayName: 'Lê Minh' };
const request = { id: requestId, reference: 'FR-2026-77', assignee: null } as unknown as RequestView;
const session = (permissions: string[]) => () =>
  json(200, { user: { id: me.id, username: 'truc', roles: ['duty_officer'] }, permissions, csrfToken: 'csrf' });

describe('AssignmentPanel', () => {
  it('hands the request to an officer picked by typing part of a name and the keyboard alone', async () => {
    rememberSignedIn(true);
    const network = stubFetch({
      'GET /api/v1/auth/session': session(['requests:read', 'requests:draft']),
      [`GET /api/v1/requests/${requestId}/assignable-officers`]: () => json(200, { officers: [lan, minh, me] }),
      [`POST /api/v1/requests/${requestId}/assignment`]: () => json(200, { ...request, assignee: lan }),
    });
    const user = userEvent.setup();
    renderWithApp(<AssignmentPanel request={request} />);
    // The label names both the input and its list of options; the officer types in the input.
    const picker = (await screen.findAllByLabelText('Phân công cho cán bộ')).find(
      (el): el is HTMLInputElement => el instanceof HTMLInputElement,
    );
    if (picker === undefined) throw new Error('no labelled input for the officer picker');
    await waitFor(() => expect(picker.disabled).toBe(false));
    await user.click(picker);
    // The officer themself is marked, so "assign to me" and the list do not look like two people.
    expect(await screen.findByRole('option', { name: `${me.displayName} (bạn)` })).not.toBeNull();
    await user.type(picker, 'Lan');
    expect(screen.queryByRole('option', { name: minh.displayName })).toBeNull();
    await user.keyboard('{ArrowDown}{Enter}');
    expect(picker.value).toBe(lan.displayName);
    await user.click(screen.getByRole('button', { name: 'Phân công' }));
    await waitFor(() => expect(network.sent.filter((r) => r.method === 'POST')).toHaveLength(1));
    expect(network.sent.find((r) => r.method === 'POST')?.body).toEqual({ userId: lan.id });
    expect(network.unexpected).toEqual([]);
  });

  it('neither lists officers nor offers the picker to a user who may not assign', async () => {
    rememberSignedIn(true);
    const network = stubFetch({ 'GET /api/v1/auth/session': session(['requests:read']) });
    renderWithApp(<AssignmentPanel request={request} />);
    expect((await screen.findByTestId('request-assignee')).textContent).toBe('Chưa có');
    await waitFor(() => expect(network.sent.map((r) => r.path)).toContain('/api/v1/auth/session'));
    expect(screen.queryByLabelText('Phân công cho cán bộ')).toBeNull();
    expect(network.sent.map((r) => r.path)).not.toContain(`/api/v1/requests/${requestId}/assignable-officers`);
  });

  it('says so when the list cannot be read', async () => {
    rememberSignedIn(true);
    stubFetch({
      'GET /api/v1/auth/session': session(['requests:read', 'requests:draft']),
      [`GET /api/v1/requests/${requestId}/assignable-officers`]: () =>
        problem('auth/forbidden', 'this needs the requests:draft permission'),
    });
    renderWithApp(<AssignmentPanel request={request} />);
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Không tải được danh sách cán bộ: this needs the requests:draft permission',
    );
  });
});
