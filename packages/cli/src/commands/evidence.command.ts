import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { userInfo } from 'node:os';
import { isCountryCode, operatorPrincipal } from '@hanoi247/core';
import { ingestChunkBytes, openNode, type CallContext, type EvidenceView, type NodeRuntime } from '@hanoi247/server';
import { Command, Option } from 'commander';
import { CliError } from '../cli-error.js';
import { storageConfigFrom, withStorageOptions, type NodeOptions } from '../node-options.js';
import { progressLine } from '../progress-line.js';
import { metadataFrom, withMetadataOptions, type MetadataOptions } from './evidence-metadata.options.js';

const operator = (): CallContext => ({ principal: operatorPrincipal(userInfo().username), requestId: null });

interface EvidenceNodeOptions extends NodeOptions {
  readonly json?: boolean;
}

async function withNode<T>(options: NodeOptions, work: (node: NodeRuntime) => Promise<T>): Promise<T> {
  if (options.country !== undefined && !isCountryCode(options.country)) {
    throw new CliError(`--country ${options.country} is not an ISO 3166-1 alpha-2 code in capitals, such as VN`);
  }
  const node = await openNode(storageConfigFrom(options, process.env));
  try {
    return await work(node);
  } finally {
    await node.close();
  }
}

const itemLine = (item: EvidenceView) =>
  `${item.id}  ${String(item.size).padStart(12)}  ${item.sha256}  ` +
  `${item.sealed ? 'sealed' : 'clear '}  ${item.filename}`;

function describe(item: EvidenceView): string {
  const m = item.metadata;
  return [
    `evidence      ${item.id}`,
    `request       ${item.requestId ?? '-'}`,
    `file          ${item.filename} (${item.mediaType}, ${item.size} bytes)`,
    `sha256        ${item.sha256}`,
    `stored        ${item.sealed ? 'sealed (AES-256-GCM)' : 'in clear'}`,
    `source        ${m.source}, ${m.dataCategory} data from ${m.originCountry}; onward transfer ${item.onwardTransfer}`,
    `acquired      ${m.acquisition.acquiredAt} by ${m.acquisition.method}` +
      (m.acquisition.tool === undefined ? '' : ` (${m.acquisition.tool})`),
    `retention     ${item.retentionUntil ?? 'none set'}`,
    `added         ${item.createdAt} by ${item.createdBy}`,
  ].join('\n');
}

function addCommand(): Command {
  return withMetadataOptions(withStorageOptions(new Command('add')))
    .description(
      'store a file as evidence of a request: streamed, hashed, sealed, with its ' +
        'custody events (acts on the data dir as the operator)',
    )
    .argument('<file>', 'the file to add')
    .addOption(new Option('--request <id>', 'the request the evidence belongs to').makeOptionMandatory())
    .addOption(
      new Option(
        '--country <cc>',
        'this node\u2019s State, if the configuration does not name it (custody events record it)',
      ),
    )
    .addOption(
      new Option(
        '--node-name <name>',
        'this node\u2019s name for custody events, if the configuration does not name it',
      ),
    )
    .addOption(new Option('--json', 'print the item as JSON'))
    .action(async (file: string, options: EvidenceNodeOptions & MetadataOptions & { request: string }) => {
      const size = await stat(file).then(
        (s) => (s.isFile() ? s.size : Number.NaN),
        () => Number.NaN,
      );
      if (Number.isNaN(size)) throw new CliError(`cannot read ${file}: not a readable file`);
      const metadata = await metadataFrom(options, (path) => readFile(path, 'utf8'));
      await withNode(options, async (node) => {
        const progress = progressLine(process.stderr, size, basename(file));
        // Large reads keep hashing fast (P1) and memory flat whatever the file size.
        const content = createReadStream(file, { highWaterMark: ingestChunkBytes });
        let item: EvidenceView;
        try {
          item = await node.services.evidence.add(
            operator(),
            {
              requestId: options.request,
              filename: options.filename ?? basename(file),
              mediaType: options.mediaType,
              metadata,
              declaredSha256: options.sha256 ?? null,
            },
            content,
            { onProgress: (bytes) => progress.update(bytes) },
          );
        } catch (error) {
          progress.abandon();
          throw error;
        }
        progress.finish(item.size);
        process.stdout.write(
          options.json === true
            ? `${JSON.stringify(item, null, 2)}\n`
            : `evidence ${item.id}\nsha256 ${item.sha256}\nsize ${item.size}\n`,
        );
      });
    });
}

export function evidenceCommand(): Command {
  const evidence = new Command('evidence').description(
    'evidence items and their chain of custody (on the data dir, as the operator; every read is audited)',
  );
  evidence.addCommand(addCommand());

  evidence.addCommand(
    withStorageOptions(new Command('list'))
      .description('the evidence items of a request, oldest first')
      .addOption(new Option('--request <id>', 'the request').makeOptionMandatory())
      .addOption(new Option('--json', 'print JSON'))
      .action(async (options: EvidenceNodeOptions & { request: string }) =>
        withNode(options, async (node) => {
          const items = await node.services.evidence.listForRequest(operator(), options.request, 'operator console');
          if (options.json === true) process.stdout.write(`${JSON.stringify(items, null, 2)}\n`);
          else {
            process.stdout.write(
              `${'ID'.padEnd(36)}  ${'BYTES'.padStart(12)}  ${'SHA-256'.padEnd(64)}  STORED ` +
                ` FILE\n${items.map((i) => `${itemLine(i)}\n`).join('')}`,
            );
          }
        }),
      ),
  );

  evidence.addCommand(
    withStorageOptions(new Command('show'))
      .description('one item: metadata and chain of custody')
      .argument('<id>', 'evidence item id')
      .addOption(new Option('--json', 'print JSON'))
      .action(async (id: string, options: EvidenceNodeOptions) =>
        withNode(options, async (node) => {
          const { item, events } = await node.services.evidence.custody(operator(), id, 'operator console');
          if (options.json === true) {
            process.stdout.write(`${JSON.stringify({ item, custody: events }, null, 2)}\n`);
            return;
          }
          const timeline = events.map(
            (e) =>
              `  ${e.occurredAt}  ${e.type.padEnd(12)} ${e.system.country}  ` +
              `${e.personal?.actorName ?? '(erased)'}  ${e.eventHash.slice(0, 16)}`,
          );
          process.stdout.write(`${describe(item)}\ncustody\n${timeline.join('\n')}\n`);
        }),
      ),
  );
  return evidence;
}
