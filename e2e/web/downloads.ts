import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';

const cliBin = fileURLToPath(new URL('../../packages/cli/dist/bin.js', import.meta.url));
const run = promisify(execFile);

export interface Downloaded {
  readonly path: string;
  readonly filename: string;
  readonly bytes: Buffer;
}

/** What the browser saves when `trigger` is clicked: a real download, as an officer's machine gets it. */
export async function download(page: Page, trigger: () => Promise<void>): Promise<Downloaded> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), trigger()]);
  const path = await file.path();
  return { path, filename: file.suggestedFilename(), bytes: await readFile(path) };
}

export interface OfflineVerification {
  readonly exitCode: number;
  readonly report: { readonly ok: boolean } & Record<string, unknown>;
}

/**
 * `hanoi247 verify --json` on a bundle, as a foreign court would run it: offline, with the
 * fingerprints the States published out of band. Exit 1 (a failed bundle) still yields its report.
 */
export async function verifyOffline(
  bundlePath: string,
  exporter: string,
  partners: Readonly<Record<string, string>>,
): Promise<OfflineVerification> {
  const args = [
    cliBin,
    'verify',
    '--json',
    '--expect-fingerprint',
    exporter,
    ...Object.entries(partners).flatMap(([country, fp]) => ['--expect-partner-fingerprint', `${country}=${fp}`]),
    bundlePath,
  ];
  try {
    const { stdout } = await run(process.execPath, args, { maxBuffer: 64 * 1024 * 1024 });
    return { exitCode: 0, report: JSON.parse(stdout) as OfflineVerification['report'] };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    if (typeof failed.code !== 'number' || failed.stdout === undefined || failed.stdout === '') {
      throw new Error(`hanoi247 verify could not run: ${failed.stderr ?? String(error)}`);
    }
    return { exitCode: failed.code, report: JSON.parse(failed.stdout) as OfflineVerification['report'] };
  }
}
