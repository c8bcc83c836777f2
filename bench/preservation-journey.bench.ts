import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { browserUnavailable, launchChromium } from '../e2e/web/browser.js';
import { DemoProcess } from '../e2e/web/demo-process.js';
import { notDeskHeading, signedInOfficer } from '../e2e/web/officer-pages.js';
import {
  acceptedAtSingapore,
  acknowledgedAtSingapore,
  orderServedAtSingapore,
  preservationConfirmedByProvider,
  preservedSeenAtVietNam,
  sentFromVietNam,
  type PageOf,
} from '../e2e/web/preservation-journey.js';
import { registerProviderInPages } from '../e2e/web/registry-pages.js';
import { JourneyTally } from '../e2e/web/tally.js';
import { positiveNumberFromEnv, progress, type Benchmark } from './report.js';

const name = 'preservation-journey';
const cliBin = fileURLToPath(new URL('../packages/cli/dist/bin.js', import.meta.url));
const journeyProvider = 'Example Platform (benchmark journey)';

const median = (values: readonly number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** One play of the README's story in Chromium on a fresh demo: ms from the first sign-in to "preserved until". */
async function playedInPages(browser: Browser): Promise<{ ms: number; tally: JourneyTally }> {
  const demo = await DemoProcess.start();
  const tally = new JourneyTally();
  const pages = new Map<string, Page>();
  const errors: string[] = [];
  const pageOf: PageOf = async (country, account, landing) => {
    const key = `${country}.${account}`;
    const open =
      pages.get(key) ??
      (await signedInOfficer(browser, demo.url(country), demo.account(country, account), errors, landing, tally));
    pages.set(key, open);
    return open;
  };
  try {
    // The registry entry is set up once per node, not part of the story: it is made first, untimed and uncounted.
    const admin = await signedInOfficer(browser, demo.url('SG'), demo.account('SG', 'admin'), errors, notDeskHeading);
    await registerProviderInPages(admin, journeyProvider, demo.account('SG', 'provider').username);
    await admin.context().close();

    const started = performance.now();
    const reference = await sentFromVietNam(pageOf);
    await acknowledgedAtSingapore(pageOf, reference);
    await acceptedAtSingapore(pageOf, reference);
    const order = await orderServedAtSingapore(pageOf, journeyProvider);
    await preservationConfirmedByProvider(pageOf, order);
    await preservedSeenAtVietNam(await pageOf('VN', 'duty'));
    return { ms: performance.now() - started, tally };
  } finally {
    await Promise.all([...pages.values()].map((p) => p.context().close()));
    await demo.stop();
  }
}

/**
 * `hanoi247 demo --scenario preservation --exit` on a fresh directory: the same story over the API, as it reports it.
 */
async function playedByScenario(): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'h247-journey-'));
  try {
    const output = await new Promise<string>((resolve, reject) => {
      let text = '';
      const child = spawn(
        process.execPath,
        [cliBin, 'demo', '--scenario', 'preservation', '--exit', '--data', dataDir, '--base-port', '0'],
        { env: { ...process.env, DATABASE_URL: '' } },
      );
      child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      child.on('exit', (code) =>
        code === 0 ? resolve(text) : reject(new Error(`the scenario exited ${code}:\n${text}`)),
      );
    });
    const took = /the whole story took (\d+) ms/.exec(output)?.[1];
    if (took === undefined) throw new Error(`the scenario reported no time:\n${output}`);
    return Number(took);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The officer's whole preservation story in the browser (issue 13): clicks and typed fields as the pages counted them,
 * machine time as a ratio to the API scenario run in the same session. Rounds alternate so drift hits both alike.
 */
export const preservationJourneyBenchmark: Benchmark = {
  name,
  description:
    'ms from the first sign-in to "preserved until" in Viet Nam\u2019s open page, played in Chromium (median of 3), ' +
    'vs `hanoi247 demo --scenario preservation`',
  run: async () => {
    const skip = browserUnavailable();
    if (skip !== null) throw new Error(skip);
    const rounds = positiveNumberFromEnv('BENCH_JOURNEY_ROUNDS', 3);
    const browser = await launchChromium();
    const inPages: number[] = [];
    const byScenario: number[] = [];
    try {
      for (let round = 0; round < rounds; round++) {
        const played = await playedInPages(browser);
        inPages.push(played.ms);
        byScenario.push(await playedByScenario());
        progress(
          name,
          `round ${round + 1}: pages ${Math.round(played.ms)} ms (${played.tally.clicks} clicks, ` +
            `${played.tally.typedFields} typed fields), scenario ${byScenario.at(-1)} ms`,
        );
        if (round === 0) progress(name, `typed fields: ${played.tally.fields.join(', ')}`);
      }
    } finally {
      await browser.close();
    }
    return { value: median(inPages), baseline: median(byScenario), unit: 'ms' };
  },
};
