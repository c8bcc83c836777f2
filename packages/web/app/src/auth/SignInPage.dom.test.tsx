import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { problem, stubFetch } from '../test/fetch-stub.js';
import { renderWithApp } from '../test/render.js';
import { SignInPage } from './SignInPage.js';

const username = () => screen.getByLabelText(/^Tên đăng nhập/);
const password = () => screen.getByLabelText(/^Mật khẩu/);
const totpCode = () => screen.getByLabelText(/^Mã xác thực 6 số/);
const submit = () => screen.getByRole('button', { name: 'Đăng nhập' });

describe('the sign-in form', () => {
  it('labels every field and names the form', () => {
    renderWithApp(<SignInPage />);
    expect(screen.getByRole('form', { name: 'Đăng nhập bàn trực 24/7' })).toBeTruthy();
    expect(username().getAttribute('autocomplete')).toBe('username');
    expect(password().getAttribute('type')).toBe('password');
    expect(totpCode().getAttribute('autocomplete')).toBe('one-time-code');
  });

  it('says in Vietnamese what is missing, linked to the fields, focuses the first, and calls nobody', async () => {
    const network = stubFetch({});
    const user = userEvent.setup({ delay: null });
    renderWithApp(<SignInPage />);

    await user.click(submit());

    for (const input of [username(), password()]) {
      expect(input.getAttribute('aria-invalid')).toBe('true');
      const message = document.getElementById(input.getAttribute('aria-describedby') ?? '');
      expect(message?.textContent).toBe('Bắt buộc');
    }
    expect(totpCode().getAttribute('aria-invalid')).toBe('false');
    expect(document.activeElement).toBe(username());
    expect(network.sent).toEqual([]);

    await user.type(username(), 'officer.an');
    expect(username().getAttribute('aria-invalid')).toBe('false');
    expect(password().getAttribute('aria-invalid')).toBe('true');
  });

  it('asks for six digits when a code is typed', async () => {
    const network = stubFetch({});
    const user = userEvent.setup({ delay: null });
    renderWithApp(<SignInPage />);
    await user.type(username(), 'officer.an');
    await user.type(password(), 'a long passphrase');
    await user.type(totpCode(), '12a45');
    await user.click(submit());
    expect(totpCode().getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(totpCode());
    expect(network.sent).toEqual([]);
  });

  it('sends the credentials once, and shows the refusal when the node answers 401', async () => {
    const network = stubFetch({
      'POST /api/v1/auth/login': () =>
        problem('auth/invalid-credentials', 'the username, password or one-time code is not valid'),
    });
    const user = userEvent.setup({ delay: null });
    renderWithApp(<SignInPage />);
    await user.type(username(), '  officer.an ');
    await user.type(password(), 'a long passphrase');
    await user.type(totpCode(), '123456');
    await user.click(submit());

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'Đăng nhập bị từ chối: kiểm tra tên đăng nhập, mật khẩu và mã (mỗi mã chỉ dùng một lần).',
    );
    expect(network.sent).toEqual([
      {
        method: 'POST',
        path: '/api/v1/auth/login',
        headers: { accept: 'application/json', 'content-type': 'application/json' },
        body: { username: 'officer.an', password: 'a long passphrase', totpCode: '123456' },
      },
    ]);
    expect(network.unexpected).toEqual([]);
  });
});
