import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { roles, type Role } from '@hanoi247/core';
import type { DemoAccount, SeededDemoAccount } from '@hanoi247/server';
import { z } from 'zod';
import { countryName } from './demo-options.js';

/** One account per role, named `<cc>.<suffix>` so the table reads at a glance. */
export const demoAccountPlan: readonly { readonly suffix: string; readonly role: Role; readonly title: string }[] = [
  { suffix: 'duty', role: 'duty_officer', title: 'duty officer (24/7 desk)' },
  { suffix: 'supervisor', role: 'supervisor', title: 'supervisor' },
  { suffix: 'central', role: 'central_authority_officer', title: 'central-authority officer' },
  { suffix: 'provider', role: 'provider_user', title: 'service-provider user' },
  { suffix: 'auditor', role: 'auditor', title: 'auditor' },
  { suffix: 'admin', role: 'administrator', title: 'administrator' },
];

export const demoUsername = (country: string, suffix: string): string => `${country.toLowerCase()}.${suffix}`;

/** Random, so two people's demo networks never share a password; 16 characters of base64url. */
function demoPassword(): string {
  for (;;) {
    const candidate = randomBytes(12).toString('base64url');
    // The password policy wants five different characters; 16 random ones almost always have them.
    if (new Set(candidate).size >= 5) return candidate;
  }
}

export function demoAccountsFor(country: string): DemoAccount[] {
  return demoAccountPlan.map((p) => ({
    username: demoUsername(country, p.suffix),
    displayName: `${countryName(country)} ${p.title} (demo)`,
    role: p.role,
    password: demoPassword(),
  }));
}

const fileName = 'demo-accounts.json';

const accountsFile = z.object({
  accounts: z.array(
    z.object({
      username: z.string(),
      displayName: z.string(),
      role: z.enum(roles),
      password: z.string(),
      totpSecret: z.string(),
      apiToken: z.string(),
    }),
  ),
});

/**
 * The database keeps only hashes, yet a restarted demo must print the same credentials: they
 * are kept beside the node's keys, readable by the owner only, like the keys themselves.
 */
export function writeDemoAccounts(nodeDir: string, accounts: readonly SeededDemoAccount[]): void {
  const path = join(nodeDir, fileName);
  const note = 'Demo credentials written by `hanoi247 demo`. Never reuse them on a real node.';
  writeFileSync(path, `${JSON.stringify({ note, accounts }, null, 2)}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
}

/** Null when the file is missing or unreadable: the node then has accounts the demo did not make. */
export function readDemoAccounts(nodeDir: string): SeededDemoAccount[] | null {
  const path = join(nodeDir, fileName);
  if (!existsSync(path)) return null;
  try {
    return accountsFile.parse(JSON.parse(readFileSync(path, 'utf8'))).accounts;
  } catch {
    return null;
  }
}

export const demoAccountsPath = (nodeDir: string): string => join(nodeDir, fileName);
