import { screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import i18next from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { rememberSignedIn } from '../auth/session-expiry.js';
import { json, stubFetch } from '../test/fetch-stub.js';
import { adminSession, providerView } from '../test/provider-view.js';
import { expectReadable } from '../test/readable-scan.js';
import { renderWithApp } from '../test/render.js';
import { ProviderFormPage } from './ProviderFormPage.js';

// The page reads the node's profile for the country; the node's language is the one the test reads in.
const profile = (defaultLanguage: 'vi' | 'en') => ({
  country: 'VN',
  stateName: null,
  name: 'Viet Nam 24/7 (demo)',
  defaultLanguage,
});
const created = providerView({ legalName: 'Example Hosting JSC', type: 'HOSTING', channel: 'both' });
const refusal = {
  type: 'urn:hanoi247:problem:validation/invalid-body',
  title: 'The request is not valid',
  status: 400,
  detail: 'the body does not match the schema',
  code: 'validation/invalid-body',
  requestId: 'req-test',
  errors: [{ path: '/contacts/0/phone', message: 'must be an E.164 number such as +84912345678', in: 'body' }],
};

afterEach(async () => {
  await i18next.changeLanguage('vi');
  window.location.hash = '';
});

describe('the provider form', () => {
  it('checks what it can before sending, then shows the server\u2019s refusal at its field', async () => {
    rememberSignedIn(true);
    await i18next.changeLanguage('en');
    let attempts = 0;
    const network = stubFetch({
      'GET /api/v1/auth/session': () => json(200, adminSession),
      'GET /api/v1/node/profile': () => json(200, profile('en')),
      'POST /api/v1/providers': () => (++attempts === 1 ? json(400, refusal) : json(201, created)),
    });
    const user = userEvent.setup({ delay: null });
    const { container } = renderWithApp(<ProviderFormPage id={null} />);
    await screen.findByRole('heading', { name: 'Add a service provider' });
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: /^Country/ }).value).toBe('VN');
    await user.click(screen.getByRole('button', { name: 'Add to the registry' }));
    expect(screen.getByText('Fields to correct: 6')).toBeDefined();
    expect(screen.getAllByText('Required')).toHaveLength(4);
    expect(screen.getAllByText('Choose at least one')).toHaveLength(2);
    expect(network.sent.filter((r) => r.method === 'POST')).toEqual([]);
    expectReadable(container);

    await user.type(screen.getByRole('textbox', { name: /^Legal name/ }), 'Example Hosting JSC');
    await user.selectOptions(screen.getByRole('combobox', { name: /^Type/ }), 'Hosting provider');
    await user.click(screen.getByRole('checkbox', { name: 'Subscriber information' }));
    await user.click(screen.getByRole('radio', { name: 'Portal and API' }));
    await user.click(screen.getByRole('checkbox', { name: 'Vietnamese' }));
    await user.type(screen.getByRole('textbox', { name: /^Name or team/ }), 'Abuse desk');
    await user.type(screen.getByRole('textbox', { name: /^Telephone/ }), '0912345678');
    await user.click(screen.getByRole('button', { name: 'Add to the registry' }));
    expect(await screen.findByText('must be an E.164 number such as +84912345678')).toBeDefined();
    expect(screen.getByRole('textbox', { name: /^Telephone/ }).getAttribute('aria-invalid')).toBe('true');

    await user.clear(screen.getByRole('textbox', { name: /^Telephone/ }));
    await user.type(screen.getByRole('textbox', { name: /^Telephone/ }), '+84912345678');
    await user.click(screen.getByRole('button', { name: 'Add to the registry' }));
    await waitFor(() => expect(window.location.hash).toBe(`#/providers/${created.id}`));
    expect(network.sent.filter((r) => r.method === 'POST').at(-1)?.body).toEqual({
      legalName: 'Example Hosting JSC',
      country: 'VN',
      type: 'HOSTING',
      contacts: [{ role: 'law-enforcement-desk', name: 'Abuse desk', phone: '+84912345678' }],
      dataCategories: ['subscriber'],
      channel: 'both',
      languages: ['vi'],
    });
  });

  it('edits a provider with its values filled in, and can stop new orders to it', async () => {
    rememberSignedIn(true);
    const provider = providerView();
    const network = stubFetch({
      'GET /api/v1/auth/session': () => json(200, adminSession),
      'GET /api/v1/node/profile': () => json(200, profile('vi')),
      [`GET /api/v1/providers/${provider.id}`]: () => json(200, provider),
      [`PATCH /api/v1/providers/${provider.id}`]: () => json(200, { ...provider, active: false }),
    });
    const user = userEvent.setup({ delay: null });
    renderWithApp(<ProviderFormPage id={provider.id} />);
    await screen.findByRole('heading', { name: `Sửa ${provider.legalName}` });
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Dữ liệu lưu lượng' }).checked).toBe(true);
    await user.click(screen.getByRole('checkbox', { name: /^Đang hoạt động/ }));
    await user.click(screen.getByRole('button', { name: 'Lưu thay đổi' }));
    await waitFor(() => expect(network.sent.some((r) => r.method === 'PATCH')).toBe(true));
    expect(network.sent.find((r) => r.method === 'PATCH')?.body).toMatchObject({ active: false, type: 'PLATFORM' });
  });
});
