import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium: the tests never download a browser (no `npx playwright install`). */
export const chromiumPath = '/usr/bin/chromium';
export const screenshotDir = new URL('../../test-results/web/', import.meta.url);

/** Null (the journeys skip) without Chromium, unless CI demands the browser tests run. */
export function browserUnavailable(): string | null {
  if (existsSync(chromiumPath)) return null;
  const reason = `browser journeys skipped: ${chromiumPath} is missing (apt-get install chromium)`;
  if (process.env['HANOI247_REQUIRE_BROWSER'] === '1') throw new Error(`${reason}, and HANOI247_REQUIRE_BROWSER=1`);
  return reason;
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** Every console error and uncaught exception of a page: the journeys end by asserting there were none. */
export function collectConsoleErrors(page: Page, into: string[]): void {
  page.on('console', (message) => {
    if (message.type() === 'error') into.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => into.push(`${page.url()}: ${error.message}`));
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: new URL(`${name}.png`, screenshotDir).pathname, fullPage: true });
}
