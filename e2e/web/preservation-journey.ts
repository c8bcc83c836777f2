import type { Page } from 'playwright-core';
import { draftPreservation, inLanguage, openFromInbox } from './officer-pages.js';

/** Opens (signing in once) the page of a demo account, such as `pageOf('SG', 'duty')`. */
export type PageOf = (country: string, account: string, landing?: string) => Promise<Page>;

export const portalHeading = 'Lệnh gửi doanh nghiệp của tôi';
const confirmDialog = (page: Page) => page.getByRole('dialog').getByRole('button', { name: 'Xác nhận', exact: true });

/**
 * The README's preservation story, step by step, entirely in the pages as officers click through it (Vietnamese
 * labels): no step calls the API. Used by the browser journey in `npm test` and by the journey benchmark.
 */

/** Viet Nam's duty officer drafts and submits, the supervisor approves (four eyes), the duty officer sends. */
export async function sentFromVietNam(pageOf: PageOf): Promise<string> {
  const duty = await pageOf('VN', 'duty');
  const reference = await draftPreservation(duty);
  const supervisor = await pageOf('VN', 'supervisor');
  await openFromInbox(supervisor, reference);
  await supervisor.getByRole('button', { name: 'Phê duyệt' }).click();
  await confirmDialog(supervisor).click();
  await supervisor.getByTestId('request-state').filter({ hasText: 'Đã phê duyệt' }).waitFor();
  // The drafter's open page learns of the approval by polling; only then can it send.
  await duty.getByRole('button', { name: 'Gửi', exact: true }).click();
  await confirmDialog(duty).click();
  await duty.getByTestId('request-state').filter({ hasText: 'Đã gửi' }).waitFor();
  return reference;
}

/** Singapore's duty officer finds the request in the inbox and acknowledges it. Answers Singapore's request id. */
export async function acknowledgedAtSingapore(pageOf: PageOf, reference: string): Promise<string> {
  const duty = await pageOf('SG', 'duty');
  await inLanguage(duty, 'vi');
  await duty.getByRole('link', { name: 'Bàn trực 24/7', exact: true }).click();
  await openFromInbox(duty, reference);
  await duty.getByRole('button', { name: 'Xác nhận đã nhận' }).click();
  await duty.getByTestId('request-state').filter({ hasText: 'Đã xác nhận' }).waitFor();
  return /#\/requests\/([^/?]+)/.exec(duty.url())?.[1] ?? '';
}

/** Singapore's duty officer starts triage on the open request page and the supervisor accepts it. */
export async function acceptedAtSingapore(pageOf: PageOf, reference: string): Promise<void> {
  const duty = await pageOf('SG', 'duty');
  await duty.getByRole('button', { name: 'Bắt đầu xem xét' }).click();
  await duty.getByTestId('request-state').filter({ hasText: 'Đang xem xét' }).waitFor();
  const supervisor = await pageOf('SG', 'supervisor');
  await inLanguage(supervisor, 'vi');
  await openFromInbox(supervisor, reference);
  await supervisor.getByRole('button', { name: 'Chấp nhận', exact: true }).click();
  await confirmDialog(supervisor).click();
  await supervisor
    .getByTestId('request-state')
    .filter({ hasText: /^Chấp nhận$/ })
    .waitFor();
}

/**
 * Singapore's duty officer drafts the domestic order from the accepted request, the supervisor authorises it (four
 * eyes) and the duty officer serves it. Answers the order's reference.
 */
export async function orderServedAtSingapore(pageOf: PageOf, provider: string): Promise<string> {
  const duty = await pageOf('SG', 'duty');
  const supervisor = await pageOf('SG', 'supervisor');
  // The duty officer's request page, left open, offers the order once it learns of the acceptance.
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

  await inLanguage(supervisor, 'vi');
  await supervisor.getByRole('link', { name: 'Lệnh', exact: true }).click();
  await supervisor.getByRole('link', { name: reference }).click();
  await supervisor.getByRole('button', { name: 'Ghi nhận phê duyệt' }).click();
  await confirmDialog(supervisor).click();
  await supervisor.getByTestId('order-state').filter({ hasText: 'Đã được phê duyệt' }).waitFor();

  // The drafter's open order page learns of the authorisation by polling; only then can it serve.
  await duty.getByRole('button', { name: 'Tống đạt cho doanh nghiệp' }).click();
  await confirmDialog(duty).click();
  await duty.getByTestId('order-state').filter({ hasText: 'Đã tống đạt cho doanh nghiệp' }).waitFor();
  await duty.getByRole('link', { name: 'Tải lệnh đã ký' }).waitFor();
  return reference;
}

/**
 * The provider user acknowledges the order in the portal and confirms preservation; a date beyond the order's period
 * is refused first, then the last day of the period (the form's own suggestion) goes through.
 */
export async function preservationConfirmedByProvider(pageOf: PageOf, orderReference: string): Promise<void> {
  const provider = await pageOf('SG', 'provider', portalHeading);
  await provider.getByRole('link', { name: 'Lệnh của tôi' }).click();
  await provider.getByRole('link', { name: orderReference }).click();
  await provider.getByRole('button', { name: 'Xác nhận đã nhận lệnh' }).click();
  await provider.getByTestId('order-state').filter({ hasText: 'Doanh nghiệp đã xác nhận' }).waitFor();
  await provider.getByRole('button', { name: 'Xác nhận dữ liệu đã bảo toàn và thời hạn' }).click();
  const until = provider.getByRole('textbox', { name: /^Bảo toàn đến \(ngày\)/ });
  const lastDay = await until.inputValue();
  await until.fill(dayAfter(lastDay));
  await provider
    .getByRole('textbox', { name: 'Dữ liệu đã bảo toàn' })
    .fill('Subscriber record and connection log of the account, 29-31 October 2026');
  await provider.getByRole('button', { name: 'Xác nhận', exact: true }).click();
  await provider.getByText('Sau ngày hết thời hạn lệnh').waitFor();
  await until.fill(lastDay);
  await provider.getByRole('button', { name: 'Xác nhận', exact: true }).click();
  await provider.getByTestId('order-state').filter({ hasText: 'Đã bảo toàn dữ liệu' }).waitFor();
}

/** dd/mm/yyyy of the next day, as an officer would type it. */
function dayAfter(day: string): string {
  const [d, m, y] = day.split('/').map(Number);
  const next = new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 0) + 1));
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(next.getUTCDate())}/${two(next.getUTCMonth() + 1)}/${next.getUTCFullYear()}`;
}

/**
 * Viet Nam's request page, left open since sending, shows "preserved until" without a reload, on the very instant the
 * order's period ends (the provider confirmed its last day). Answers that instant.
 */
export async function preservedSeenAtVietNam(vnRequestPage: Page): Promise<string> {
  const section = vnRequestPage.getByRole('region', { name: 'Bảo toàn dữ liệu' });
  const preserved = section.getByText(/^Đã bảo toàn đến/);
  await preserved.waitFor({ timeout: 30_000 });
  const preservedAt = await preserved.locator('time').getAttribute('datetime');
  const orderedAt = await section
    .getByText(/^Lệnh bảo toàn có hiệu lực đến/)
    .locator('time')
    .getAttribute('datetime');
  if (preservedAt === null || preservedAt !== orderedAt) {
    throw new Error(`preserved until ${String(preservedAt)}, but the order runs until ${String(orderedAt)}`);
  }
  return preservedAt;
}
