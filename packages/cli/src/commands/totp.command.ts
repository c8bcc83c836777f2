import { totpCodeAt } from '@hanoi247/server';
import { Command } from 'commander';
import { CliError } from '../cli-error.js';

const periodSeconds = 30;

/** Authenticator apps show secrets in groups of four, sometimes in lower case: accept both. */
export function normaliseTotpSecret(text: string): string {
  const secret = text.replace(/[\s-]/g, '').toUpperCase();
  // 16 base32 characters are 80 bits, the least RFC 4226 allows; padding is optional.
  if (!/^[A-Z2-7]{16,}=*$/.test(secret)) {
    throw new CliError(
      'the TOTP secret must be base32 (letters A-Z and digits 2-7), at least 16 characters, as the node showed it',
    );
  }
  return secret;
}

export function totpCommand(): Command {
  return new Command('totp')
    .description('print the current 6-digit TOTP code for a secret (demo accounts, or testing an enrolment)')
    .argument('<secret>', 'base32 TOTP secret, as shown at enrolment or by hanoi247 demo')
    .action((text: string) => {
      const now = new Date();
      process.stdout.write(`${totpCodeAt(normaliseTotpSecret(text), now)}\n`);
      // On standard error, so `$(hanoi247 totp SECRET)` captures only the code.
      const left = periodSeconds - (Math.floor(now.getTime() / 1000) % periodSeconds);
      process.stderr.write(`valid for ${left} more second${left === 1 ? '' : 's'}; each code signs in once\n`);
    });
}
