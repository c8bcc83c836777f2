import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserUnavailable, collectConsoleErrors, launchChromium, screenshot } from './web/browser.js';
import { DemoProcess } from './web/demo-process.js';

const skipReason = browserUnavailable();
if (skipReason !== null) console.warn(skipReason);

/** The words of the journey in one language: the labels and buttons a citizen reads. */
interface Words {
  readonly link: string;
  readonly narrative: string;
  readonly scamType: string;
  readonly firstContact: string;
  readonly when: string;
  readonly next: string;
  readonly addTransfer: string;
  readonly amount: string;
  readonly transferAt: string;
  readonly payeeValue: string;
  readonly payeeBank: string;
  readonly addIdentifier: string;
  readonly value: string;
  readonly submit: string;
  readonly thanks: string;
  readonly received: string;
  readonly addNarrative: string;
  readonly addSubmit: string;
  readonly added: string;
  readonly addition: string;
}

const vietnamese: Words = {
  link: 'Báo cáo lừa đảo trực tuyến',
  narrative: 'Chuyện gì đã xảy ra?',
  scamType: 'Hình thức lừa đảo',
  firstContact: 'Họ liên hệ với bạn lần đầu bằng cách nào?',
  when: 'Việc xảy ra khi nào?',
  next: 'Tiếp theo',
  addTransfer: 'Thêm một lần chuyển tiền',
  amount: 'Số tiền',
  transferAt: 'Ngày giờ chuyển tiền',
  payeeValue: 'Số tài khoản hoặc ví nhận tiền',
  payeeBank: 'Ngân hàng hoặc ví của tài khoản đó',
  addIdentifier: 'Thêm số điện thoại, tài khoản hoặc trang web',
  value: 'Giá trị',
  submit: 'Gửi báo cáo',
  thanks: 'Báo cáo của bạn đã được tiếp nhận',
  received: 'Đã tiếp nhận',
  addNarrative: 'Chi tiết thêm',
  addSubmit: 'Bổ sung vào báo cáo',
  added: 'Thông tin của bạn đã được bổ sung.',
  addition: 'Bạn đã bổ sung thông tin',
};

const english: Words = {
  link: 'Report online fraud',
  narrative: 'What happened?',
  scamType: 'Kind of scam',
  firstContact: 'How did they first contact you?',
  when: 'When did it happen?',
  next: 'Next',
  addTransfer: 'Add a transfer',
  amount: 'Amount',
  transferAt: 'Date and time of the transfer',
  payeeValue: 'Account or wallet number it went to',
  payeeBank: 'Bank or wallet of that account',
  addIdentifier: 'Add a phone, account or website',
  value: 'Value',
  submit: 'Send the report',
  thanks: 'Your report was received',
  received: 'Received',
  addNarrative: 'More details',
  addSubmit: 'Add to my report',
  added: 'Your information was added.',
  addition: 'You added information',
};

const sideways = (page: Page) =>
  page.evaluate(
    () =>
      (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement
        .scrollWidth,
  );

/** From the sign-in page's link to the acknowledgement: the four steps, the proof-of-work solved meanwhile. */
async function report(page: Page, words: Words): Promise<{ ack: string; link: string }> {
  await page.getByRole('link', { name: words.link }).click();
  await page.getByLabel(words.narrative).fill('Một người qua Zalo mời làm nhiệm vụ rồi yêu cầu chuyển tiền.');
  await page.getByLabel(words.scamType).selectOption('JOB_TASK');
  await page.getByLabel(words.firstContact).selectOption('zalo');
  await page.getByLabel(words.when).fill('02/11/2026 14:03');
  await page.getByRole('button', { name: words.next }).click();
  await page.getByRole('button', { name: words.addTransfer }).click();
  await page.getByLabel(words.amount, { exact: false }).first().fill('5000000');
  await page.getByLabel(words.transferAt).fill('02/11/2026 14:20');
  await page.getByLabel(words.payeeValue).fill('0451000999888');
  await page.getByLabel(words.payeeBank).fill('Vietcombank');
  await page.getByRole('button', { name: words.next }).click();
  await page.getByRole('button', { name: words.addIdentifier }).click();
  await page.getByLabel(words.value, { exact: true }).fill('0987 654 321');
  await page.getByRole('button', { name: words.next }).click();
  await page.getByRole('button', { name: words.submit }).click();
  await page.getByRole('heading', { name: words.thanks }).waitFor({ timeout: 60_000 });
  const ack = (await page.getByTestId('ack-number').textContent()) ?? '';
  const link = await page.getByTestId('status-link').inputValue();
  return { ack, link };
}

/** Later, from the private link: the status in words, then more information added to the report. */
async function followUp(browser: Browser, link: string, words: Words, locale: string, errors: string[]) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  collectConsoleErrors(page, errors);
  await page.goto(link);
  await page.getByTestId('report-status').filter({ hasText: words.received }).waitFor();
  await page.getByLabel(words.addNarrative).fill('Họ gửi thêm một số tài khoản khác.');
  await page.getByRole('button', { name: words.addSubmit }).click();
  await page.getByText(words.added).waitFor();
  await page.getByText(words.addition, { exact: false }).waitFor();
  return page;
}

/**
 * Issue 14 item 1 in Chromium against `hanoi247 demo`: a citizen without an account reports fraud from the
 * sign-in page's link, gets the acknowledgement number and private link, and later follows and adds to the
 * report — in Vietnamese on a 390 px phone (Viet Nam's node) and in English (Singapore's node opens in English).
 */
describe.skipIf(skipReason !== null)('a citizen reports online fraud on the public page', () => {
  let demo: DemoProcess;
  let browser: Browser;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    [demo, browser] = await Promise.all([DemoProcess.start(), launchChromium()]);
  }, 60_000);
  afterAll(async () => {
    await (browser as Browser | undefined)?.close();
    await (demo as DemoProcess | undefined)?.stop();
  });

  it('in Vietnamese on a phone: report, acknowledgement, then status and more information', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    collectConsoleErrors(page, consoleErrors);
    await page.goto(`${demo.url('VN')}/`);
    const { ack, link } = await report(page, vietnamese);
    expect(ack).toMatch(/^VN-FR-\d{4}-\d{6}$/);
    expect(link).toContain(`#/report-status/${ack}/`);
    expect(await sideways(page)).toBeLessThanOrEqual(390);
    await screenshot(page, 'citizen-01-vi-acknowledgement');
    const later = await followUp(browser, link, vietnamese, 'vi-VN', consoleErrors);
    expect(await sideways(later)).toBeLessThanOrEqual(390);
    await screenshot(later, 'citizen-02-vi-status');
    expect(consoleErrors).toEqual([]);
  });

  it('in English: report, acknowledgement, then status and more information', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    collectConsoleErrors(page, consoleErrors);
    await page.goto(`${demo.url('SG')}/`);
    const { ack, link } = await report(page, english);
    expect(ack).toMatch(/^SG-FR-\d{4}-\d{6}$/);
    const later = await followUp(browser, link, english, 'en-GB', consoleErrors);
    await screenshot(later, 'citizen-03-en-status');
    expect(consoleErrors).toEqual([]);
  });
});
