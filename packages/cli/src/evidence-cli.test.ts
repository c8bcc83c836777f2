import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestNode, runCli } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const metadata = {
  source: 'seizure',
  dataCategory: 'content',
  acquisition: {
    method: 'Forensic image of a seized phone',
    tool: 'imaging station 3',
    acquiredAt: '2026-11-01T09:30:00+07:00',
  },
  personalData: true,
  originCountry: 'VN',
  retentionUntil: '2031-12-31',
};

describe('hanoi247 evidence (on the data dir)', () => {
  let node: TestNode;
  let dir: string;
  let requestId: string;
  let storage: string[];

  beforeAll(async () => {
    node = await TestNode.start();
    const admin = await node.administrator();
    const duty = await node.user(admin, 'cli.evidence', ['duty_officer']);
    const created = await node.call('POST', '/api/v1/requests', {
      as: duty,
      body: { type: 'PRESERVATION_42', legalBasis: 'UN', requestedState: 'SG', language: 'en', details: {} },
    });
    requestId = created.json<{ id: string }>().id;
    // The node stops; the CLI then works on its storage, as an operator does on a server.
    await node.app.close();
    storage = [
      '--data',
      node.config.dataDir,
      ...(node.config.databaseUrl === null ? [] : ['--database-url', node.config.databaseUrl]),
    ];
    dir = mkdtempSync(join(tmpdir(), 'h247-cli-evidence-'));
    writeFileSync(join(dir, 'metadata.json'), JSON.stringify(metadata));
  });
  afterAll(async () => {
    await node.database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('adds a multi-megabyte file, prints its id and SHA-256, then lists and shows it with its custody', async () => {
    const file = join(dir, 'phone image.bin');
    const content = Buffer.alloc(5 * 1024 * 1024 + 123);
    for (let i = 0; i < content.length; i += 4096) content.writeUInt32BE(i, i);
    writeFileSync(file, content);
    const sha256 = createHash('sha256').update(content).digest('hex');

    const added = await runCli([
      'evidence',
      'add',
      file,
      '--request',
      requestId,
      '--metadata',
      join(dir, 'metadata.json'),
      '--description',
      'Image of the suspect phone',
      '--sha256',
      sha256,
      '--country',
      'VN',
      ...storage,
    ]);
    expect(added.stderr).toMatch(/^phone image\.bin: 5\.0 MiB in [\d.]+ s/);
    expect(added.code).toBe(0);
    const id = /^evidence ([0-9a-f-]{36})$/m.exec(added.stdout)?.[1] ?? '';
    expect(added.stdout).toContain(`sha256 ${sha256}\nsize ${content.length}\n`);

    const listed = await runCli(['evidence', 'list', '--request', requestId, ...storage]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`${id}\\s+${content.length}\\s+${sha256}\\s+sealed\\s+phone image\\.bin`));

    const shown = await runCli(['evidence', 'show', id, ...storage]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/source\s+seizure, content data from VN; onward transfer unrestricted/);
    expect(shown.stdout.match(/^ {2}\S+\s+(collected|hashed|sealed)\s+VN\s+cli:\S+/gm)).toHaveLength(3);
  });

  it(
    'refuses with a clear message and exit code 2: missing file, bad metadata, ' +
      'unknown request, wrong hash, no country',
    async () => {
      const file = join(dir, 'small.txt');
      writeFileSync(file, 'small evidence');
      const add = (...args: string[]) => runCli(['evidence', 'add', ...args, ...storage]);

      const missing = await add(
        join(dir, 'nope.bin'),
        '--request',
        requestId,
        '--metadata',
        join(dir, 'metadata.json'),
        '--country',
        'VN',
      );
      expect([missing.code, missing.stderr]).toEqual([2, expect.stringMatching(/cannot read .*nope\.bin/)]);

      const invalid = await add(
        file,
        '--request',
        requestId,
        '--metadata',
        join(dir, 'metadata.json'),
        '--origin',
        'Viet Nam',
        '--acquired-at',
        'yesterday',
        '--country',
        'VN',
      );
      expect(invalid.code).toBe(2);
      expect(invalid.stderr).toMatch(
        /metadata is not valid[\s\S]*\/metadata\/acquisition\/acquiredAt[\s\S]*\/metadata\/originCountry/,
      );

      const unknown = await add(
        file,
        '--request',
        '01900000-0000-7000-8000-000000000000',
        '--metadata',
        join(dir, 'metadata.json'),
        '--country',
        'VN',
      );
      expect([unknown.code, unknown.stderr]).toEqual([2, 'hanoi247: no such request\n']);

      const wrongHash = await add(
        file,
        '--request',
        requestId,
        '--metadata',
        join(dir, 'metadata.json'),
        '--sha256',
        '0'.repeat(64),
        '--country',
        'VN',
      );
      expect(wrongHash.code).toBe(2);
      expect(wrongHash.stderr).toMatch(/not the declared 0{64}; nothing was kept/);

      const noCountry = await add(file, '--request', requestId, '--metadata', join(dir, 'metadata.json'));
      expect(noCountry.code).toBe(2);
      expect(noCountry.stderr).toMatch(/country is not configured/);

      const listed = await runCli(['evidence', 'list', '--request', requestId, '--json', ...storage]);
      expect(JSON.parse(listed.stdout)).toHaveLength(1);
    },
  );
});
