import type { Browser, Page } from 'playwright-core';
import { totpCodeAt } from '../../packages/server/src/auth/totp.js';
import { collectConsoleErrors } from './browser.js';
import type { DemoAccount } from './demo-process.js';

/** The little of the DOM these checks read (the e2e tier compiles without the DOM library). */
interface FocusedElement {
  readonly tagName: string;
  readonly outerHTML: string;
  matches(selector: string): boolean;
  getAttribute(name: string): string | null;
}
interface FocusWindow {
  readonly document: { readonly activeElement: FocusedElement | null; readonly body: unknown };
  getComputedStyle(element: FocusedElement): {
    readonly outlineStyle: string;
    readonly outlineWidth: string;
    readonly outlineColor: string;
  };
}

/**
 * Presses Tab (Shift+Tab when `backwards`) until the focused element matches `selector`, as a
 * keyboard user moves through a page; fails after `limit` presses (a control Tab never reaches).
 */
export async function tabTo(page: Page, selector: string, { backwards = false, limit = 15 } = {}): Promise<number> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    if (
      await page.evaluate(
        (s) => (globalThis as unknown as FocusWindow).document.activeElement?.matches(s) ?? false,
        selector,
      )
    ) {
      return presses;
    }
  }
  const focused = await page.evaluate(
    () => (globalThis as unknown as FocusWindow).document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing',
  );
  throw new Error(
    `${backwards ? 'Shift+Tab' : 'Tab'} did not reach ${selector} in ${limit} presses; focus is on ${focused}`,
  );
}

export interface FocusIndicator {
  readonly element: string;
  readonly focusVisible: boolean;
  readonly outline: string;
}

/** How the focused element shows its focus: a keyboard user must see where they are (WCAG 2.4.7). */
export function focusIndicator(page: Page): Promise<FocusIndicator> {
  return page.evaluate(() => {
    const browser = globalThis as unknown as FocusWindow;
    const element = browser.document.activeElement;
    if (element === null || element === browser.document.body) {
      return { element: 'nothing', focusVisible: false, outline: 'none' };
    }
    const style = browser.getComputedStyle(element);
    const name = element.getAttribute('name');
    const type = element.getAttribute('type');
    const label =
      element.tagName.toLowerCase() + (name === null ? '' : `[name=${name}]`) + (type === null ? '' : `[type=${type}]`);
    return {
      element: label,
      focusVisible: element.matches(':focus-visible'),
      outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
    };
  });
}

/** A visible outline: some style other than none, wider than zero, not transparent. */
export const outlineVisible = (indicator: FocusIndicator): boolean => {
  const [style = 'none', width = '0px', ...color] = indicator.outline.split(' ');
  return (
    indicator.focusVisible &&
    style !== 'none' &&
    Number.parseFloat(width) > 0 &&
    !/rgba\(.*,\s*0\)$/.test(color.join(' '))
  );
};

/**
 * Signs in without the mouse: Tab to each field and type, Shift+Tab back once, Enter on the
 * button. Returns the page at its landing heading and the focus indicator of every control on the way.
 */
export async function signInByKeyboard(
  browser: Browser,
  url: string,
  account: DemoAccount,
  errors: string[],
  landing: string,
): Promise<{ page: Page; indicators: FocusIndicator[] }> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  collectConsoleErrors(page, errors);
  await page.goto(`${url}/`);
  await page.getByRole('heading', { name: 'Đăng nhập bàn trực 24/7' }).waitFor();
  const indicators: FocusIndicator[] = [];
  const at = async (selector: string, options?: { backwards?: boolean }) => {
    await tabTo(page, selector, options);
    indicators.push(await focusIndicator(page));
  };
  await at('input[name="username"]');
  await page.keyboard.type(account.username);
  await at('input[name="password"]');
  await page.keyboard.type(account.password);
  await at('input[name="totpCode"]');
  // Back to the password and forward again: the order holds both ways.
  await at('input[name="password"]', { backwards: true });
  await at('input[name="totpCode"]');
  await page.keyboard.type(totpCodeAt(account.totpSecret, new Date()));
  await at('button[type="submit"]');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: landing }).waitFor();
  return { page, indicators };
}
