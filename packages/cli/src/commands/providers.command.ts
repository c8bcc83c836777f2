import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { operatorPrincipal, providerInputSchema, providerTypes } from '@hanoi247/core';
import { openNode, type CallContext, type NodeRuntime } from '@hanoi247/server';
import { Command, Option } from 'commander';
import { CliError } from '../cli-error.js';
import { storageConfigFrom, withStorageOptions, type NodeOptions } from '../node-options.js';

const operator = (): CallContext => ({ principal: operatorPrincipal(userInfo().username), requestId: null });

async function withNode<T>(options: NodeOptions, work: (node: NodeRuntime) => Promise<T>): Promise<T> {
  const node = await openNode(storageConfigFrom(options, process.env));
  try {
    return await work(node);
  } finally {
    await node.close();
  }
}

/** The registry entry as the API takes it (`POST /api/v1/providers`), checked before the node opens. */
async function readProvider(file: string) {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch {
    throw new CliError(`cannot read ${file} as JSON`);
  }
  const result = providerInputSchema.safeParse(parsed);
  if (!result.success) {
    throw new CliError(
      `${file} is not a provider entry:\n` +
        result.error.issues.map((i) => `  /${i.path.join('/')}: ${i.message}`).join('\n'),
    );
  }
  return result.data;
}

/**
 * The provider registry from the console, as the operator on the data dir: registering a
 * provider and linking its first user must not wait for the web app. Every call goes through
 * the provider service, so it is validated and audited like the API's.
 */
export function providersCommand(): Command {
  const providers = new Command('providers').description(
    'the registry of service providers that domestic orders reach',
  );

  providers.addCommand(
    withStorageOptions(new Command('add'))
      .description(
        'register a provider from a JSON file: legalName, country, type, contacts, dataCategories, channel, languages',
      )
      .argument('<file>', `the entry as POST /api/v1/providers takes it; type one of ${providerTypes.join(', ')}`)
      .action(async (file: string, options: NodeOptions) => {
        const input = await readProvider(file);
        const created = await withNode(options, (node) => node.services.providers.create(operator(), input));
        process.stdout.write(
          `registered ${created.id} ${created.legalName} (${created.type}, ${created.country}), ` +
            `orders by ${created.channel}\n`,
        );
      }),
  );

  providers.addCommand(
    withStorageOptions(new Command('list'))
      .description('the registered providers')
      .addOption(new Option('--type <type>', 'only this type').choices([...providerTypes]))
      .action(async (options: NodeOptions & { type?: string }) => {
        const all = await withNode(options, (node) =>
          node.services.providers.list(operator(), { type: options.type, limit: 1000, offset: 0 }),
        );
        process.stdout.write(
          `${'ID'.padEnd(37)}${'TYPE'.padEnd(18)}${'CHANNEL'.padEnd(8)}${'STATUS'.padEnd(9)}LEGAL NAME\n`,
        );
        for (const p of all) {
          process.stdout.write(
            `${p.id.padEnd(37)}${p.type.padEnd(18)}${p.channel.padEnd(8)}` +
              `${(p.active ? 'active' : 'inactive').padEnd(9)}${p.legalName}\n`,
          );
        }
      }),
  );

  providers.addCommand(
    withStorageOptions(new Command('link'))
      .description(
        'let a provider_user account act for a provider (it then sees that provider\u2019s ' +
          'served orders, nothing else), or an institution_reporter account report fraud for a bank, ' +
          'e-wallet or telecom',
      )
      .argument('<providerId>', 'the provider\u2019s id (providers list)')
      .argument('<username>', 'an account with the single role provider_user or institution_reporter')
      .action(async (providerId: string, username: string, options: NodeOptions) => {
        await withNode(options, async (node) => {
          const user = (await node.services.users.listUsers(operator(), 'link a provider user')).find(
            (u) => u.username === username,
          );
          if (user === undefined) throw new CliError(`no user ${username}`);
          const members = await node.services.providers.addMember(operator(), providerId, user.id);
          process.stdout.write(
            `linked ${username} to provider ${providerId}; members: ${members.map((m) => m.username).join(', ')}\n`,
          );
        });
      }),
  );
  return providers;
}
