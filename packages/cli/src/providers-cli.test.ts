import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const entry = {
  legalName: 'ExampleMail Viet Nam LLC',
  country: 'VN',
  type: 'PLATFORM',
  contacts: [{ role: 'law-enforcement-desk', name: 'LE response team', email: 'le@examplemail.vn' }],
  dataCategories: ['subscriber', 'traffic'],
  channel: 'both',
  languages: ['vi', 'en'],
};

describe('hanoi247 providers', () => {
  let root: string;
  let data: string;
  const file = (name: string, content: unknown) => {
    const path = join(root, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'h247-providers-'));
    data = join(root, 'data');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('registers a provider from a file, lists it and links a provider user to it', async () => {
    const added = await runCli(['providers', 'add', file('provider.json', entry), '--data', data]);
    expect(added.code).toBe(0);
    const id = /registered ([0-9a-f-]{36}) ExampleMail Viet Nam LLC \(PLATFORM, VN\), orders by both/.exec(
      added.stdout,
    )?.[1];
    expect(id).toBeDefined();
    const listed = await runCli(['providers', 'list', '--data', data]);
    expect(listed.stdout).toMatch(new RegExp(`${id}\\s+PLATFORM\\s+both\\s+active\\s+ExampleMail Viet Nam LLC`));
    expect((await runCli(['users', 'add', 'em.compliance', '--role', 'provider_user', '--data', data])).code).toBe(0);
    const linked = await runCli(['providers', 'link', id as string, 'em.compliance', '--data', data]);
    expect([linked.code, linked.stdout]).toEqual([
      0,
      expect.stringMatching(/linked em.compliance .* members: em.compliance/) as unknown,
    ]);
  });

  it('refuses an entry that is not valid, naming the field, and a duplicate', async () => {
    const bad = await runCli(['providers', 'add', file('bad.json', { ...entry, type: 'BAKERY' }), '--data', data]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/\/type/);
    const duplicate = await runCli(['providers', 'add', file('again.json', entry), '--data', data]);
    expect(duplicate.code).not.toBe(0);
    expect(duplicate.stderr).toMatch(/already/i);
  });
});
