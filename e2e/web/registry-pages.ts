import type { Page } from 'playwright-core';
import { inLanguage } from './officer-pages.js';

/**
 * A provider added to the node's registry and its provider user linked to it, entirely through the registry's pages
 * (Vietnamese), by someone who keeps the registry (the administrator, or a central-authority officer who may also
 * read the accounts). Leaves the page on the provider's page.
 */
export async function registerProviderInPages(
  admin: Page,
  providerName: string,
  providerUsername: string,
): Promise<void> {
  await inLanguage(admin, 'vi');
  await admin.getByRole('navigation').getByRole('link', { name: 'Doanh nghiệp' }).click();
  await admin.getByRole('heading', { name: 'Sổ đăng ký doanh nghiệp cung cấp dịch vụ' }).waitFor();
  await admin.getByRole('link', { name: 'Thêm doanh nghiệp' }).click();
  await admin.getByRole('heading', { name: 'Thêm doanh nghiệp cung cấp dịch vụ' }).waitFor();
  await admin.getByRole('textbox', { name: /^Tên pháp lý/ }).fill(providerName);
  await admin.getByRole('combobox', { name: /^Loại hình/ }).selectOption({ label: 'Nền tảng số' });
  await admin.getByRole('checkbox', { name: 'Dữ liệu thuê bao' }).check();
  await admin.getByRole('checkbox', { name: 'Dữ liệu lưu lượng' }).check();
  await admin.getByRole('radio', { name: 'Cổng và API' }).check();
  await admin.getByRole('checkbox', { name: 'Tiếng Anh' }).check();
  await admin.getByRole('textbox', { name: /^Tên người hoặc bộ phận/ }).fill('Law-enforcement response team');
  await admin.getByRole('textbox', { name: /^Thư điện tử/ }).fill('le-response@registry.example');
  await admin.getByRole('button', { name: 'Thêm vào sổ đăng ký' }).click();
  await admin.getByRole('heading', { level: 1, name: providerName }).waitFor();

  const choice = admin.getByRole('combobox', { name: 'Người dùng của doanh nghiệp' });
  const option = choice.locator('option', { hasText: `${providerUsername} · ` });
  await option.waitFor({ state: 'attached' });
  await choice.selectOption((await option.getAttribute('value')) ?? '');
  await admin.getByRole('button', { name: 'Liên kết người dùng' }).click();
  await admin.getByTestId('provider-members').getByText(providerUsername, { exact: true }).waitFor();
}
