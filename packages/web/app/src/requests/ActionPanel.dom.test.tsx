import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { RequestType } from '../api/types.js';
import { json, stubFetch } from '../test/fetch-stub.js';
import { requestTypesBody, stateMachinesBody } from '../test/reference.fixtures.js';
import { renderWithApp } from '../test/render.js';
import { actionsOf, requestView } from '../test/request-view.js';
import { ActionPanel } from './ActionPanel.js';

const requestType: RequestType | undefined = requestTypesBody.requestTypes.find((t) => t.code === 'PRESERVATION_42');
const request = requestView('PRESERVATION_42', 'TRIAGE', {
  availableActions: actionsOf('PRESERVATION_42', ['refuse']),
});
const ground = requestType?.refusalGrounds['UN']?.find((g) => !g.forbiddenAsSoleGround);
const transitions = `POST /api/v1/requests/${request.id}/transitions`;
const describedBy = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '');

const openRefusal = async (user: ReturnType<typeof userEvent.setup>, shown = request) => {
  renderWithApp(<ActionPanel request={shown} requestType={requestType} />);
  const refuse = screen.getByRole('button', { name: 'Từ chối' });
  // Busy until the state machines (and so the refusal's guards) have arrived.
  await waitFor(() => expect(refuse.hasAttribute('disabled')).toBe(false));
  await user.click(refuse);
  return screen.getByRole('dialog', { name: 'Từ chối' });
};
// The MultiSelect's listbox carries the label too: the field is its input.
const reasonCodes = (dialog: HTMLElement) =>
  within(dialog)
    .getAllByLabelText(/^Căn cứ từ chối/)
    .find((e) => e instanceof HTMLInputElement) ?? null;

describe('refusing a request from the action panel', () => {
  it('asks for a ground when none is chosen, focuses it, and sends nothing', async () => {
    const network = stubFetch({ 'GET /api/v1/state-machines': () => json(200, stateMachinesBody) });
    const user = userEvent.setup({ delay: null });
    const dialog = await openRefusal(user);
    await user.type(within(dialog).getByLabelText(/^Lý do/), 'Yêu cầu liên quan tội phạm chính trị');
    await user.click(within(dialog).getByRole('button', { name: 'Xác nhận' }));

    const field = reasonCodes(dialog);
    if (field === null) throw new Error('no reason-code input');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(field)).toContain('Chọn ít nhất một căn cứ từ chối');
    expect(document.activeElement).toBe(field);
    expect(network.sent.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('sends the chosen ground and the reasons as the refuse transition', async () => {
    if (ground === undefined) throw new Error('the registry has no sole refusal ground for preservation');
    const network = stubFetch({
      'GET /api/v1/state-machines': () => json(200, stateMachinesBody),
      [transitions]: () => json(200, requestView('PRESERVATION_42', 'REFUSED', { version: 4 })),
    });
    const user = userEvent.setup({ delay: null });
    const dialog = await openRefusal(user);
    const field = reasonCodes(dialog);
    if (field === null) throw new Error('no reason-code input');
    await user.click(field);
    await user.click(within(dialog).getByRole('option', { name: ground.title.vi }));
    await user.type(within(dialog).getByLabelText(/^Lý do/), '  Yêu cầu liên quan tội phạm chính trị ');
    await user.click(within(dialog).getByRole('button', { name: 'Xác nhận' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(network.sent.filter((r) => r.method === 'POST').map((r) => [r.path, r.body])).toEqual([
      [
        `/api/v1/requests/${request.id}/transitions`,
        {
          action: 'refuse',
          payload: { reasonCodes: [ground.code], reasons: 'Yêu cầu liên quan tội phạm chính trị', language: 'vi' },
        },
      ],
    ]);
    expect(network.unexpected).toEqual([]);
  });

  it(
    'offers the grounds of the request\u2019s legal basis: no political offence ' + 'against a UN-basis preservation',
    async () => {
      const options = async (legalBasis: string) => {
        stubFetch({ 'GET /api/v1/state-machines': () => json(200, stateMachinesBody) });
        const user = userEvent.setup({ delay: null });
        const dialog = await openRefusal(user, { ...request, legalBasis });
        const field = reasonCodes(dialog);
        if (field === null) throw new Error('no reason-code input');
        await user.click(field);
        const names = within(dialog)
          .getAllByRole('option')
          .map((o) => o.textContent);
        cleanup();
        return names;
      };
      const un = await options('UN');
      expect(un).toContain('Phương hại chủ quyền, an ninh, trật tự công cộng hoặc lợi ích thiết yếu');
      expect(un).not.toContain('Tội phạm chính trị');
      expect(un).not.toContain('Chuyển giao dữ liệu cá nhân trái pháp luật');
      expect(await options('BUDAPEST')).toContain('Tội phạm chính trị');
    },
  );
});

describe('accepting an extradition from the action panel', () => {
  it('asks for the maximum penalty under this State\u2019s law and sends it with the acceptance', async () => {
    const extradition = requestView('EXTRADITION_37', 'UNDER_ASSESSMENT', {
      availableActions: actionsOf('EXTRADITION_37', ['accept']),
    });
    const network = stubFetch({
      'GET /api/v1/state-machines': () => json(200, stateMachinesBody),
      [`POST /api/v1/requests/${extradition.id}/transitions`]: () =>
        json(200, requestView('EXTRADITION_37', 'GRANTED', { version: 4 })),
    });
    const user = userEvent.setup({ delay: null });
    renderWithApp(
      <ActionPanel
        request={extradition}
        requestType={requestTypesBody.requestTypes.find((t) => t.code === 'EXTRADITION_37')}
      />,
    );
    const accept = screen.getByRole('button', { name: 'Chấp nhận' });
    await waitFor(() => expect(accept.hasAttribute('disabled')).toBe(false));
    await user.click(accept);
    const dialog = screen.getByRole('dialog', { name: 'Chấp nhận' });
    await user.click(within(dialog).getByRole('button', { name: 'Xác nhận' }));
    const penalty = within(dialog).getByLabelText(/^Mức hình phạt tối đa/);
    expect(penalty.getAttribute('aria-invalid')).toBe('true');
    expect(network.sent.filter((r) => r.method === 'POST')).toEqual([]);
    await user.type(penalty, '3');
    await user.click(within(dialog).getByRole('button', { name: 'Xác nhận' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(network.sent.filter((r) => r.method === 'POST').map((r) => r.body)).toEqual([
      { action: 'accept', payload: { requestedStateMaxPenaltyYears: 3 } },
    ]);
  });
});

describe('approving from the action panel', () => {
  it('asks once more, naming the request and the audit, and sends only once confirmed', async () => {
    const submitted = requestView('PRESERVATION_42', 'SUBMITTED', {
      direction: 'outgoing',
      availableActions: actionsOf('PRESERVATION_42', ['approve']),
    });
    const network = stubFetch({
      'GET /api/v1/state-machines': () => json(200, stateMachinesBody),
      [`POST /api/v1/requests/${submitted.id}/transitions`]: () =>
        json(200, requestView('PRESERVATION_42', 'APPROVED', { version: 4 })),
    });
    const user = userEvent.setup({ delay: null });
    renderWithApp(<ActionPanel request={submitted} requestType={requestType} />);
    const approve = screen.getByRole('button', { name: 'Phê duyệt' });
    await waitFor(() => expect(approve.hasAttribute('disabled')).toBe(false));
    await user.click(approve);
    const dialog = screen.getByRole('dialog', { name: 'Phê duyệt' });
    expect(dialog.textContent).toContain(`Phê duyệt yêu cầu ${submitted.reference}?`);
    expect(dialog.textContent).toContain('nhật ký kiểm toán');
    await user.click(within(dialog).getByRole('button', { name: 'Hủy' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(network.sent.filter((r) => r.method === 'POST')).toEqual([]);
    await user.click(approve);
    await user.click(
      within(screen.getByRole('dialog', { name: 'Phê duyệt' })).getByRole('button', { name: 'Xác nhận' }),
    );
    await waitFor(() =>
      expect(network.sent.filter((r) => r.method === 'POST').map((r) => r.body)).toEqual([
        { action: 'approve', payload: {} },
      ]),
    );
  });
});
