import { operatorPrincipal } from '@hanoi247/core';
import { openNode, type NodeKeyring } from '@hanoi247/server';
import { Command } from 'commander';
import { userInfo } from 'node:os';
import { storageConfigFrom, withStorageOptions, type NodeOptions } from '../node-options.js';

function describe(keyring: NodeKeyring): string {
  return keyring.generations
    .map((g) =>
      [
        `key ${g.keyId}  ` +
          (g.retiredAt === null ? 'CURRENT' : `retired ${g.retiredAt} (verify only)`) +
          `  created ${g.createdAt}`,
        `  signing    Ed25519  ${g.signing.fingerprint}`,
        `             public   ${g.signing.publicKey}`,
        `  encryption X25519   ${g.encryption.fingerprint}`,
        `             public   ${g.encryption.publicKey}`,
      ].join('\n'),
    )
    .join('\n\n');
}

export function keysCommand(): Command {
  const keys = new Command('keys').description('the node\u2019s signing and encryption keys');
  const context = () => ({ principal: operatorPrincipal(userInfo().username), requestId: null });

  keys.addCommand(
    withStorageOptions(new Command('show'))
      .description('print public keys and fingerprints (generates the keys if this data dir has none)')
      .action(async (options: NodeOptions) => {
        const node = await openNode(storageConfigFrom(options, process.env));
        try {
          process.stdout.write(`${describe(await node.services.identity.ensureKeys(context()))}\n`);
        } finally {
          await node.close();
        }
      }),
  );

  keys.addCommand(
    withStorageOptions(new Command('rotate'))
      .description('make a new key generation current; old public keys stay for verifying old signatures')
      .action(async (options: NodeOptions) => {
        const node = await openNode(storageConfigFrom(options, process.env));
        try {
          await node.services.identity.ensureKeys(context());
          const keyring = await node.services.identity.rotate(context());
          process.stdout.write(`rotated; restart a running node to use the new key\n\n${describe(keyring)}\n`);
        } finally {
          await node.close();
        }
      }),
  );
  return keys;
}
