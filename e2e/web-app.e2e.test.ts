import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { browserUnavailable, launchChromium, screenshot } from './web/browser.js';
import { DemoProcess } from './web/demo-process.js';
import { asOfficer, serveOrderOnProvider } from './web/officer-api.js';
import { draftPreservation, openFromInbox, signedInOfficer } from './web/officer-pages.js';

const skipReason = browserUnavailable();
if (skipReason !== null) console.warn(skipReason);

/**
 * The officers' web app in Debian's Chromium against `hanoi247 demo`: Viet Nam drafts and
 * approves (four eyes) a preservation request, Singapore sees it arrive and acknowledges it,
 * Viet Nam's open inbox shows the answer, and the language switches. Waits are for text, never for time.
 */
describe.skipIf(skipReason !== null)('the 24/7 desk web app in a browser', () => {
  let demo: DemoProcess;
  let browser: Browser;
  const consoleErrors: string[] = [];
  // The request the first journey sends; the second carries it on to the provider.
  let sentReference: string | undefined;

  beforeAll(async () => {
    [demo, browser] = await Promise.all([DemoProcess.start(), launchChromium()]);
  }, 60_000);
  afterAll(async () => {
    await (browser as Browser | undefined)?.close();
    await (demo as DemoProcess | undefined)?.stop();
  });

  it('drafts and approves a preservation at Viet Nam, answers it at Singapore, shows the answer at Viet Nam, in both languages', async () => {
    const vn = demo.url('VN');
    const duty = await signedInOfficer(browser, vn, demo.account('VN', 'duty'), consoleErrors);
    await screenshot(duty, '01-vn-inbox');
    const reference = await draftPreservation(duty);
    expect(reference).toMatch(/^VN-/);
    sentReference = reference;
    await screenshot(duty, '02-vn-submitted');

    const supervisor = await signedInOfficer(browser, vn, demo.account('VN', 'supervisor'), consoleErrors);
    await openFromInbox(supervisor, reference);
    await supervisor.getByRole('button', { name: 'Phê duyệt' }).click();
    await supervisor.getByTestId('request-state').filter({ hasText: 'Đã phê duyệt' }).waitFor();

    // The drafter's open page learns of the approval by polling; only then can it send.
    await duty.getByRole('button', { name: 'Gửi', exact: true }).click();
    await duty.getByTestId('request-state').filter({ hasText: 'Đã gửi' }).waitFor();
    await duty.getByRole('link', { name: '← Bàn trực 24/7' }).click();

    const sg = await signedInOfficer(browser, demo.url('SG'), demo.account('SG', 'duty'), consoleErrors);
    await sg.getByText('English', { exact: true }).click();
    await sg.getByRole('heading', { name: '24/7 desk — requests in and out' }).waitFor();
    await openFromInbox(sg, reference);
    await sg.getByRole('button', { name: 'Acknowledge receipt' }).click();
    await sg.getByTestId('request-state').filter({ hasText: 'Acknowledged' }).waitFor();
    await screenshot(sg, '03-sg-acknowledged');

    // Viet Nam's inbox, left open, shows the new state without a reload.
    await duty.locator(`tr[data-reference="${reference}"]`).getByText('Đã xác nhận').waitFor();
    await duty.getByText('English', { exact: true }).click();
    await duty.locator(`tr[data-reference="${reference}"]`).getByText('Acknowledged').waitFor();
    expect(await duty.getByRole('heading', { level: 1 }).textContent()).toBe('24/7 desk — requests in and out');
    expect(await duty.locator('html').getAttribute('lang')).toBe('en');
    await screenshot(duty, '04-vn-inbox-acknowledged-en');

    expect(consoleErrors).toEqual([]);
  });

  it('a provider confirms preservation in the portal, and Viet Nam sees the request PRESERVED', async () => {
    if (sentReference === undefined) throw new Error('the first journey sent no request');
    const reference = sentReference;
    const sg = { url: demo.url('SG'), duty: demo.account('SG', 'duty'), supervisor: demo.account('SG', 'supervisor'), admin: demo.account('SG', 'admin'), provider: demo.account('SG', 'provider') };
    const orderReference = await serveOrderOnProvider(sg, reference);

    const provider = await signedInOfficer(browser, sg.url, sg.provider, consoleErrors, 'Lệnh gửi doanh nghiệp của tôi');
    await provider.getByRole('link', { name: orderReference }).click();
    await provider.getByRole('button', { name: 'Xác nhận đã nhận lệnh' }).click();
    await provider.getByTestId('order-state').filter({ hasText: 'Doanh nghiệp đã xác nhận' }).waitFor();
    await provider.getByRole('button', { name: 'Xác nhận dữ liệu đã bảo toàn và thời hạn' }).click();
    // "Preserved until" is prefilled with the end of the ordered period, the least the node accepts.
    await provider.getByRole('textbox', { name: 'Dữ liệu đã bảo toàn' }).fill('Subscriber record and connection log of the account, 29-31 October 2026');
    await provider.getByRole('button', { name: 'Xác nhận', exact: true }).click();
    await provider.getByTestId('order-state').filter({ hasText: 'Đã bảo toàn dữ liệu' }).waitFor();
    await screenshot(provider, '05-sg-provider-preserved');

    const vn = demo.url('VN');
    const preserved = () => asOfficer<{ requests: { reference: string }[] }>(vn, demo.account('VN', 'duty'), 'GET', '/api/v1/requests?direction=outgoing&state=PRESERVED&limit=200').then((r) => r.requests.map((x) => x.reference));
    await expect.poll(preserved, { timeout: 20_000, interval: 250 }).toContain(reference);
    expect(consoleErrors).toEqual([]);
  });
});
