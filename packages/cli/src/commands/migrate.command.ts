import { openNode } from '@hanoi247/server';
import { Command } from 'commander';
import { storageConfigFrom, withStorageOptions, type NodeOptions } from '../node-options.js';

export function migrateCommand(): Command {
  return withStorageOptions(new Command('migrate'))
    .description('bring the database schema to the latest version (serve also does this at start)')
    .action(async (options: NodeOptions) => {
      const node = await openNode(storageConfigFrom(options, process.env));
      try {
        const { applied, current } = node.migrations;
        process.stdout.write(
          applied.length === 0
            ? `schema is up to date at ${current ?? 'none'}\n`
            : `applied ${applied.join(', ')}; schema now at ${current ?? 'none'}\n`,
        );
      } finally {
        await node.close();
      }
    });
}
