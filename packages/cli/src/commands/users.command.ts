import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import { isRole, operatorPrincipal, roles, type Role } from '@hanoi247/core';
import { openNode, type CallContext, type NodeRuntime, type UserView } from '@hanoi247/server';
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

async function readPasswordFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const password = Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  if (password === '') throw new CliError('--password-stdin was given but standard input was empty');
  return password;
}

function line(user: UserView): string {
  const factor = user.totpEnrolled ? 'totp' : 'no-2fa-yet';
  return (
    `${user.username.padEnd(24)} ${user.status.padEnd(9)} ${factor.padEnd(11)} ` +
    `${user.roles.join(',').padEnd(40)} ${user.displayName}`
  );
}

function parseRoles(values: readonly string[]): Role[] {
  const unknown = values.filter((value) => !isRole(value));
  if (unknown.length > 0) throw new CliError(`unknown role ${unknown.join(', ')}; choose from ${roles.join(', ')}`);
  return values.filter(isRole);
}

interface AddOptions extends NodeOptions {
  readonly role: string[];
  readonly displayName?: string;
  readonly passwordStdin?: boolean;
}

export function usersCommand(): Command {
  const users = new Command('users').description('user accounts of this node');

  users.addCommand(
    withStorageOptions(new Command('add'))
      .description('create a user; they enrol a TOTP second factor at first sign-in')
      .argument('<username>', 'login name: lower-case letters, digits, dot, dash, underscore')
      .addOption(new Option('-r, --role <role...>', `one or more of: ${roles.join(', ')}`).makeOptionMandatory())
      .option('--display-name <name>', 'full name as colleagues know it')
      .option('--password-stdin', 'read the password from standard input instead of generating one')
      .action(async (username: string, options: AddOptions) => {
        const chosenRoles = parseRoles(options.role);
        const generated = options.passwordStdin !== true;
        const password = generated ? randomBytes(18).toString('base64url') : await readPasswordFromStdin();
        const user = await withNode(options, (node) =>
          node.services.users.createUser(operator(), {
            username,
            displayName: options.displayName ?? username,
            roles: chosenRoles,
            password,
          }),
        );
        process.stdout.write(`created ${line(user)}\n`);
        if (generated) {
          process.stdout.write(`one-time password (shown only now; hand it over in person): ${password}\n`);
        }
      }),
  );

  users.addCommand(
    withStorageOptions(new Command('list'))
      .description('list users (this consultation is audited)')
      .option('--purpose <text>', 'why you are looking, for the audit log')
      .action(async (options: NodeOptions & { purpose?: string }) => {
        const all = await withNode(options, (node) =>
          node.services.users.listUsers(operator(), options.purpose ?? null),
        );
        process.stdout.write(
          `${'USERNAME'.padEnd(24)} ${'STATUS'.padEnd(9)} ${'2FA'.padEnd(11)} ${'ROLES'.padEnd(40)} NAME\n`,
        );
        for (const user of all) process.stdout.write(`${line(user)}\n`);
      }),
  );

  users.addCommand(
    withStorageOptions(new Command('disable'))
      .description('disable a user and end all their sessions and API tokens')
      .argument('<username>')
      .action(async (username: string, options: NodeOptions) => {
        const user = await withNode(options, (node) => node.services.users.disableUser(operator(), username));
        process.stdout.write(`disabled ${user.username}\n`);
      }),
  );

  users.addCommand(
    withStorageOptions(new Command('reset-2fa'))
      .description('clear a user\u2019s TOTP factor; they enrol a new one at next sign-in')
      .argument('<username>')
      .action(async (username: string, options: NodeOptions) => {
        const user = await withNode(options, (node) => node.services.users.resetTotp(operator(), username));
        process.stdout.write(`second factor cleared for ${user.username}; they will enrol a new one at next sign-in\n`);
      }),
  );
  return users;
}
