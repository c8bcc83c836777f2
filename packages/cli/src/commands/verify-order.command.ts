import { readFile } from 'node:fs/promises';
import { describeOrderVerification, verifyOrder, type VerifyOrderOptions } from '@hanoi247/core';
import { Command } from 'commander';
import { CliError } from '../cli-error.js';

export interface VerifyOrderCliOptions {
  readonly descriptor?: string;
  readonly expectFingerprint?: string;
  readonly json?: boolean;
}

/** Signed orders and descriptors are small; anything bigger is not one. */
const maxFileBytes = 2 * 1024 * 1024;

async function readJson(path: string, what: string): Promise<unknown> {
  let text: Buffer;
  try {
    text = await readFile(path);
  } catch (error) {
    throw new CliError(`cannot read the ${what} ${path}: ${error instanceof Error ? error.message : String(error)}`, 2);
  }
  if (text.length > maxFileBytes) {
    throw new CliError(`the ${what} ${path} is larger than ${maxFileBytes} bytes: not a ${what}`, 2);
  }
  try {
    return JSON.parse(text.toString('utf8')) as unknown;
  } catch {
    throw new CliError(`the ${what} ${path} is not JSON`, 2);
  }
}

/**
 * Checks a signed domestic order with core alone: no server, no network. Exit 0 if it was issued
 * by the anchored node and not altered, 1 if not (the reason is named), 2 if a file is unusable.
 */
export async function verifyOrderFile(
  path: string,
  options: VerifyOrderCliOptions,
  stdout: NodeJS.WritableStream,
): Promise<number> {
  const order = await readJson(path, 'signed order');
  const anchor: VerifyOrderOptions = {
    ...(options.descriptor === undefined ? {} : { descriptor: await readJson(options.descriptor, 'descriptor') }),
    ...(options.expectFingerprint === undefined ? {} : { expectFingerprint: options.expectFingerprint }),
  };
  const result = await verifyOrder(order, anchor);
  stdout.write(
    options.json === true ? `${JSON.stringify(result, null, 2)}\n` : `${describeOrderVerification(result)}\n`,
  );
  return result.ok ? 0 : 1;
}

export function verifyOrderCommand(): Command {
  return new Command('verify-order')
    .description(
      'verify a signed domestic order offline: issued by a directory-listed node ' +
        'and authority, not altered (exit 0 valid, 1 invalid with the reason, 2 unusable file)',
    )
    .argument('<order>', 'the signed order (order.json, from GET /api/v1/provider/orders/{id}/signed)')
    .option(
      '--descriptor <file>',
      'the issuing node\u2019s signed descriptor as your directory publishes it (the trust anchor)',
    )
    .option(
      '--expect-fingerprint <SHA256:...>',
      'or: the node\u2019s signing-key fingerprint published out of band, to trust ' +
        'the descriptor inside the order file',
    )
    .option('--json', 'print the result as JSON')
    .action(async (path: string, options: VerifyOrderCliOptions) => {
      if (options.expectFingerprint !== undefined && !/^SHA256:[A-Za-z0-9_-]{43}$/.test(options.expectFingerprint)) {
        throw new CliError('--expect-fingerprint takes a fingerprint like SHA256: followed by 43 base64url characters');
      }
      process.exitCode = await verifyOrderFile(path, options, process.stdout);
    });
}
