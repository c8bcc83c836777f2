import type { Page } from 'playwright-core';
import { acceptedPreservation, journeyProvider, type Officers } from './officer-api.js';
import { inLanguage } from './officer-pages.js';

/**
 * A domestic order drafted from an accepted request in the web app (Vietnamese), authorised by a
 * second officer (four eyes) and served: the steps officers took through the API before the app had
 * order pages. Answers the order's reference.
 */
async function serveOrderInPages(
  duty: Page,
  supervisor: Page,
  url: string,
  requestId: string,
  provider: string,
): Promise<string> {
  await duty.goto(`${url}/#/requests/${requestId}`);
  await inLanguage(duty, 'vi');
  await inLanguage(supervisor, 'vi');
  await duty.getByRole('link', { name: 'Soạn lệnh trong nước' }).click();
  await duty.getByRole('heading', { name: 'Ban hành lệnh trong nước' }).waitFor();
  await duty.getByRole('textbox', { name: /^Doanh nghiệp cung cấp dịch vụ/ }).click();
  await duty.getByRole('option', { name: provider }).click();
  // The preservation request names no period of its own here: the officer gives the one the court authorised.
  const period = duty.getByRole('group', { name: /^Khoảng thời gian dữ liệu/ });
  await period.getByRole('textbox').nth(0).fill('29/10/2026 00:00');
  await period.getByRole('textbox').nth(1).fill('31/10/2026 23:59');
  await duty.getByRole('textbox', { name: /^Cơ quan phê duyệt/ }).fill('District Court (demo)');
  await duty.getByRole('textbox', { name: /^Số quyết định/ }).fill('WEB/2026/42');
  await duty.getByRole('button', { name: 'Soạn lệnh để phê duyệt' }).click();
  await duty.getByTestId('order-state').filter({ hasText: 'Dự thảo, chờ phê duyệt' }).waitFor();
  const reference = (await duty.getByRole('heading', { level: 1 }).textContent()) ?? '';
  const orderUrl = duty.url();

  await supervisor.goto(orderUrl);
  await supervisor.getByRole('button', { name: 'Ghi nhận phê duyệt' }).click();
  await supervisor.getByRole('dialog').getByRole('button', { name: 'Xác nhận', exact: true }).click();
  await supervisor.getByTestId('order-state').filter({ hasText: 'Đã được phê duyệt' }).waitFor();

  // The drafter's open order page learns of the authorisation by polling; only then can it serve.
  await duty.getByRole('button', { name: 'Tống đạt cho doanh nghiệp' }).click();
  await duty.getByRole('dialog').getByRole('button', { name: 'Xác nhận', exact: true }).click();
  await duty.getByTestId('order-state').filter({ hasText: 'Đã tống đạt cho doanh nghiệp' }).waitFor();
  await duty.getByRole('link', { name: 'Tải lệnh đã ký' }).waitFor();
  return reference;
}

/** Singapore accepts Viet Nam's preservation (by API), then its officers issue and serve the order in the app. */
export async function preservationServedInPages(
  pageOf: (country: string, account: string) => Promise<Page>,
  sg: Officers,
  reference: string,
): Promise<string> {
  const requestId = await acceptedPreservation(sg, reference);
  return serveOrderInPages(
    await pageOf('SG', 'duty'),
    await pageOf('SG', 'supervisor'),
    sg.url,
    requestId,
    journeyProvider,
  );
}
