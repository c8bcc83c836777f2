import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { operatorPrincipal, verifyConsistency } from '@hanoi247/core';
import { loadStorageConfig, openNode } from '@hanoi247/server';
import { createTestDatabase, runCli, testBackends, waitFor } from '@hanoi247/testkit';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * A node process that appends and sequences in a loop, as the built server runs it: custody
 * leaves through the queue, audit entries through the audit log, then one sequencer run.
 * `rounds` 0 loops until killed. Prints a dot per round and, at the end, its conflict count.
 */
const writer = `
import { randomUUID } from 'node:crypto';
import { operatorPrincipal } from '@hanoi247/core';
import { auditRepository, loadConfig, openNode } from '@hanoi247/server';
import { queueCustodyLeaves } from '@hanoi247/testkit';
const [dataDir, databaseUrl, rounds] = process.argv.slice(1);
const config = loadConfig({ overrides: {
  dataDir, databaseUrl: databaseUrl === '-' ? null : databaseUrl,
  'node.country': 'VN', 'node.name': 'crash test', 'log.level': 'silent', 'ledger.batchSize': 64,
} });
const node = await openNode(config);
await node.services.identity.ensureKeys({ principal: operatorPrincipal('crash'), requestId: null });
let conflicts = 0;
for (let round = 1; Number(rounds) === 0 || round <= Number(rounds); round += 1) {
  await queueCustodyLeaves(node, 1 + (round % 7));
  await auditRepository.append(node.database.db, {
    id: randomUUID(), occurredAt: new Date().toISOString(), actorType: 'system', actorId: null, actorName: 'crash test',
    action: 'auth.login-failed', objectType: 'test', objectId: null, purpose: null, outcome: 'failure', requestId: null,
    details: { round },
  });
  try {
    await node.services.ledgerSequencer.sequence();
  } catch (error) {
    if (error.code !== 'ledger/sequencer-conflict') throw error;
    conflicts += 1;
  }
  process.stdout.write('.');
}
await node.close();
process.stdout.write(' conflicts=' + conflicts + '\\n');
`;

interface Writer {
  readonly child: ChildProcess;
  output: string;
  readonly exited: Promise<number | null>;
}

function startWriter(dataDir: string, databaseUrl: string | null, rounds: number): Writer {
  const child = spawn(
    process.execPath,
    ['--input-type=module', '-e', writer, dataDir, databaseUrl ?? '-', String(rounds)],
    { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const handle: Writer = {
    child,
    output: '',
    exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))),
  };
  child.stdout?.on('data', (chunk: Buffer) => (handle.output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (handle.output += chunk.toString()));
  return handle;
}

/** Every checkpoint's root, and each one proved a prefix of the next and of the newest. */
async function checkpointsConsistent(
  dataDir: string,
  databaseUrl: string | null,
  roots: Map<number, string>,
): Promise<number> {
  const node = await openNode(loadStorageConfig({ overrides: { dataDir, databaseUrl } }));
  try {
    const rows = await node.database.db
      .selectFrom('ledger_checkpoints')
      .select(['tree_size', 'root_hash'])
      .orderBy('tree_size')
      .execute();
    const sizes = rows.map((r) => Number(r.tree_size));
    for (const row of rows) {
      const size = Number(row.tree_size);
      // A size, once signed, keeps its root whatever crashed since.
      expect(roots.get(size) ?? row.root_hash).toBe(row.root_hash);
      roots.set(size, row.root_hash);
    }
    const root = (size: number) => Buffer.from(roots.get(size)!, 'hex');
    const newest = sizes.at(-1)!;
    for (const [i, size] of sizes.entries()) {
      for (const to of new Set([sizes[i + 1] ?? newest, newest])) {
        if (to === size) continue;
        const { proof } = await node.services.ledger.consistencyProof(size, to);
        expect(
          verifyConsistency(
            size,
            to,
            root(size),
            root(to),
            proof.map((p) => Buffer.from(p, 'base64')),
          ),
        ).toBe(true);
      }
    }
    return sizes.length;
  } finally {
    await node.close();
  }
}

/** Security scenarios 1 and 3: crashes at any point of an append, and two writers on one store. */
describe('the ledger through kill -9 and concurrent sequencers', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'h247-ledger-crash-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it(
    'after each SIGKILL at a random point, ledger verify passes, every checkpoint ' +
      'is consistent and no size changes its root',
    async () => {
      const roots = new Map<number, string>();
      // Fixed delays, spread over a sequencing cycle's phases: queue, audit, read, hash, sign, commit.
      for (const delay of [37, 180, 95, 410, 260]) {
        const process_ = startWriter(dataDir, null, 0);
        await waitFor(
          'the writer to start appending',
          async () => (process_.output.includes('...') ? true : undefined),
          15_000,
          10,
        );
        await new Promise((resolve) => setTimeout(resolve, delay));
        process_.child.kill('SIGKILL');
        expect(await process_.exited).toBeNull();
        const verified = await runCli(['ledger', 'verify', '--data', dataDir]);
        expect(verified.stderr).toBe('');
        expect(verified.code).toBe(0);
        expect(await checkpointsConsistent(dataDir, null, roots)).toBeGreaterThan(0);
      }
      expect(roots.size).toBeGreaterThan(5);
    },
  );

  it.each(testBackends())(
    'two sequencer processes on one %s store: every leaf logged once, one root per size',
    async (backend) => {
      const database = await createTestDatabase(backend);
      try {
        // Created and migrated first: two processes creating one SQLite file at once can meet "database is locked" at
        // open.
        const setup = await openNode(
          loadStorageConfig({ overrides: { dataDir: database.dataDir, databaseUrl: database.databaseUrl } }),
        );
        await setup.services.identity.ensureKeys({ principal: operatorPrincipal('test'), requestId: null });
        await setup.close();
        const writers = [
          startWriter(database.dataDir, database.databaseUrl, 25),
          startWriter(database.dataDir, database.databaseUrl, 25),
        ];
        const codes = await Promise.all(writers.map((w) => w.exited));
        expect(writers.map((w) => w.output.replace(/\.+/, ''))).toEqual([
          expect.stringMatching(/^ conflicts=\d+\n$/),
          expect.stringMatching(/^ conflicts=\d+\n$/),
        ]);
        expect(codes).toEqual([0, 0]);
        const node = await openNode({
          ...loadStorageConfig({ overrides: { dataDir: database.dataDir, databaseUrl: database.databaseUrl } }),
          node: { country: 'VN' },
        });
        try {
          // A run that lost a race left its leaves queued; the next run logs them.
          while ((await node.services.ledgerSequencer.sequence()) !== null);
          const leaves = await node.database.db.selectFrom('ledger_leaves').select(['kind', 'ref_id']).execute();
          const custody = leaves.filter((l) => l.kind === 'custody');
          expect(custody).toHaveLength(
            2 * Array.from({ length: 25 }, (_, i) => 1 + ((i + 1) % 7)).reduce((a, b) => a + b, 0),
          );
          expect(new Set(leaves.map((l) => `${l.kind}/${l.ref_id}`)).size).toBe(leaves.length);
        } finally {
          await node.close();
        }
        const args =
          database.databaseUrl === null
            ? ['--data', database.dataDir]
            : ['--data', database.dataDir, '--database-url', database.databaseUrl];
        expect(await runCli(['ledger', 'verify', ...args])).toMatchObject({ code: 0, stderr: '' });
        await checkpointsConsistent(database.dataDir, database.databaseUrl, new Map());
      } finally {
        await database.drop();
      }
    },
  );
});
