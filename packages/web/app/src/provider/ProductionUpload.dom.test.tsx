import { createHash } from 'node:crypto';
import { screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { stubXhr } from '../test/fake-xhr.js';
import { json, stubFetch, type SentRequest } from '../test/fetch-stub.js';
import { renderWithApp } from '../test/render.js';
import { ProductionUpload } from './ProductionUpload.js';
import { resumeKey } from './tus-metadata.js';

const orderId = '0193f0c2-6a4b-7c1d-9e2f-3a4b5c6d7e8f';
/** The node's published limit (orders.maxProductionBytes, 4 GiB by default). */
const maxBytes = 4 * 1024 ** 3;
const uploadId = '0193f0c2-7000-7000-8000-000000000001';
const location = `/api/v1/provider/orders/${orderId}/production/uploads/${uploadId}`;
const evidenceId = '0193f0c2-7000-7000-8000-0000000000e1';
const content = 'msisdn,imsi,first_seen\n+84912345678,452040000000001,2026-10-30T14:03:11+07:00\n';

const chooseFile = async (user: ReturnType<typeof userEvent.setup>, file: File) => {
  const input = document.querySelector<HTMLInputElement>('input[type="file"]');
  if (input === null) throw new Error('no file input');
  await user.upload(input, file);
};
const fileField = () => screen.getByLabelText(/^Tệp dữ liệu/);
const categoryField = () => screen.getByLabelText(/^Loại dữ liệu của tệp/);
const uploadButton = () => screen.getByRole('button', { name: 'Tải lên' });
const metadataOf = (request: SentRequest): Record<string, string> =>
  Object.fromEntries(
    (request.headers['upload-metadata'] ?? '').split(',').map((pair): [string, string] => {
      const [key = '', value = ''] = pair.split(' ');
      return [key, Buffer.from(value, 'base64').toString('utf8')];
    }),
  );
const deferred = <T,>() => {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
};

describe('sending a production file', () => {
  it('hashes the file first, declares the hash at creation, then sends the bytes', async () => {
    const created = deferred<Response>();
    const network = stubFetch({
      [`POST /api/v1/provider/orders/${orderId}/production/uploads`]: () => created.promise,
    });
    const patches = stubXhr();
    const user = userEvent.setup({ delay: null });
    renderWithApp(<ProductionUpload orderId={orderId} maxBytes={maxBytes} />);
    const file = new File([content], 'thuê bao.csv', { type: 'text/csv', lastModified: 1_760_000_000_000 });

    await chooseFile(user, file);
    await user.selectOptions(categoryField(), 'subscriber');
    await user.type(screen.getByLabelText(/^Mô tả/), 'Thông tin thuê bao');
    await user.click(uploadButton());

    // The node has not answered the creation yet: the page still shows the finished hashing phase.
    await waitFor(() => expect(network.sent).toHaveLength(1));
    expect(screen.getByRole('status').textContent).toBe('Đang tính mã băm (SHA-256) của tệp');
    expect(
      screen.getByRole('progressbar', { name: 'Đang tính mã băm (SHA-256) của tệp' }).getAttribute('aria-valuenow'),
    ).toBe('100');
    const [creation] = network.sent;
    expect(creation?.headers).toMatchObject({ 'tus-resumable': '1.0.0', 'upload-length': String(file.size) });
    expect(metadataOf(creation as SentRequest)).toEqual({
      filename: 'thuê bao.csv',
      sha256: createHash('sha256').update(content).digest('hex'),
      dataCategory: 'subscriber',
      mediaType: 'text/csv',
      description: 'Thông tin thuê bao',
    });

    created.resolve(
      json(
        201,
        {
          id: uploadId,
          requestId: null,
          orderId,
          status: 'open',
          offset: 0,
          length: file.size,
          expiresAt: '2026-11-24T00:00:00.000Z',
          evidenceId: null,
          createdAt: '2026-11-23T00:00:00.000Z',
        },
        { location, 'upload-offset': '0' },
      ),
    );
    await waitFor(() => expect(patches).toHaveLength(1));
    expect(screen.getByRole('status').textContent).toBe('Tiến độ tải lên');
    const patch = patches[0];
    expect([patch?.method, patch?.url, patch?.headers['upload-offset'], patch?.headers['content-type']]).toEqual([
      'PATCH',
      location,
      '0',
      'application/offset+octet-stream',
    ]);
    expect(await patch?.body?.text()).toBe(content);
    expect(localStorage.getItem(resumeKey(orderId, file))).toBe(location);

    patch?.respond(204, { 'upload-offset': String(file.size), 'hanoi247-evidence-id': evidenceId });
    expect((await screen.findByText(`Đã nhận tệp, mã chứng cứ ${evidenceId}`)).getAttribute('role')).toBe('status');
    expect(localStorage.getItem(resumeKey(orderId, file))).toBeNull();
    expect(network.unexpected).toEqual([]);
  });

  it(
    'after a cancel, resumes the same file where the node stopped counting, ' + 'without hashing or creating again',
    async () => {
      const file = new File([content], 'a.csv', { type: 'text/csv', lastModified: 1_760_000_000_000 });
      localStorage.setItem(resumeKey(orderId, file), location);
      const network = stubFetch({
        [`HEAD ${location}`]: () =>
          new Response(null, { status: 200, headers: { 'upload-offset': '10', 'upload-length': String(file.size) } }),
      });
      const patches = stubXhr();
      const user = userEvent.setup({ delay: null });
      renderWithApp(<ProductionUpload orderId={orderId} maxBytes={maxBytes} />);

      await chooseFile(user, file);
      await user.selectOptions(categoryField(), 'traffic');
      await user.click(uploadButton());
      await waitFor(() => expect(patches).toHaveLength(1));
      expect(patches[0]?.headers['upload-offset']).toBe('10');
      expect(await patches[0]?.body?.text()).toBe(content.slice(10));
      expect(network.sent.map((r) => `${r.method} ${r.path}`)).toEqual([`HEAD ${location}`]);

      await user.click(screen.getByRole('button', { name: 'Hủy' }));
      expect((await screen.findByRole('status')).textContent).toBe('Đã hủy tải lên. Chọn lại tệp đó để tiếp tục.');
      expect(localStorage.getItem(resumeKey(orderId, file))).toBe(location);
    },
  );

  it('names what is missing before reading anything, and focuses it', async () => {
    const network = stubFetch({});
    const user = userEvent.setup({ delay: null });
    renderWithApp(<ProductionUpload orderId={orderId} maxBytes={maxBytes} />);

    await user.click(uploadButton());
    expect(fileField().getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(fileField().getAttribute('aria-describedby') ?? '')?.textContent).toBe('Bắt buộc');
    expect(categoryField().getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(fileField());

    await chooseFile(user, new File([], 'rỗng.csv'));
    await user.click(uploadButton());
    expect(document.getElementById(fileField().getAttribute('aria-describedby') ?? '')?.textContent).toBe('Tệp rỗng');

    // One byte over the node's limit (far below the 64 GiB any node could take): refused before hashing.
    const huge = new File(['x'], 'lớn.bin');
    Object.defineProperty(huge, 'size', { value: maxBytes + 1 });
    await chooseFile(user, huge);
    await user.selectOptions(categoryField(), 'content');
    expect(categoryField().getAttribute('aria-invalid')).toBe('false');
    await user.click(uploadButton());
    expect(document.getElementById(fileField().getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Tệp lớn hơn mức nút này chấp nhận: tối đa 4,3 GB (4.294.967.296 byte)',
    );
    expect(document.activeElement).toBe(fileField());
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(network.sent).toEqual([]);
  });
});
