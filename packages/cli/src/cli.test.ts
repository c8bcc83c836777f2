import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

describe('hanoi247 CLI', () => {
  let dataDir: string;
  const data = () => ['--data', dataDir];

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'h247-cli-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints its version', async () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    const result = await runCli(['--version']);
    expect(result).toMatchObject({ code: 0, stdout: `${manifest.version}\n` });
  });

  it.each([
    [['--help'], /serve.*migrate.*keys.*users/s],
    [['serve', '--help'], /--country <cc>.*--port <port>/s],
    [['migrate', '--help'], /--database-url <url>/],
    [['keys', '--help'], /show.*rotate/s],
    [['keys', 'rotate', '--help'], /old public keys/],
    [['users', '--help'], /add.*list.*disable.*reset-2fa/s],
    [['users', 'add', '--help'], /--role <role\.\.\.>/],
    [['requests', '--help'], /list.*show.*create.*transition/s],
    [['requests', 'transition', '--help'], /--payload <file>/],
  ])('explains %j', async (args, pattern) => {
    const result = await runCli(args);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(pattern);
  });

  it('refuses an unknown command with exit code 2', async () => {
    const result = await runCli(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown command/);
  });

  it('migrates, then reports the schema up to date', async () => {
    expect((await runCli(['migrate', ...data()])).stdout).toContain(
      'applied 0001-foundation, 0002-requests, 0003-federation, 0004-ledger, 0005-evidence, 0006-providers, ' +
        '0007-order-evidence, 0008-request-assignee, 0009-order-driven-preservation, 0010-jobs, ' +
        '0011-fraud-reports, 0012-outbox-lease, 0013-fraud-clusters, 0014-citizen-reports;',
    );
    expect((await runCli(['migrate', ...data()])).stdout).toMatch(/up to date at 0014-citizen-reports/);
  });

  it('adds, lists, resets and disables users, auditing each change', async () => {
    const added = await runCli([
      'users',
      'add',
      'duty.one',
      '--role',
      'duty_officer',
      'supervisor',
      '--display-name',
      'Nguyễn Văn A',
      ...data(),
    ]);
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/one-time password \(shown only now; hand it over in person\): \S{20,}/);
    const piped = await runCli(['users', 'add', 'auditor.one', '--role', 'auditor', '--password-stdin', ...data()], {
      input: 'a passphrase from stdin\n',
    });
    expect(piped.code).toBe(0);
    expect(piped.stdout).not.toContain('one-time password');

    const listed = await runCli(['users', 'list', '--purpose', 'test', ...data()]);
    expect(listed.stdout).toMatch(/duty\.one\s+active\s+no-2fa-yet\s+duty_officer,supervisor\s+Nguyễn Văn A/);
    expect(listed.stdout).toMatch(/auditor\.one\s+active/);

    expect((await runCli(['users', 'reset-2fa', 'duty.one', ...data()])).stdout).toMatch(
      /second factor cleared for duty\.one/,
    );
    expect((await runCli(['users', 'disable', 'duty.one', ...data()])).code).toBe(0);
    expect((await runCli(['users', 'list', ...data()])).stdout).toMatch(/duty\.one\s+disabled/);
  });

  it('explains bad user input with exit code 2 and writes nothing', async () => {
    const unknownRole = await runCli(['users', 'add', 'x.y', '--role', 'root', ...data()]);
    expect(unknownRole).toMatchObject({ code: 2 });
    expect(unknownRole.stderr).toMatch(/unknown role root; choose from duty_officer/);
    const weak = await runCli(['users', 'add', 'weak.user', '--role', 'auditor', '--password-stdin', ...data()], {
      input: 'short\n',
    });
    expect(weak.code).toBe(2);
    expect(weak.stderr).toMatch(/\/password: must be at least 12 characters/);
    const duplicate = await runCli(['users', 'add', 'auditor.one', '--role', 'auditor', ...data()]);
    expect(duplicate.code).toBe(2);
    expect(duplicate.stderr).toMatch(/already taken/);
    const missing = await runCli(['users', 'disable', 'nobody', ...data()]);
    expect(missing.code).toBe(2);
    expect((await runCli(['users', 'list', ...data()])).stdout).not.toMatch(/weak\.user|x\.y/);
  });

  it('shows keys with fingerprints, rotates, and keeps the old public key', async () => {
    const shown = await runCli(['keys', 'show', ...data()]);
    expect(shown.code).toBe(0);
    const firstId = /key ([0-9a-f]{16})\s+CURRENT/.exec(shown.stdout)?.[1];
    expect(firstId).toBeDefined();
    expect(shown.stdout).toMatch(/signing\s+Ed25519\s+SHA256:[A-Za-z0-9_-]{43}/);
    expect(shown.stdout).toMatch(/encryption X25519\s+SHA256:[A-Za-z0-9_-]{43}/);
    const rotated = await runCli(['keys', 'rotate', ...data()]);
    expect(rotated.code).toBe(0);
    expect(rotated.stdout).toMatch(new RegExp(`key ${firstId ?? 'missing'}\\s+retired`));
    expect(rotated.stdout).toMatch(/key [0-9a-f]{16}\s+CURRENT/);
    for (const file of readdirSync(join(dataDir, 'keys'))) {
      expect(statSync(join(dataDir, 'keys', file)).mode & 0o777).toBe(0o600);
    }
  });

  it('stops at start-up naming an invalid configuration field', async () => {
    const result = await runCli(['serve', ...data(), '--country', 'XX', '--node-name', 'n', '--port', '0']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/node\.country: must be an ISO 3166-1 alpha-2 country code/);
    const port = await runCli(['serve', ...data(), '--country', 'VN', '--node-name', 'n', '--port', '99999']);
    expect(port.code).toBe(2);
    expect(port.stderr).toMatch(/http\.port/);
    const env = await runCli(['serve', ...data(), '--country', 'VN', '--node-name', 'n'], {
      env: { HANOI247_LOG_LEVEL: 'loud' },
    });
    expect(env.stderr).toMatch(/log\.level/);
  });
});
