import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { browserUnavailable, launchChromium, screenshot } from './web/browser.js';
import { DemoProcess } from './web/demo-process.js';
import { acceptedPreservation, arrivedAt, asOfficer, officersOf, sendPreservationRequest } from './web/officer-api.js';
import { notDeskHeading, signedInOfficer } from './web/officer-pages.js';
import { registerProviderInPages } from './web/registry-pages.js';

const skipReason = browserUnavailable();
if (skipReason !== null) console.warn(skipReason);

/**
 * Singapore's administrator keeps the provider registry in the app: adds a provider, links the provider user;
 * the duty officer then finds it among the providers an order can be addressed to.
 */
describe.skipIf(skipReason !== null)('the provider registry in the web app', () => {
  let demo: DemoProcess;
  let browser: Browser;

  beforeAll(async () => {
    [demo, browser] = await Promise.all([DemoProcess.start(), launchChromium()]);
  }, 60_000);
  afterAll(async () => {
    await (browser as Browser | undefined)?.close();
    await (demo as DemoProcess | undefined)?.stop();
  });

  it('registers a provider and links its user through the pages; the order form offers it', async () => {
    const errors: string[] = [];
    const providerName = 'Registry Platform Pte. Ltd. (web)';
    const sent = await sendPreservationRequest(officersOf(demo, 'VN'));
    const sg = officersOf(demo, 'SG');
    const arrived = await arrivedAt(sg, sent.reference);
    await asOfficer(sg.url, sg.duty, 'POST', `/api/v1/requests/${arrived.id}/transitions`, {
      action: 'acknowledge',
      payload: {},
    });
    const requestId = await acceptedPreservation(sg, sent.reference);

    const admin = await signedInOfficer(browser, demo.url('SG'), demo.account('SG', 'admin'), errors, notDeskHeading);
    await registerProviderInPages(admin, providerName, 'sg.provider');
    await screenshot(admin, 'registry-01-provider-linked');

    const duty = await signedInOfficer(browser, demo.url('SG'), demo.account('SG', 'duty'), errors);
    // Only those who keep the registry see it in the header.
    expect(await duty.getByRole('navigation').getByRole('link', { name: 'Doanh nghiệp' }).count()).toBe(0);
    await duty.goto(`${demo.url('SG')}/#/requests/${requestId}/order`);
    await duty.getByRole('heading', { name: 'Ban hành lệnh trong nước' }).waitFor();
    await duty.getByRole('textbox', { name: /^Doanh nghiệp cung cấp dịch vụ/ }).click();
    await duty.getByRole('option', { name: providerName }).waitFor();
    expect(await duty.getByRole('option', { name: providerName }).count()).toBe(1);
    // The administrator's pages call nothing their role may not read.
    expect(errors).toEqual([]);
  });
});
