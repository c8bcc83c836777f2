import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BundleExportResult } from '@hanoi247/server';
import { Command, Option } from 'commander';
import { CliError } from '../cli-error.js';
import { withStorageOptions, type NodeOptions } from '../node-options.js';

export interface BundleExportOrder {
  readonly requestId?: string;
  readonly evidenceIds: readonly string[];
  readonly outputPath: string;
  /** The State the bundle is for (Art. 36), or null for this State's own authorities. */
  readonly destinationCountry: string | null;
  readonly disclosePersonal: boolean;
}

/** An exporter over an opened node: runs the export as the operator (custody, audit) and is closed after. */
export interface BundleExporterHandle {
  export(order: BundleExportOrder): Promise<BundleExportResult>;
  close(): Promise<void>;
}

/** Opens the node named by the storage options and returns its exporter; the program passes the real one. */
export type BundleExporterFactory = (options: NodeOptions) => Promise<BundleExporterHandle>;

interface ExportOptions extends NodeOptions {
  readonly request?: string;
  readonly evidence?: string[];
  readonly output: string;
  readonly for?: string;
  readonly disclosePersonal?: boolean;
}

export function bundleCommand(openExporter: BundleExporterFactory): Command {
  const bundle = new Command('bundle').description(
    'evidence bundles a foreign court or a defence expert can verify offline with hanoi247 verify',
  );
  bundle.addCommand(
    withStorageOptions(new Command('export'))
      .description(
        'write the evidence of a request (or the items named) with custody proofs, ' +
          'signed checkpoint and receipts into one zip',
      )
      .addOption(new Option('--request <id>', 'export the evidence of this request, with its delivery receipts'))
      .addOption(new Option('--evidence <id...>', 'export these evidence items'))
      .addOption(new Option('-o, --output <file>', 'the zip to write (must not exist yet)').makeOptionMandatory())
      .addOption(
        new Option(
          '--for <country>',
          'the State the bundle goes to; evidence another State provided needs its authorisation (Art. 36)',
        ),
      )
      .addOption(
        new Option(
          '--disclose-personal',
          'include the names and notes behind the custody events (their salted commitments are always included)',
        ),
      )
      .action(async (options: ExportOptions) => {
        if (options.request === undefined && (options.evidence ?? []).length === 0) {
          throw new CliError('name a request (--request ID) or evidence items (--evidence ID...)');
        }
        const destination = options.for?.toUpperCase() ?? null;
        if (destination !== null && !/^[A-Z]{2}$/.test(destination)) {
          throw new CliError('--for takes an ISO 3166-1 alpha-2 country code');
        }
        const outputPath = resolve(options.output);
        if (existsSync(outputPath)) throw new CliError(`${outputPath} exists already; bundles are never overwritten`);
        const exporter = await openExporter(options);
        try {
          const result = await exporter.export({
            ...(options.request === undefined ? {} : { requestId: options.request }),
            evidenceIds: options.evidence ?? [],
            outputPath,
            destinationCountry: destination,
            disclosePersonal: options.disclosePersonal === true,
          });
          process.stdout.write(
            `wrote ${result.written.path}: ${result.manifest.items.length} item(s), ${result.written.size} bytes\n` +
              `  bundle ${result.manifest.id}, SHA-256 ${result.written.sha256}\n` +
              `  check it with: hanoi247 verify ${options.output}\n`,
          );
        } finally {
          await exporter.close();
        }
      }),
  );
  return bundle;
}
