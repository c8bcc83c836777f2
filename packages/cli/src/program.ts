import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { keysCommand } from './commands/keys.command.js';
import { migrateCommand } from './commands/migrate.command.js';
import { serveCommand } from './commands/serve.command.js';
import { demoCommand } from './commands/demo.command.js';
import { totpCommand } from './commands/totp.command.js';
import { usersCommand } from './commands/users.command.js';
import { providersCommand } from './commands/providers.command.js';
import { requestsCommand } from './commands/requests.command.js';
import { descriptorCommand, peersCommand } from './commands/peers.command.js';
import { ledgerCommand } from './commands/ledger.command.js';
import { evidenceCommand } from './commands/evidence.command.js';
import { verifyCommand } from './commands/verify.command.js';
import { verifyOrderCommand } from './commands/verify-order.command.js';
import { bundleCommand } from './commands/bundle.command.js';
import { nodeBundleExporter } from './commands/bundle-exporter.js';

export function cliVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

export function buildProgram(): Command {
  const version = cliVersion();
  const program = new Command('hanoi247')
    .description('hanoi247: the national node for 24/7 cooperation under the UN Convention against Cybercrime')
    .version(version, '-V, --version')
    .showHelpAfterError()
    .exitOverride();
  program.addCommand(serveCommand(version));
  program.addCommand(demoCommand(version));
  program.addCommand(migrateCommand());
  program.addCommand(keysCommand());
  program.addCommand(usersCommand());
  program.addCommand(providersCommand());
  program.addCommand(requestsCommand());
  program.addCommand(peersCommand());
  program.addCommand(descriptorCommand());
  program.addCommand(ledgerCommand());
  program.addCommand(evidenceCommand());
  program.addCommand(totpCommand());
  program.addCommand(verifyCommand());
  program.addCommand(verifyOrderCommand());
  program.addCommand(bundleCommand(nodeBundleExporter));
  return program;
}
