import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { totpCodeAt } from '../packages/server/src/auth/totp.js';
import { browserUnavailable, collectConsoleErrors, launchChromium, screenshot } from './web/browser.js';
import { DemoProcess, type DemoAccount } from './web/demo-process.js';
import { officersOf, sendPreservationRequest } from './web/officer-api.js';

const skipReason = browserUnavailable();
if (skipReason !== null) console.warn(skipReason);

/** A fresh browser (no saved language) as a Vietnamese officer's: vi-VN, Hanoi time. */
async function vietnameseBrowser(browser: Browser, width: number, errors: string[]): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height: 844 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  collectConsoleErrors(page, errors);
  return page;
}

async function signIn(page: Page, account: DemoAccount, labels: { user: string; code: string; submit: string }) {
  await page.getByLabel(labels.user).fill(account.username);
  await page.locator('input[name="password"]').fill(account.password);
  await page.getByLabel(labels.code).fill(totpCodeAt(account.totpSecret, new Date()));
  await page.getByRole('button', { name: labels.submit }).click();
}

const sideways = (page: Page) =>
  page.evaluate(() => {
    const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
      .documentElement;
    return root.scrollWidth;
  });

/**
 * Language and place against `hanoi247 demo`: Singapore's operator set English, so a vi-VN browser
 * opens Singapore's node in English, with the State named in the header; and Viet Nam's desk on a
 * 390 px phone: the inbox as cards, every header control behind the menu, no sideways scrolling.
 */
describe.skipIf(skipReason !== null)('the node\u2019s language and place, and the desk on a phone', () => {
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

  it('opens Singapore\u2019s node in English for a vi-VN browser, and names the State on every page', async () => {
    const page = await vietnameseBrowser(browser, 1366, consoleErrors);
    await page.goto(`${demo.url('SG')}/`);
    await page.getByRole('heading', { name: 'Sign in to the 24/7 desk' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByTestId('node-place').textContent()).toBe('Node of Singapore: Singapore 24/7 (demo)');

    await signIn(page, demo.account('SG', 'duty'), {
      user: 'Username',
      code: '6-digit authentication code',
      submit: 'Sign in',
    });
    await page.getByRole('heading', { name: '24/7 desk — requests in and out' }).waitFor();
    expect(await page.getByTestId('node-place').textContent()).toBe('Singapore · Singapore 24/7 (demo)');
    await screenshot(page, 'place-01-sg-english');
    expect(consoleErrors).toEqual([]);
  });

  it('at 390 px: the inbox as cards, the menu reaches every control and sign-out, no sideways scrolling', async () => {
    const sent = await sendPreservationRequest(officersOf(demo, 'VN'));
    const page = await vietnameseBrowser(browser, 390, consoleErrors);
    await page.goto(`${demo.url('VN')}/`);
    await page.getByRole('heading', { name: 'Đăng nhập bàn trực 24/7' }).waitFor();
    expect(await sideways(page)).toBeLessThanOrEqual(390);
    await signIn(page, demo.account('VN', 'duty'), {
      user: 'Tên đăng nhập',
      code: 'Mã xác thực 6 số',
      submit: 'Đăng nhập',
    });
    await page.getByRole('heading', { name: 'Bàn trực 24/7 — yêu cầu đến và đi' }).waitFor();

    // The request is a card (a list item, not a table row) with its badges.
    const card = page.locator(`li[data-reference="${sent.reference}"]`);
    await card.waitFor();
    expect(await page.locator(`tr[data-reference="${sent.reference}"]`).count()).toBe(0);
    await card.getByText('Thường', { exact: true }).waitFor();
    await card.getByTestId('queue-state').waitFor();
    expect(await page.getByTestId('node-place').textContent()).toBe('Việt Nam · Viet Nam 24/7 (demo)');
    expect(await sideways(page)).toBeLessThanOrEqual(390);
    await screenshot(page, 'place-02-vn-phone-inbox');

    // Folded away until the menu opens.
    const signOut = page.getByRole('button', { name: 'Đăng xuất' });
    expect(await signOut.isVisible()).toBe(false);
    const menu = page.getByRole('button', { name: 'Mở trình đơn' });
    await menu.click();
    const close = page.getByRole('button', { name: 'Đóng trình đơn' });
    expect(await close.getAttribute('aria-expanded')).toBe('true');
    for (const control of [
      page.getByRole('link', { name: 'Yêu cầu mới' }),
      page.getByRole('link', { name: 'Danh bạ đối tác' }),
      page.locator('label').filter({ hasText: /^English$/ }),
      signOut,
    ]) {
      await control.scrollIntoViewIfNeeded();
      expect(await control.isVisible()).toBe(true);
      const box = await control.boundingBox();
      expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= 390).toBe(true);
    }
    expect(await sideways(page)).toBeLessThanOrEqual(390);
    await screenshot(page, 'place-03-vn-phone-menu');

    // A page opened from the menu closes it; the request page and the drafting form fit the phone too.
    await page.getByRole('link', { name: 'Yêu cầu mới' }).click();
    await page.getByRole('button', { name: 'Mở trình đơn' }).waitFor();
    await page.getByRole('button', { name: 'Trình phê duyệt' }).waitFor();
    expect(await sideways(page)).toBeLessThanOrEqual(390);
    await screenshot(page, 'place-04-vn-phone-draft');
    await page.goto(`${demo.url('VN')}/#/requests/${sent.id}`);
    await page.getByTestId('request-state').waitFor();
    expect(await sideways(page)).toBeLessThanOrEqual(390);
    await screenshot(page, 'place-05-vn-phone-request');

    await page.getByRole('button', { name: 'Mở trình đơn' }).click();
    await signOut.click();
    await page.getByRole('heading', { name: 'Đăng nhập bàn trực 24/7' }).waitFor();
    expect(consoleErrors).toEqual([]);
  });
});
