import { formatBundleReport, verifyBundle, type BundleReport, type VerifyBundleOptions } from '@hanoi247/core';
import { Command } from 'commander';
import { openZipBundle, UnusableBundleError } from '../bundle/zip-bundle-source.js';
import { CliError } from '../cli-error.js';

export interface VerifyOptions {
  readonly json?: boolean;
  readonly expectFingerprint?: string;
  /** `CC=SHA256:…`: the fingerprint a State that sent evidence in the bundle published, one per State. */
  readonly expectPartnerFingerprint?: readonly string[];
}

const fingerprintPattern = /^SHA256:[A-Za-z0-9_-]{43}$/;

/** `SG=SHA256:…` options as a map by country; refused (exit 2) when malformed or repeated. */
function partnerFingerprints(values: readonly string[]): Record<string, string> {
  const byCountry: Record<string, string> = {};
  for (const value of values) {
    const match = /^([A-Z]{2})=(.+)$/.exec(value);
    if (match === null || !fingerprintPattern.test(match[2]!)) {
      throw new CliError(
        `--expect-partner-fingerprint takes a country and a fingerprint, like SG=SHA256: ` +
          `followed by 43 base64url characters (not ${value})`,
      );
    }
    if (byCountry[match[1]!] !== undefined) throw new CliError(`--expect-partner-fingerprint names ${match[1]!} twice`);
    byCountry[match[1]!] = match[2]!;
  }
  return byCountry;
}

/**
 * Verifies a bundle file with core alone: no server, no database, no network. Exit 0 only if
 * every check passes, 1 if any fails (the report says which), 2 if the file is not a usable zip.
 */
export async function verifyBundleFile(
  path: string,
  options: VerifyOptions,
  stdout: NodeJS.WritableStream,
): Promise<number> {
  let bundle;
  try {
    bundle = await openZipBundle(path);
  } catch (error) {
    if (error instanceof UnusableBundleError) throw new CliError(error.message, 2);
    throw error;
  }
  let report: BundleReport;
  try {
    const verifyOptions: VerifyBundleOptions = {
      ...(options.expectFingerprint === undefined ? {} : { expectFingerprint: options.expectFingerprint }),
      expectPartnerFingerprints: partnerFingerprints(options.expectPartnerFingerprint ?? []),
    };
    report = await verifyBundle(bundle.source, verifyOptions);
  } finally {
    bundle.close();
  }
  stdout.write(options.json === true ? `${JSON.stringify(report, null, 2)}\n` : formatBundleReport(report));
  return report.ok ? 0 : 1;
}

export function verifyCommand(): Command {
  return new Command('verify')
    .description(
      'verify an evidence bundle offline: every file hash, custody link, ledger ' +
        'proof and signature (exit 0 only if all check)',
    )
    .argument('<bundle>', 'the bundle zip file (case.zip)')
    .option('--json', 'print the report as JSON')
    .option(
      '--expect-fingerprint <SHA256:...>',
      'the exporting node\u2019s signing-key fingerprint as published out of band; a mismatch fails the bundle',
    )
    .option(
      '--expect-partner-fingerprint <CC=SHA256:...>',
      'for evidence another State sent: that State\u2019s signing-key fingerprint ' +
        'as it published it (repeatable, one per State); a mismatch fails the bundle',
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .action(async (path: string, options: VerifyOptions) => {
      if (options.expectFingerprint !== undefined && !fingerprintPattern.test(options.expectFingerprint)) {
        throw new CliError('--expect-fingerprint takes a fingerprint like SHA256: followed by 43 base64url characters');
      }
      partnerFingerprints(options.expectPartnerFingerprint ?? []);
      process.exitCode = await verifyBundleFile(path, options, process.stdout);
    });
}
