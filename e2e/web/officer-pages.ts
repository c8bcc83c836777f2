import type { Browser, Page } from 'playwright-core';
import { totpCodeAt } from '../../packages/server/src/auth/totp.js';
import { collectConsoleErrors } from './browser.js';
import type { DemoAccount } from './demo-process.js';
import type { JourneyTally } from './tally.js';

const deskHeading = 'Bàn trực 24/7 — yêu cầu đến và đi';
/** Where an administrator lands: the desk is not theirs, and the page says where their work is. */
export const notDeskHeading = 'Vai trò của bạn không xử lý yêu cầu';

/**
 * One officer (or provider user) in their own browser context (own cookies), signed in with password and TOTP through
 * the UI; waits for the landing page's heading.
 */
export async function signedInOfficer(
  browser: Browser,
  url: string,
  account: DemoAccount,
  errors: string[],
  landing = deskHeading,
  tally?: JourneyTally,
): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  await tally?.attach(context);
  const page = await context.newPage();
  collectConsoleErrors(page, errors);
  await page.goto(`${url}/`);
  page.setDefaultTimeout(20_000);
  // Partners' demo nodes open in English: these journeys read the desk in Vietnamese, chosen on the sign-in page.
  await page.locator('input[name="username"]').waitFor();
  await inLanguage(page, 'vi');
  await page.getByLabel('Tên đăng nhập').fill(account.username);
  await page.locator('input[name="password"]').fill(account.password);
  await page.getByLabel('Mã xác thực 6 số').fill(totpCodeAt(account.totpSecret, new Date()));
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { name: landing }).waitFor();
  return page;
}

/** Picks an option of a Mantine select by its visible label. */
export async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('textbox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

/** Drafts the Art. 42 preservation the demo scenario sends, through the guided form, and submits it. */
export async function draftPreservation(page: Page): Promise<string> {
  await page.getByRole('link', { name: 'Yêu cầu mới' }).click();
  await choose(page, 'Quốc gia được yêu cầu', 'Singapore (SG)');
  await page.getByLabel('Cơ quan đề nghị bảo toàn').fill('Viet Nam 24/7 point of contact (A05)');
  await page
    .getByLabel('Tội danh và tóm tắt sự việc')
    .fill('Illegal access (UN art. 7) to a bank’s systems on 30 October 2026');
  await page
    .getByLabel('Dữ liệu cần bảo toàn và mối liên hệ với tội phạm')
    .fill('Subscriber and traffic data of the account used to log in');
  await page.getByLabel('Dữ liệu thuê bao').check();
  await page.getByLabel('Nơi lưu giữ dữ liệu hoặc vị trí hệ thống').fill('Example Platform, Singapore');
  await page
    .getByLabel('Sự cần thiết của việc bảo toàn')
    .fill('The platform deletes its connection logs after 30 days');
  await page.getByLabel('Sẽ gửi yêu cầu tương trợ tư pháp tiếp theo').check();
  await page.getByRole('button', { name: 'Thêm định danh' }).click();
  await page.getByLabel('Dịch vụ').fill('Example Platform');
  await page.getByLabel('Giá trị').fill('quick.invest.2026');
  await page.getByLabel('Đầu mối liên lạc 24/7').fill('Viet Nam 24/7 desk, +84 24 0000 0000');
  await page.getByRole('button', { name: 'Trình phê duyệt' }).click();
  await page.getByTestId('request-state').filter({ hasText: 'Chờ phê duyệt' }).waitFor();
  return (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
}

/** Opens a request from the inbox by its reference (it appears by polling, without reloading). */
export async function openFromInbox(page: Page, reference: string): Promise<void> {
  await page.getByRole('link', { name: reference }).click();
  await page.getByTestId('request-state').waitFor();
}

/**
 * Switches the app's language with the header's switch, unless it is already the one shown. By
 * keyboard (focus the option, Space): an arrival toast in the top-right corner may lie over the switch.
 */
export async function inLanguage(page: Page, language: 'vi' | 'en'): Promise<void> {
  if ((await page.locator('html').getAttribute('lang')) === language) return;
  await page.getByRole('radio', { name: language === 'vi' ? 'Tiếng Việt' : 'English', exact: true }).focus();
  await page.keyboard.press('Space');
  await page.locator(`html[lang="${language}"]`).waitFor({ state: 'attached' });
}
