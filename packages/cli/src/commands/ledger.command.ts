import { loadKeyring, openNode, verifyLedger } from '@hanoi247/server';
import { Command } from 'commander';
import { CliError } from '../cli-error.js';
import { storageConfigFrom, withStorageOptions, type NodeOptions } from '../node-options.js';

/**
 * The operator's side of the ledger, on the data dir (or DATABASE_URL) like `keys` and
 * `peers`: `verify` is the fsck of security scenario 2; `checkpoint` prints what
 * GET /ledger/v1/checkpoint serves.
 */
export function ledgerCommand(): Command {
  const ledger = new Command('ledger').description('the node\u2019s tamper-evident custody and audit ledger');

  ledger.addCommand(
    withStorageOptions(new Command('verify'))
      .description(
        'recompute the whole ledger: every leaf hash from its data, every stored ' +
          'subtree, the root and signature of every checkpoint',
      )
      .action(async (options: NodeOptions) => {
        const config = storageConfigFrom(options, process.env);
        const keyring = loadKeyring(config.dataDir);
        if (keyring === null) {
          throw new CliError(
            `no keys in ${config.dataDir}: the node's public keys are needed to check checkpoint signatures`,
          );
        }
        const node = await openNode(config);
        try {
          const result = await verifyLedger(node.database.db, keyring);
          if (result.problem !== null) throw new CliError(`ledger verify failed at ${result.problem}`, 1);
          if (result.latest === null) {
            process.stdout.write('the ledger is empty: nothing to verify\n');
            return;
          }
          process.stdout.write(
            `ledger ${result.origin ?? ''}: OK\n` +
              `  ${result.leaves} leaves: every hash recomputed from its data\n` +
              `  ${result.nodes} stored subtree hashes recomputed\n` +
              `  ${result.checkpoints} checkpoints: root recomputed, signature verified\n` +
              `  latest: size ${result.latest.treeSize}, root ${result.latest.rootHash}\n`,
          );
        } finally {
          await node.close();
        }
      }),
  );

  ledger.addCommand(
    withStorageOptions(new Command('checkpoint'))
      .description('print the latest signed checkpoint (a C2SP signed note)')
      .action(async (options: NodeOptions) => {
        const node = await openNode(storageConfigFrom(options, process.env));
        try {
          process.stdout.write((await node.services.ledger.latestCheckpoint()).note);
        } finally {
          await node.close();
        }
      }),
  );
  return ledger;
}
