import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

describe('hanoi247 peers and descriptor', () => {
  let root: string;
  const dir = (cc: string) => join(root, cc);

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'h247-peers-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  async function exportDescriptor(cc: string, port: number): Promise<{ file: string; fingerprint: string }> {
    await runCli(['keys', 'show', '--data', dir(cc)]);
    const result = await runCli([
      'descriptor',
      '--data',
      dir(cc),
      '--country',
      cc,
      '--node-name',
      `${cc} node`,
      '--public-url',
      `http://127.0.0.1:${port}`,
    ]);
    expect(result.code).toBe(0);
    const fingerprint = /fingerprint to read to the partner: (SHA256:\S+)/.exec(result.stderr)?.[1] ?? '';
    const file = join(root, `${cc}.descriptor.json`);
    writeFileSync(file, result.stdout);
    return { file, fingerprint };
  }

  it('pins a partner from its descriptor file and fingerprint, lists it and removes it', async () => {
    const sg = await exportDescriptor('SG', 9102);
    expect(sg.fingerprint).toMatch(/^SHA256:[A-Za-z0-9_-]{43}$/);
    const added = await runCli(['peers', 'add', sg.file, '--fingerprint', sg.fingerprint, '--data', dir('VN')]);
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/pinned SG "SG node" at http:\/\/127\.0\.0\.1:9102/);
    expect((await runCli(['peers', 'list', '--data', dir('VN')])).stdout).toMatch(
      new RegExp(`SG\\s+active\\s+http://127.0.0.1:9102\\s+${sg.fingerprint.replace(/[+]/g, '\\+')}`),
    );
    expect((await runCli(['peers', 'remove', 'sg', '--data', dir('VN')])).stdout).toMatch(/removed SG/);
    expect((await runCli(['peers', 'list', '--data', dir('VN')])).stdout).toMatch(/SG\s+removed/);
  });

  it('refuses a fingerprint that does not match, a tampered descriptor and an unreadable file', async () => {
    const fr = await exportDescriptor('FR', 9103);
    const wrong = await runCli([
      'peers',
      'add',
      fr.file,
      '--fingerprint',
      'SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      '--data',
      dir('VN'),
    ]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/not the pinned/);
    const tampered = join(root, 'tampered.json');
    const original = (await import('node:fs')).readFileSync(fr.file, 'utf8');
    writeFileSync(tampered, original.replace('FR node', 'FR n0de'));
    const forged = await runCli(['peers', 'add', tampered, '--fingerprint', fr.fingerprint, '--data', dir('VN')]);
    expect(forged.code).not.toBe(0);
    expect(forged.stderr).toMatch(/signature does not verify/);
    const missing = await runCli([
      'peers',
      'add',
      join(root, 'nope.json'),
      '--fingerprint',
      fr.fingerprint,
      '--data',
      dir('VN'),
    ]);
    expect(missing.code).toBe(2);
    expect((await runCli(['peers', 'list', '--data', dir('VN')])).stdout).not.toMatch(/^FR/m);
  });
});
