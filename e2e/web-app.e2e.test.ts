import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Route } from 'playwright-core';
import { accessibilityViolations, horizontalOverflow } from './web/accessibility.js';
import { browserUnavailable, collectConsoleErrors, launchChromium, screenshot } from './web/browser.js';
import { DemoProcess } from './web/demo-process.js';
import { download, verifyOffline } from './web/downloads.js';
import { focusIndicator, outlineVisible, signInByKeyboard, tabTo } from './web/keyboard.js';
import {
  arrivedAt,
  asOfficer,
  confirmProductionComplete,
  custodyCheckpointed,
  eventually,
  journeyProvider,
  officersOf,
  sendPreservationRequest,
  sendStoredDataRequest,
  serveOrder,
} from './web/officer-api.js';
import { choose, inLanguage, notDeskHeading, openFromInbox, signedInOfficer } from './web/officer-pages.js';
import {
  acceptedAtSingapore,
  acknowledgedAtSingapore,
  orderServedAtSingapore,
  portalHeading,
  preservationConfirmedByProvider,
  preservedSeenAtVietNam,
  sentFromVietNam,
} from './web/preservation-journey.js';
import { registerProviderInPages } from './web/registry-pages.js';

const skipReason = browserUnavailable();
if (skipReason !== null) console.warn(skipReason);

const mib = 1024 * 1024;

/**
 * The officers' web app in Debian's Chromium against `hanoi247 demo`: Viet Nam drafts and
 * approves (four eyes) a preservation request, Singapore sees it arrive and acknowledges it,
 * Viet Nam's open inbox shows the answer, and the language switches; Singapore's provider
 * answers in its portal and uploads a production; the evidence view proves custody in the
 * browser; assignment, dashboard, directory, keyboard use and an axe audit of every page.
 * One demo and one browser for all journeys; waits are for text, never for time.
 */
describe.skipIf(skipReason !== null)('the 24/7 desk web app in a browser', () => {
  let demo: DemoProcess;
  let browser: Browser;
  const consoleErrors: string[] = [];
  // A TOTP code serves one sign-in: each account signs in once, and later journeys reuse its page.
  const pages = new Map<string, Page>();
  const pageOf = async (country: string, suffix: string, landing?: string): Promise<Page> => {
    const key = `${country}.${suffix}`;
    const open =
      pages.get(key) ??
      (await signedInOfficer(browser, demo.url(country), demo.account(country, suffix), consoleErrors, landing));
    pages.set(key, open);
    return open;
  };
  // What the journeys made, for the ones after them.
  let sentReference: string | undefined;
  let production:
    | {
        vnRequestId: string;
        sgRequestId: string;
        orderId: string;
        sgEvidenceId: string;
        vnEvidenceId: string;
        sha256: string;
      }
    | undefined;

  beforeAll(async () => {
    [demo, browser] = await Promise.all([DemoProcess.start(), launchChromium()]);
  }, 60_000);
  afterAll(async () => {
    await (browser as Browser | undefined)?.close();
    await (demo as DemoProcess | undefined)?.stop();
  });

  it(
    'drafts, approves and sends a preservation at Viet Nam, Singapore acknowledges it, ' +
      "and Viet Nam's open inbox shows the answer, in both languages",
    async () => {
      const duty = await pageOf('VN', 'duty');
      await screenshot(duty, '01-vn-inbox');
      const reference = await sentFromVietNam(pageOf);
      expect(reference).toMatch(/^VN-/);
      sentReference = reference;
      await screenshot(duty, '02-vn-sent');
      await duty.getByRole('link', { name: '← Bàn trực 24/7' }).click();

      await acknowledgedAtSingapore(pageOf, reference);
      await screenshot(await pageOf('SG', 'duty'), '03-sg-acknowledged');

      // Viet Nam's inbox, left open, shows the new state without a reload.
      await duty.locator(`tr[data-reference="${reference}"]`).getByText('Đã xác nhận').waitFor();
      await duty.getByText('English', { exact: true }).click();
      await duty.locator(`tr[data-reference="${reference}"]`).getByText('Acknowledged').waitFor();
      expect(await duty.getByRole('heading', { level: 1 }).textContent()).toBe('24/7 desk — requests in and out');
      expect(await duty.locator('html').getAttribute('lang')).toBe('en');
      await screenshot(duty, '04-vn-inbox-acknowledged-en');

      expect(consoleErrors).toEqual([]);
    },
  );

  it(
    'Singapore accepts, issues, authorises and serves the domestic order, the provider confirms (a date beyond the ' +
      'period refused), and Viet Nam\'s open request page shows "preserved until" with the order\'s date',
    async () => {
      if (sentReference === undefined) throw new Error('the first journey sent no request');
      const reference = sentReference;
      const duty = await pageOf('VN', 'duty');
      await inLanguage(duty, 'vi');
      await openFromInbox(duty, reference);

      await acceptedAtSingapore(pageOf, reference);
      await registerProviderInPages(
        await pageOf('SG', 'admin', notDeskHeading),
        journeyProvider,
        demo.account('SG', 'provider').username,
      );
      const orderReference = await orderServedAtSingapore(pageOf, journeyProvider);
      await preservationConfirmedByProvider(pageOf, orderReference);
      await screenshot(await pageOf('SG', 'provider', portalHeading), '05-sg-provider-preserved');

      const preservedUntil = await preservedSeenAtVietNam(duty);
      expect(Date.parse(preservedUntil)).toBeGreaterThan(Date.parse('2026-10-31T00:00:00Z'));
      await screenshot(duty, '05b-vn-preserved');
      expect(consoleErrors).toEqual([]);
    },
  );

  it('signs in with the keyboard alone (Tab, Shift+Tab, Enter), every focused control showing an outline', async () => {
    const { page, indicators } = await signInByKeyboard(
      browser,
      demo.url('VN'),
      demo.account('VN', 'central'),
      consoleErrors,
      'Bàn trực 24/7 — yêu cầu đến và đi',
    );
    expect(indicators.map((i) => i.element)).toEqual([
      'input[name=username]',
      'input[name=password][type=password]',
      'input[name=totpCode]',
      'input[name=password][type=password]',
      'input[name=totpCode]',
      'button[type=submit]',
    ]);
    expect(indicators.filter((i) => !outlineVisible(i))).toEqual([]);
    // Signed in, the keyboard reaches the main navigation, and the link shows where focus is.
    await tabTo(page, 'nav a[href="#/directory"]', { limit: 25 });
    const onLink = await focusIndicator(page);
    expect(outlineVisible(onLink), JSON.stringify(onLink)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Danh bạ đối tác' }).waitFor();
    await screenshot(page, '06-vn-keyboard-directory');
    await page.context().close();
    expect(consoleErrors).toEqual([]);
  });

  it(
    'a provider uploads a production in the portal with a progress bar, resumes ' +
      'a dropped transfer, and the evidence reaches Singapore and Viet Nam',
    async () => {
      const vn = officersOf(demo, 'VN');
      const sg = officersOf(demo, 'SG');
      const mla = await sendStoredDataRequest(vn, sentReference);
      const served = await serveOrder(sg, mla.reference, 'production');

      const provider = await pageOf('SG', 'provider', portalHeading);
      await provider.getByRole('link', { name: 'Lệnh của tôi' }).click();
      await provider.getByRole('link', { name: served.orderReference }).click();
      await provider.getByRole('button', { name: 'Xác nhận đã nhận lệnh' }).click();
      await provider.getByTestId('order-state').filter({ hasText: 'Doanh nghiệp đã xác nhận' }).waitFor();

      // 9 MiB: three tus chunks of at most 4 MiB. The second is held, then dropped like a lost connection.
      const content = Buffer.alloc(9 * mib);
      for (let i = 0; i < content.length; i += 4) content.writeUInt32BE(i, i);
      const sha256 = createHash('sha256').update(content).digest('hex');
      const offsets: number[] = [];
      let dropped = false;
      let holdSecond!: (route: Route) => void;
      const held = new Promise<Route>((resolve) => (holdSecond = resolve));
      await provider.route('**/production/uploads/**', async (route) => {
        if (route.request().method() !== 'PATCH') return route.continue();
        const offset = Number(await route.request().headerValue('upload-offset'));
        offsets.push(offset);
        if (offset > 0 && !dropped) {
          dropped = true;
          holdSecond(route);
          return;
        }
        return route.continue();
      });
      await provider
        .locator('input[type="file"]')
        .setInputFiles({ name: 'connection-logs.bin', mimeType: 'application/octet-stream', buffer: content });
      await provider.getByRole('combobox', { name: /^Loại dữ liệu/ }).selectOption('traffic');
      await provider.getByRole('textbox', { name: /^Mô tả/ }).fill('Connection log of the account, 29-31 October 2026');
      await provider.getByRole('button', { name: 'Tải lên' }).click();

      const secondChunk = await held;
      const progress = provider.getByRole('progressbar', { name: 'Tiến độ tải lên' });
      // The first chunk is held by the node: at least 4 of 9 MiB, not yet all.
      await expect
        .poll(async () => Number(await progress.getAttribute('aria-valuenow')), { timeout: 10_000 })
        .toBeGreaterThanOrEqual(44);
      expect(Number(await progress.getAttribute('aria-valuenow'))).toBeLessThan(100);
      await screenshot(provider, '07-sg-provider-uploading');
      const errorsBefore = consoleErrors.length;
      await secondChunk.abort('connectionreset');
      await provider.getByRole('alert').filter({ hasText: 'Tải lên bị gián đoạn' }).waitFor();
      // The browser reports the dropped request on the console; that one is expected, nothing else.
      const dropReports = consoleErrors.splice(errorsBefore);
      expect(
        dropReports.every((e) => /ERR_CONNECTION_RESET|ERR_FAILED/.test(e)),
        dropReports.join('\n'),
      ).toBe(true);

      // The same file again: the client asks the node how much it holds and sends only the rest.
      await provider.getByRole('button', { name: 'Tải lên' }).click();
      const interrupted = provider.getByRole('alert').filter({ hasText: 'Tải lên bị gián đoạn' });
      await interrupted.waitFor({ state: 'detached' });
      const uploaded = provider.getByRole('status').filter({ hasText: 'Đã nhận tệp, mã chứng cứ' });
      await uploaded.or(interrupted).waitFor();
      expect(await uploaded.or(interrupted).textContent()).toMatch(/^Đã nhận tệp/);
      await provider.unroute('**/production/uploads/**');
      expect(offsets).toEqual([0, 4 * mib, 4 * mib, 8 * mib]);
      const sgEvidenceId = /mã chứng cứ (\S+)/.exec((await uploaded.textContent()) ?? '')?.[1] ?? '';
      expect(sgEvidenceId).not.toBe('');
      await provider.getByTestId('order-state').filter({ hasText: 'Đã cung cấp dữ liệu' }).waitFor();
      await screenshot(provider, '08-sg-provider-uploaded');

      // Singapore's desk sees the production as evidence of its request, hash and all.
      const sgDesk = await pageOf('SG', 'duty');
      await sgDesk.goto(`${sg.url}/#/requests/${served.requestId}`);
      const atSg = sgDesk.getByTestId('evidence-list').getByRole('link', { name: /connection-logs\.bin/ });
      await atSg.waitFor();
      expect(await sgDesk.getByTestId('evidence-list').getByLabel(`SHA-256 ${sha256}`).count()).toBe(1);

      // Production complete: the evidence is offered to Viet Nam, which verifies its hash on receipt.
      await confirmProductionComplete(sg, served.orderId);
      const vnEvidenceId = await eventually(
        'the production as evidence at Viet Nam',
        async () =>
          (
            await asOfficer<{ items: { id: string; sha256: string }[] }>(
              vn.url,
              vn.duty,
              'GET',
              `/api/v1/requests/${mla.id}/evidence`,
            )
          ).items.find((i) => i.sha256 === sha256)?.id,
        60_000,
      );
      const duty = await pageOf('VN', 'duty');
      await inLanguage(duty, 'vi');
      await duty.goto(`${vn.url}/#/requests/${mla.id}`);
      await duty.getByTestId('evidence-list').getByRole('link', { name: 'Xem chứng cứ connection-logs.bin' }).waitFor();
      expect(await duty.getByTestId('evidence-list').getByLabel(`SHA-256 ${sha256}`).count()).toBe(1);
      await duty.getByTestId('evidence-list').getByText('SG', { exact: true }).waitFor();
      await screenshot(duty, '09-vn-request-evidence');
      production = {
        vnRequestId: mla.id,
        sgRequestId: served.requestId,
        orderId: served.orderId,
        sgEvidenceId,
        vnEvidenceId,
        sha256,
      };
      expect(consoleErrors).toEqual([]);
    },
  );

  it(
    'the evidence view shows the hashes and the custody timeline, every event ' +
      'proved in the browser against the latest checkpoint',
    async () => {
      if (production === undefined) throw new Error('the upload journey made no evidence');
      const { sha256 } = production;
      const check = async (page: Page, country: string, evidenceId: string, expectedTypes: readonly string[]) => {
        // Checkpoints are signed every half second or so; the page proves against the latest it is given.
        const events = await custodyCheckpointed(officersOf(demo, country), evidenceId);
        await page.goto(`${demo.url(country)}/#/evidence/${evidenceId}`);
        await page.getByRole('heading', { level: 1, name: 'connection-logs.bin' }).waitFor();
        await page.getByRole('region', { name: 'Mã băm' }).getByText(sha256, { exact: true }).waitFor();
        const timeline = page.getByTestId('custody-timeline');
        for (const type of expectedTypes) {
          await timeline.getByRole('cell', { name: type, exact: true }).first().waitFor();
        }
        const checkpoint = page.getByText(/^Điểm chốt sổ cái gần nhất: \d+ mục$/);
        await checkpoint.waitFor();
        const size = /(\d+)/.exec((await checkpoint.textContent()) ?? '')?.[1];
        const proved = timeline.getByText(`đã chứng minh trong điểm chốt ${size}`, { exact: true });
        await expect.poll(() => proved.count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(events);
        expect(await timeline.locator('tbody tr').count()).toBe(await proved.count());
        // On a laptop screen the verdicts are read whole, not clipped to "đã chứng …".
        expect(
          await proved.evaluateAll(
            (labels: readonly { scrollWidth: number; clientWidth: number }[]) =>
              labels.filter((l) => l.scrollWidth > l.clientWidth).length,
          ),
        ).toBe(0);
        expect(await timeline.getByText('BẰNG CHỨNG KHÔNG HỢP LỆ').count()).toBe(0);
      };
      const sgDesk = await pageOf('SG', 'duty');
      await inLanguage(sgDesk, 'vi');
      await check(sgDesk, 'SG', production.sgEvidenceId, ['Thu thập', 'Tính mã băm']);
      await screenshot(sgDesk, '10-sg-evidence-custody');
      const vnDesk = await pageOf('VN', 'duty');
      await check(vnDesk, 'VN', production.vnEvidenceId, ['Tiếp nhận', 'Đã đối chiếu mã băm']);
      await screenshot(vnDesk, '11-vn-evidence-custody');
      expect(consoleErrors).toEqual([]);
    },
  );

  it(
    'the request page downloads the formal PDF, and a court bundle that `hanoi247 ' +
      'verify` accepts offline against both States\u2019 published keys',
    async () => {
      if (production === undefined) throw new Error('the upload journey made no evidence');
      const supervisor = await pageOf('VN', 'supervisor');
      await inLanguage(supervisor, 'vi');
      await supervisor.goto(`${demo.url('VN')}/#/requests/${production.vnRequestId}`);
      await supervisor
        .getByTestId('evidence-list')
        .getByRole('link', { name: 'Xem chứng cứ connection-logs.bin' })
        .waitFor();

      const pdf = await download(supervisor, () =>
        supervisor.getByRole('link', { name: 'Tải văn bản chính thức (PDF)' }).click(),
      );
      expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.filename).toMatch(/\.pdf$/);

      const bundle = await download(supervisor, () =>
        supervisor.getByRole('button', { name: 'Xuất gói chứng cứ' }).click(),
      );
      await supervisor.getByRole('status').filter({ hasText: 'Đã tải gói chứng cứ.' }).waitFor();
      expect(bundle.filename).toMatch(/\.zip$/);
      // Each State's key as the other pinned it, i.e. as published out of band.
      const pinned = async (at: string, of: string) => {
        const { peers } = await asOfficer<{ peers: { country: string; pinnedFingerprint: string }[] }>(
          demo.url(at),
          demo.account(at, 'duty'),
          'GET',
          '/api/v1/peers',
        );
        const peer = peers.find((p) => p.country === of);
        if (peer === undefined) throw new Error(`${at} has not pinned ${of}`);
        return peer.pinnedFingerprint;
      };
      const [vnKey, sgKey] = await Promise.all([pinned('SG', 'VN'), pinned('VN', 'SG')]);
      const verified = await verifyOffline(bundle.path, vnKey, { SG: sgKey });
      expect(verified.report.ok, JSON.stringify(verified.report, null, 2)).toBe(true);
      expect(verified.exitCode).toBe(0);
      expect(JSON.stringify(verified.report)).toContain(production.sha256);
      // The same bundle under a key the exporter never published fails: the check is real.
      const forged = await verifyOffline(bundle.path, sgKey, { SG: sgKey });
      expect(forged.exitCode).toBe(1);
      expect(forged.report.ok).toBe(false);
      expect(consoleErrors).toEqual([]);
    },
  );

  it(
    'an officer takes a request ("assign to me"), the inbox\u2019s assignee ' +
      'filter shows it as theirs, then hands it to the supervisor with the picker',
    async () => {
      if (production === undefined) throw new Error('the upload journey sent no request');
      const duty = await pageOf('VN', 'duty');
      await inLanguage(duty, 'vi');
      await duty.goto(`${demo.url('VN')}/#/requests/${production.vnRequestId}`);
      const reference = (await duty.getByRole('heading', { level: 1 }).textContent()) ?? '';
      expect(reference).toMatch(/^VN-/);
      await duty.getByTestId('request-assignee').filter({ hasText: 'Chưa có' }).waitFor();
      await duty.getByRole('button', { name: 'Nhận xử lý' }).click();
      const me = 'Viet Nam duty officer (24/7 desk) (demo)';
      await duty.getByTestId('request-assignee').filter({ hasText: me }).waitFor();
      await duty.getByRole('button', { name: 'Bỏ phân công' }).waitFor();

      await duty.getByRole('link', { name: '← Bàn trực 24/7' }).click();
      const row = duty.locator(`tr[data-reference="${reference}"]`);
      await choose(duty, 'Người phụ trách', 'Chưa phân công');
      // The other requests are nobody's yet: the filtered queue has loaded once one of them shows, and this one does
      // not.
      await duty.getByTestId('queue-assignee').filter({ hasText: 'Chưa có' }).first().waitFor();
      await row.waitFor({ state: 'detached' });
      await choose(duty, 'Người phụ trách', 'Giao cho tôi');
      await row.getByTestId('queue-assignee').filter({ hasText: me }).waitFor();
      expect(await duty.getByTestId('queue-assignee').allTextContents()).toEqual(expect.arrayContaining([me]));
      expect(new Set(await duty.getByTestId('queue-assignee').allTextContents())).toEqual(new Set([me]));
      await screenshot(duty, '12-vn-inbox-assigned-to-me');

      // Handed over to the supervisor with the picker (the officers who can see the request): no longer the duty
      // officer's.
      await row.getByRole('link', { name: reference }).click();
      const supervisor = 'Viet Nam supervisor (demo)';
      await choose(duty, 'Phân công cho cán bộ', supervisor);
      await duty.getByRole('button', { name: 'Phân công', exact: true }).click();
      await duty.getByTestId('request-assignee').filter({ hasText: supervisor }).waitFor();
      await duty.getByRole('link', { name: '← Bàn trực 24/7' }).click();
      await choose(duty, 'Người phụ trách', 'Giao cho tôi');
      // Nothing else was ever the duty officer's: the filtered queue, once loaded, is empty.
      await duty.getByText('Không có yêu cầu nào khớp bộ lọc.').waitFor();
      expect(await row.count()).toBe(0);
      expect(consoleErrors).toEqual([]);
    },
  );

  it(
    'the dashboard charts requests per week, partner and type, and lists the ' +
      'deadlines at risk; the directory shows partners with key fingerprints',
    async () => {
      const duty = await pageOf('VN', 'duty');
      await inLanguage(duty, 'vi');
      await duty.getByRole('link', { name: 'Tổng quan' }).click();
      await duty.getByRole('heading', { level: 1, name: 'Bảng tổng quan' }).waitFor();
      // Each chart is one image named by its title and its numbers, for screen readers as for the eye.
      await duty.getByRole('img', { name: /^Số yêu cầu theo tuần/ }).waitFor();
      const byPartner = duty.getByRole('img', {
        name: /^Thời gian đến khi xác nhận đã nhận theo quốc gia đối tác: SG /,
      });
      await byPartner.waitFor();
      await duty.getByRole('img', { name: /^Thời gian đến khi xác nhận đã nhận theo loại yêu cầu: / }).waitFor();
      await duty.getByText('Thời gian đến khi xác nhận đã bảo toàn', { exact: true }).click();
      await duty
        .getByRole('img', { name: /^Thời gian đến khi xác nhận đã bảo toàn theo quốc gia đối tác: SG / })
        .waitFor();

      await screenshot(duty, '13-vn-dashboard');

      // A request Singapore has not acknowledged yet: its 24-hour clock is at risk on Singapore's dashboard (in English
      // there).
      const unanswered = await sendPreservationRequest(officersOf(demo, 'VN'));
      await arrivedAt(officersOf(demo, 'SG'), unanswered.reference);
      const sg = await pageOf('SG', 'duty');
      await inLanguage(sg, 'en');
      await sg.getByRole('link', { name: 'Dashboard' }).click();
      await sg.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
      const atRisk = sg.getByRole('region', { name: /^Deadlines at risk/ });
      const row = atRisk.getByRole('row').filter({ has: sg.getByRole('link', { name: unanswered.reference }) });
      await row.getByRole('cell', { name: 'Acknowledge receipt' }).waitFor();
      await row.getByText(/^due in /).waitFor();
      await sg.getByRole('img', { name: /^Requests per week \(last 12 ISO weeks\): .*Incoming [1-9]/ }).waitFor();
      await screenshot(sg, '14-sg-dashboard-at-risk');

      await duty.getByRole('link', { name: 'Danh bạ đối tác' }).click();
      await duty.getByRole('heading', { level: 1, name: 'Danh bạ đối tác' }).waitFor();
      const peers = await asOfficer<{ peers: { country: string; name: string; pinnedFingerprint: string }[] }>(
        demo.url('VN'),
        demo.account('VN', 'duty'),
        'GET',
        '/api/v1/peers',
      );
      expect(peers.peers.map((p) => p.country)).toContain('SG');
      for (const peer of peers.peers) {
        const card = duty.getByRole('region', { name: peer.name });
        await card.getByRole('heading', { name: `${peer.name} (${peer.country})` }).waitFor();
        await card.getByText(peer.pinnedFingerprint, { exact: true }).waitFor();
      }
      await screenshot(duty, '15-vn-directory');
      expect(consoleErrors).toEqual([]);
    },
  );

  it(
    'every main page passes axe-core\u2019s WCAG 2.1 AA rules at 1366\u00d7768, ' + 'in Vietnamese and in English',
    async () => {
      if (production === undefined) throw new Error('the upload journey made no evidence');
      const { vnRequestId, vnEvidenceId, orderId } = production;
      const violations: string[] = [];
      const audit = async (page: Page, where: string) =>
        violations.push(...(await accessibilityViolations(page, where)), ...(await horizontalOverflow(page, where)));
      const vn = demo.url('VN');

      const context = await browser.newContext({
        viewport: { width: 1366, height: 768 },
        locale: 'vi-VN',
        timezoneId: 'Asia/Ho_Chi_Minh',
      });
      const signIn = await context.newPage();
      collectConsoleErrors(signIn, consoleErrors);
      await signIn.goto(`${vn}/`);
      await signIn.getByRole('heading', { name: 'Đăng nhập bàn trực 24/7' }).waitFor();
      await audit(signIn, 'sign-in');
      await context.close();

      const duty = await pageOf('VN', 'duty');
      await inLanguage(duty, 'vi');
      const visit = async (hash: string, heading: string | RegExp, where: string) => {
        await duty.goto(`${vn}/${hash}`);
        await duty.getByRole('heading', { level: 1, name: heading }).waitFor();
        await audit(duty, where);
      };
      await visit('#/inbox', 'Bàn trực 24/7 — yêu cầu đến và đi', 'inbox (vi)');
      await visit('#/draft', /.+/, 'new request (vi)');
      await visit(`#/requests/${vnRequestId}`, /^VN-/, 'request (vi)');
      await duty.getByTestId('evidence-list').waitFor();
      await visit(`#/evidence/${vnEvidenceId}`, 'connection-logs.bin', 'evidence (vi)');
      await duty
        .getByText(/^đã chứng minh trong điểm chốt/)
        .first()
        .waitFor();
      await visit('#/directory', 'Danh bạ đối tác', 'directory (vi)');
      await visit('#/dashboard', 'Bảng tổng quan', 'dashboard (vi)');
      await inLanguage(duty, 'en');
      await visit('#/inbox', '24/7 desk — requests in and out', 'inbox (en)');
      await visit(`#/requests/${vnRequestId}`, /^VN-/, 'request (en)');
      await inLanguage(duty, 'vi');

      const provider = await pageOf('SG', 'provider', portalHeading);
      await provider.goto(`${demo.url('SG')}/#/orders`);
      await provider.getByRole('heading', { level: 1, name: portalHeading }).waitFor();
      await audit(provider, 'provider orders (vi)');
      await provider.goto(`${demo.url('SG')}/#/orders/${orderId}`);
      await provider.getByTestId('order-state').waitFor();
      await audit(provider, 'provider order (vi)');

      expect(
        violations,
        `${violations.length} violation(s) of WCAG 2.1 AA (axe-core) or of the laptop width:\n${violations.join('\n')}`,
      ).toEqual([]);
      expect(consoleErrors).toEqual([]);
    },
  );
});
