import { formatBundleReport, verifyBundle, type BundleReport } from '@hanoi247/core';
import { Command } from 'commander';
import { openZipBundle, UnusableBundleError } from '../bundle/zip-bundle-source.js';
import { CliError } from '../cli-error.js';

export interface VerifyOptions {
  readonly json?: boolean;
  readonly expectFingerprint?: string;
}

/**
 * Verifies a bundle file with core alone: no server, no database, no network. Exit 0 only if
 * every check passes, 1 if any fails (the report says which), 2 if the file is not a usable zip.
 */
export async function verifyBundleFile(path: string, options: VerifyOptions, stdout: NodeJS.WritableStream): Promise<number> {
  let bundle;
  try {
    bundle = await openZipBundle(path);
  } catch (error) {
    if (error instanceof UnusableBundleError) throw new CliError(error.message, 2);
    throw error;
  }
  let report: BundleReport;
  try {
    report = await verifyBundle(bundle.source, options.expectFingerprint === undefined ? {} : { expectFingerprint: options.expectFingerprint });
  } finally {
    bundle.close();
  }
  stdout.write(options.json === true ? `${JSON.stringify(report, null, 2)}\n` : formatBundleReport(report));
  return report.ok ? 0 : 1;
}

export function verifyCommand(): Command {
  return new Command('verify')
    .description('verify an evidence bundle offline: every file hash, custody link, ledger proof and signature (exit 0 only if all check)')
    .argument('<bundle>', 'the bundle zip file (case.zip)')
    .option('--json', 'print the report as JSON')
    .option('--expect-fingerprint <SHA256:...>', 'the exporting node\u2019s signing-key fingerprint as published out of band; a mismatch fails the bundle')
    .action(async (path: string, options: VerifyOptions) => {
      if (options.expectFingerprint !== undefined && !/^SHA256:[A-Za-z0-9_-]{43}$/.test(options.expectFingerprint)) {
        throw new CliError('--expect-fingerprint takes a fingerprint like SHA256: followed by 43 base64url characters');
      }
      process.exitCode = await verifyBundleFile(path, options, process.stdout);
    });
}
