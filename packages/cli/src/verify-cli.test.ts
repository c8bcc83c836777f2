import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { readEntry, type BundleReport } from '@hanoi247/core';
import { exportBundle } from '@hanoi247/server';
import { MemoryBundleWorld, runCli } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openZipBundle } from './bundle/zip-bundle-source.js';
import { craftZip, type CraftedEntry } from './bundle/zip-crafting.fixtures.js';
import { verifyBundleFile } from './commands/verify.command.js';

let dir: string;
let world: MemoryBundleWorld;
let bundlePath: string;
let bigContent: Buffer;
let bigSha: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'h247-verify-'));
  world = await MemoryBundleWorld.create();
  const request = world.addRequest();
  bigContent = randomBytes(300_000);
  world.addItem({
    content: Buffer.from('subscriber of +84 912 345 678\n'),
    requestId: request.id,
    filename: 'subscriber.txt',
  });
  const big = world.addItem({ content: bigContent, requestId: request.id, filename: 'disk.img', originCountry: 'SG' });
  bigSha = world.items.get(big)!.record.sha256;
  await world.addReceipt(request.id);
  world.signCheckpoint();
  bundlePath = join(dir, 'case.zip');
  await exportBundle(world.ports(), {
    requestId: request.id,
    destinationCountry: 'SG',
    disclosePersonal: true,
    outputPath: bundlePath,
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the command function in-process and returns its exit code and the JSON report. */
async function verifyInProcess(path: string): Promise<{ code: number; report: BundleReport }> {
  let text = '';
  const sink = new Writable({ write: (chunk: Buffer, _e, callback) => ((text += chunk.toString('utf8')), callback()) });
  const code = await verifyBundleFile(path, { json: true }, sink);
  return { code, report: JSON.parse(text) as BundleReport };
}

/** Every entry of the exported bundle, to rebuild it with additions a zip library would refuse to write. */
async function exportedEntries(): Promise<CraftedEntry[]> {
  const bundle = await openZipBundle(bundlePath);
  try {
    const { entries } = await bundle.source.list();
    return Promise.all(
      entries.map(async (e) => ({ name: e.name, data: (await readEntry(bundle.source, e.name, 10_000_000)).bytes })),
    );
  } finally {
    bundle.close();
  }
}

describe('hanoi247 verify (the built binary)', () => {
  it('exits 0 on a bundle as exported and says what it checked', async () => {
    const result = await runCli(['verify', bundlePath]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^VERIFIED: every file hash, proof, signature and custody link checks/);
    expect(result.stdout).toMatch(/PASS {2}receipt [0-9a-f-]{36}: SG acknowledged message request\.sent/);
    expect(result.stdout).toMatch(/WARN {2}node VN: not compared/);
  });

  it('prints the JSON report, and passes the published fingerprint or fails another', async () => {
    const matching = await runCli(['verify', bundlePath, '--json', '--expect-fingerprint', world.vn.fingerprint]);
    expect(matching.code).toBe(0);
    const report = JSON.parse(matching.stdout) as BundleReport;
    expect(report).toMatchObject({
      ok: true,
      counts: { fail: 0, warn: 0 },
      fingerprints: { VN: world.vn.fingerprint, SG: world.sg.fingerprint },
    });
    expect(report.checks.filter((c) => c.id === 'custody.opening' && c.status === 'pass')).toHaveLength(2);
    const other = await runCli(['verify', bundlePath, '--expect-fingerprint', world.sg.fingerprint]);
    expect(other.code).toBe(1);
    expect(other.stdout).toMatch(/FAIL {2}node VN: the signing key is SHA256:\S+, not the expected/);
  });

  it('verifies a chain that crossed a border, comparing the sending State\u2019s fingerprint when given', async () => {
    const crossed = await MemoryBundleWorld.create();
    const received = crossed.addReceivedItem({
      content: Buffer.from('logs provided by Singapore\n'),
      filename: 'sg-logs.txt',
    });
    crossed.signCheckpoint();
    const path = join(dir, 'received.zip');
    await exportBundle(crossed.ports(), {
      evidenceIds: [received],
      destinationCountry: null,
      disclosePersonal: false,
      outputPath: path,
    });
    const plain = await runCli(['verify', path]);
    expect(plain.code, plain.stdout).toBe(0);
    expect(plain.stdout).toContain(
      `WARN  node SG: not compared: the evidence came from SG; check that ${crossed.sg.fingerprint}`,
    );
    expect(plain.stdout).toContain(
      `PASS  item ${received}: SG's chain runs unbroken from its first event (no ` +
        `predecessor) to its transmission to VN`,
    );
    const matching = await runCli([
      'verify',
      path,
      '--json',
      '--expect-fingerprint',
      crossed.vn.fingerprint,
      '--expect-partner-fingerprint',
      `SG=${crossed.sg.fingerprint}`,
    ]);
    expect(JSON.parse(matching.stdout)).toMatchObject({ ok: true, counts: { fail: 0, warn: 0 } });
    const other = await runCli(['verify', path, '--expect-partner-fingerprint', `SG=${crossed.vn.fingerprint}`]);
    expect(other.code).toBe(1);
    expect(other.stdout).toMatch(/FAIL {2}node SG: the signing key of SG is SHA256:\S+, not the expected/);
    const malformed = await runCli(['verify', path, '--expect-partner-fingerprint', crossed.sg.fingerprint]);
    expect(malformed).toMatchObject({ code: 2, stdout: '' });
    expect(malformed.stderr).toMatch(/--expect-partner-fingerprint takes a country and a fingerprint, like SG=SHA256:/);
  });

  it('exits 1 naming the entry when one byte inside the zip changes', async () => {
    const zip = readFileSync(bundlePath);
    const at = zip.indexOf(bigContent.subarray(0, 64));
    expect(at).toBeGreaterThan(0);
    zip[at + 100_000] = zip[at + 100_000]! ^ 0x20;
    const tampered = join(dir, 'tampered.zip');
    writeFileSync(tampered, zip);
    const result = await runCli(['verify', tampered]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^NOT VERIFIED: 1 check\(s\) failed/);
    expect(result.stdout).toContain(`FAIL  files/${bigSha}: SHA-256 does not match the manifest (item `);
  });

  it('exits 2 on a missing file or one that is not a zip', async () => {
    const missing = await runCli(['verify', join(dir, 'nope.zip')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.zip is not a readable zip file/);
    const text = join(dir, 'notes.zip');
    writeFileSync(text, 'these are not the bundles you are looking for\n');
    const notZip = await runCli(['verify', text]);
    expect(notZip).toMatchObject({ code: 2, stdout: '' });
    expect(notZip.stderr).toMatch(/not a readable zip file/);
  });
});

describe('verify on hostile zips', () => {
  it('still verifies a bundle someone re-zipped with directory entries', async () => {
    const rezipped = join(dir, 'rezipped.zip');
    writeFileSync(
      rezipped,
      craftZip([
        { name: 'files/', data: Buffer.alloc(0), unixMode: 0o040755 },
        ...(await exportedEntries()).map((e) => ({ ...e, deflate: !e.name.startsWith('files/') })),
      ]),
    );
    const { code, report } = await verifyInProcess(rezipped);
    expect(report.checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(code).toBe(0);
  });

  it(
    'refuses zip slip, absolute paths, NUL, symlinks, duplicates, bombs and ' +
      'overlapping entries as failures, never crashing',
    async () => {
      const valid = await exportedEntries();
      const custody = valid.findIndex((e) => e.name.startsWith('custody/'));
      const hostile: CraftedEntry[] = [
        { name: '../../evil.sh', data: Buffer.from('rm -rf /') },
        { name: '/etc/cron.d/evil', data: Buffer.from('x') },
        { name: 'C:/Windows/evil.dll', data: Buffer.from('x') },
        { name: 'files/a\u0000.txt', data: Buffer.from('x') },
        { name: 'files\\..\\..\\evil', data: Buffer.from('x') },
        { name: 'link', data: Buffer.from('/etc/passwd'), unixMode: 0o120777 },
        { name: `FILES/${bigSha}`, data: Buffer.from('a second copy') },
        { name: 'bomb.bin', data: Buffer.alloc(4 * 1024 * 1024), deflate: true },
        { name: 'overlap.bin', data: valid[custody]!.data, sameDataAs: custody },
      ];
      const path = join(dir, 'hostile.zip');
      writeFileSync(path, craftZip([...valid, ...hostile]));
      const { code, report } = await verifyInProcess(path);
      expect(code).toBe(1);
      const refused = new Map(report.checks.filter((c) => c.id === 'container').map((c) => [c.subject, c.message]));
      expect(refused.get('../../evil.sh')).toMatch(/zip slip/);
      expect(refused.get('/etc/cron.d/evil')).toMatch(/absolute path/);
      expect(refused.get('C:/Windows/evil.dll')).toMatch(/absolute path/);
      expect(refused.get('files/a\u0000.txt')).toMatch(/NUL or a control character/);
      expect(refused.get('files\\..\\..\\evil')).toMatch(/backslash/);
      expect(refused.get('link')).toMatch(/symbolic link/);
      expect(refused.get(`FILES/${bigSha}`)).toMatch(/2 entries would extract to this same name/);
      expect(refused.get(`files/${bigSha}`)).toMatch(/2 entries would extract to this same name/);
      expect(refused.get('bomb.bin')).toMatch(/would inflate \d+ times \(zip bomb\)/);
      expect(refused.get('overlap.bin')).toMatch(/overlaps another entry/);
      expect(refused.get(valid[custody]!.name)).toMatch(/overlaps another entry/);
      // What was refused is then missing; everything else is still checked and passes.
      const missing = report.checks
        .filter((c) => c.id === 'entry.missing' && c.status === 'fail')
        .map((c) => c.subject);
      expect(missing.sort()).toEqual([valid[custody]!.name, `files/${bigSha}`].sort());
      expect(report.checks.find((c) => c.id === 'manifest.signature')?.status).toBe('pass');
    },
  );

  it('refuses an entry that inflates past the size it declares', async () => {
    const entries = (await exportedEntries()).map((e) =>
      e.name === `files/${bigSha}` ? { ...e, deflate: true, declaredSize: e.data.length - 10 } : e,
    );
    const path = join(dir, 'liar.zip');
    writeFileSync(path, craftZip(entries));
    const { code, report } = await verifyInProcess(path);
    expect(code).toBe(1);
    expect(report.checks.find((c) => c.status === 'fail' && c.id === 'file.hash')?.message).toMatch(
      /cannot be read .*inflates past the \d+ bytes it declares/,
    );
  });
});
