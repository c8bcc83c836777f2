import { browserUnavailable, launchChromium } from '../e2e/web/browser.js';
import { DemoProcess, type DemoAccount } from '../e2e/web/demo-process.js';
import { signedInOfficer } from '../e2e/web/officer-pages.js';
import { preservationDetails } from '../packages/server/src/http/requests.fixtures.js';
import { positiveNumberFromEnv, progress, type Benchmark } from './report.js';

const name = 'web-answer-latency';

async function call<T>(url: string, who: DemoAccount, method: string, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = {
    method,
    headers: { authorization: `Bearer ${who.apiToken}`, 'content-type': 'application/json' },
  };
  if (body !== undefined) init.body = JSON.stringify(body);
  const response = await fetch(new URL(path, url), init);
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

const median = (values: readonly number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/**
 * Singapore acknowledges over its API; we time until Viet Nam's inbox, open in Chromium, shows it.
 * Baseline: until Viet Nam's API reports it (polled every 20 ms): the rest is the app's polling.
 */
export const webAnswerLatencyBenchmark: Benchmark = {
  name,
  description:
    'ms from Singapore\u2019s answer to its appearance in Viet Nam\u2019s open inbox (Chromium) ' +
    'vs in Viet Nam\u2019s API',
  run: async () => {
    const skip = browserUnavailable();
    if (skip !== null) throw new Error(skip);
    const rounds = positiveNumberFromEnv('BENCH_WEB_ROUNDS', 5);
    const [demo, browser] = await Promise.all([DemoProcess.start(), launchChromium()]);
    try {
      const [vn, sg] = [demo.url('VN'), demo.url('SG')];
      const [duty, chief, theirDuty] = [
        demo.account('VN', 'duty'),
        demo.account('VN', 'supervisor'),
        demo.account('SG', 'duty'),
      ];
      const page = await signedInOfficer(browser, vn, duty, []);
      const inBrowser: number[] = [];
      const inApi: number[] = [];
      for (let round = 0; round < rounds; round++) {
        const draft = await call<{ id: string; reference: string }>(vn, duty, 'POST', '/api/v1/requests', {
          type: 'PRESERVATION_42',
          legalBasis: 'UN',
          requestedState: 'SG',
          language: 'en',
          priority: 'urgent',
          details: preservationDetails(),
        });
        await call(vn, duty, 'POST', `/api/v1/requests/${draft.id}/transitions`, { action: 'submit' });
        await call(vn, chief, 'POST', `/api/v1/requests/${draft.id}/transitions`, { action: 'approve' });
        await call(vn, duty, 'POST', `/api/v1/requests/${draft.id}/transitions`, { action: 'send' });
        const row = page.locator(`tr[data-reference="${draft.reference}"]`);
        await row.getByText('Đã gửi').waitFor({ timeout: 30_000 });
        let arrived: { id: string } | undefined;
        while (arrived === undefined) {
          const queue = await call<{ requests: { id: string; reference: string }[] }>(
            sg,
            theirDuty,
            'GET',
            '/api/v1/requests?direction=incoming&limit=200',
          );
          arrived = queue.requests.find((r) => r.reference === draft.reference);
        }
        const answered = performance.now();
        await call(sg, theirDuty, 'POST', `/api/v1/requests/${arrived.id}/transitions`, { action: 'acknowledge' });
        const api = (async () => {
          while (
            (await call<{ state: string }>(vn, duty, 'GET', `/api/v1/requests/${draft.id}`)).state !== 'ACKNOWLEDGED'
          ) {
            await new Promise((r) => setTimeout(r, 20));
          }
          return performance.now() - answered;
        })();
        await row.getByText('Đã xác nhận').waitFor({ timeout: 30_000 });
        inBrowser.push(performance.now() - answered);
        inApi.push(await api);
        progress(
          name,
          `round ${round + 1}: browser ${Math.round(inBrowser.at(-1) ?? 0)} ms, ` +
            `API ${Math.round(inApi.at(-1) ?? 0)} ms`,
        );
      }
      return { value: median(inBrowser), baseline: median(inApi), unit: 'ms (median)' };
    } finally {
      await browser.close();
      await demo.stop();
    }
  },
};
