import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from './migrate.js';
import { openDatabase } from './open-database.js';

/**
 * Two processes on one SQLite data dir (a running node and the CLI beside it) must both get
 * their read-then-write transactions through: the second waits for the lock, it never fails
 * with "database is locked". The writers run the built server, as the CLI does.
 */
const writer = `
import { openDatabase } from '@hanoi247/server';
const handle = openDatabase({ dataDir: process.argv[1], databaseUrl: null });
let failures = 0;
for (let i = 0; i < 150; i += 1) {
  try {
    await handle.db.transaction().execute(async (tx) => {
      const row = await tx.selectFrom('counters').select('value').where('name', '=', 'shared').executeTakeFirst();
      await new Promise((resolve) => setImmediate(resolve));
      await tx.insertInto('counters').values({ name: 'shared', value: 1 })
        .onConflict((oc) => oc.column('name').doUpdateSet({ value: (row?.value ?? 0) + 1 })).execute();
    });
  } catch (error) {
    failures += 1;
    console.error(error.message);
  }
}
await handle.close();
process.exit(failures === 0 ? 0 : 1);
`;

function runWriter(dataDir: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', writer, dataDir], {
      cwd: process.cwd(),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('two writer processes on one SQLite file', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'h247-writers-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serialises read-then-write transactions instead of failing, and loses no increment', async () => {
    const setup = openDatabase({ dataDir, databaseUrl: null });
    await migrateToLatest(setup);
    await setup.close();
    const results = await Promise.all([runWriter(dataDir), runWriter(dataDir)]);
    expect(results.map((r) => r.stderr)).toEqual(['', '']);
    expect(results.map((r) => r.code)).toEqual([0, 0]);
    const check = openDatabase({ dataDir, databaseUrl: null });
    const row = await check.db
      .selectFrom('counters')
      .select('value')
      .where('name', '=', 'shared')
      .executeTakeFirstOrThrow();
    await check.close();
    expect(Number(row.value)).toBe(300);
  });
});
