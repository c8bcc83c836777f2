import { openDatabase, openNode, type Db } from '@hanoi247/server';
import { createTestDatabase, queueCustodyLeaves, runCli, testConfig, type TestDatabase } from '@hanoi247/testkit';
import { operatorPrincipal } from '@hanoi247/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const flipHexBit = (hex: string) => `${(parseInt(hex[0]!, 16) ^ 1).toString(16)}${hex.slice(1)}`;

/** Security scenario 2 through the operator's tool: each kind of damage is named with its index, exit code 1. */
describe('hanoi247 ledger', () => {
  let database: TestDatabase;
  const sizes: number[] = [];
  const verify = () => runCli(['ledger', 'verify', '--data', database.dataDir]);

  /** Changes one stored value, runs `ledger verify`, and puts the value back. */
  async function tampered(change: (db: Db) => Promise<(db: Db) => Promise<unknown>>) {
    const handle = openDatabase(database);
    let restore: (db: Db) => Promise<unknown>;
    try {
      restore = await change(handle.db);
    } finally {
      await handle.close();
    }
    const result = await verify();
    const again = openDatabase(database);
    try {
      await restore(again.db);
    } finally {
      await again.close();
    }
    return result;
  }

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    const node = await openNode(testConfig(database));
    try {
      await node.services.identity.ensureKeys({ principal: operatorPrincipal('test'), requestId: null });
      for (const count of [10, 20, 12]) {
        await queueCustodyLeaves(node, count);
        sizes.push((await node.services.ledgerSequencer.sequence())!.treeSize);
      }
    } finally {
      await node.close();
    }
  });
  afterAll(async () => database.drop());

  it('verifies an intact ledger and prints what it recomputed', async () => {
    const result = await verify();
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      new RegExp(
        `^ledger hanoi247/VN/[0-9a-f]{16}: OK\\n  ${sizes.at(-1)} leaves.*\\n  \\d+ stored subtree.*\\n` +
          `  3 checkpoints.*\\n  latest: size ${sizes.at(-1)}, root \\S{44}\\n$`,
      ),
    );
  });

  it('prints the latest signed checkpoint', async () => {
    const result = await runCli(['ledger', 'checkpoint', '--data', database.dataDir]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      new RegExp(`^hanoi247/VN/[0-9a-f]{16}\\n${sizes.at(-1)}\\n\\S{44}\\n\\n\u2014 hanoi247/VN/`),
    );
  });

  it('names a leaf whose data changed by one character', async () => {
    const result = await tampered(async (db) => {
      const row = await db
        .selectFrom('ledger_leaves')
        .select('leaf_data')
        .where('leaf_index', '=', 17)
        .executeTakeFirstOrThrow();
      await db
        .updateTable('ledger_leaves')
        .set({ leaf_data: row.leaf_data.replace('"sample":', '"sampl3":') })
        .where('leaf_index', '=', 17)
        .execute();
      return (later) =>
        later.updateTable('ledger_leaves').set({ leaf_data: row.leaf_data }).where('leaf_index', '=', 17).execute();
    });
    expect(result).toMatchObject({
      code: 1,
      stderr: 'hanoi247: ledger verify failed at leaf 17: stored hash does not match its data\n',
    });
  });

  it('names a leaf whose stored hash lost a bit', async () => {
    const result = await tampered(async (db) => {
      const row = await db
        .selectFrom('ledger_leaves')
        .select('leaf_hash')
        .where('leaf_index', '=', 5)
        .executeTakeFirstOrThrow();
      await db
        .updateTable('ledger_leaves')
        .set({ leaf_hash: flipHexBit(row.leaf_hash) })
        .where('leaf_index', '=', 5)
        .execute();
      return (later) =>
        later.updateTable('ledger_leaves').set({ leaf_hash: row.leaf_hash }).where('leaf_index', '=', 5).execute();
    });
    expect(result).toMatchObject({
      code: 1,
      stderr: 'hanoi247: ledger verify failed at leaf 5: stored hash does not match its data\n',
    });
  });

  it('names an interior node whose stored hash lost a bit', async () => {
    const result = await tampered(async (db) => {
      const row = await db
        .selectFrom('ledger_nodes')
        .select('hash')
        .where('level', '=', 3)
        .where('node_index', '=', 1)
        .executeTakeFirstOrThrow();
      await db
        .updateTable('ledger_nodes')
        .set({ hash: flipHexBit(row.hash) })
        .where('level', '=', 3)
        .where('node_index', '=', 1)
        .execute();
      return (later) =>
        later
          .updateTable('ledger_nodes')
          .set({ hash: row.hash })
          .where('level', '=', 3)
          .where('node_index', '=', 1)
          .execute();
    });
    expect(result).toMatchObject({
      code: 1,
      stderr: 'hanoi247: ledger verify failed at node 3/1 (leaves 8\u201315): stored hash does not match the leaves\n',
    });
  });

  it('names a checkpoint whose signed note changed by one character', async () => {
    const size = sizes[1]!;
    const result = await tampered(async (db) => {
      const row = await db
        .selectFrom('ledger_checkpoints')
        .select('note')
        .where('tree_size', '=', size)
        .executeTakeFirstOrThrow();
      const at = row.note.length - 8;
      const note = `${row.note.slice(0, at)}${row.note[at] === 'x' ? 'y' : 'x'}${row.note.slice(at + 1)}`;
      await db.updateTable('ledger_checkpoints').set({ note }).where('tree_size', '=', size).execute();
      return (later) =>
        later.updateTable('ledger_checkpoints').set({ note: row.note }).where('tree_size', '=', size).execute();
    });
    expect(result).toMatchObject({
      code: 1,
      stderr: `hanoi247: ledger verify failed at checkpoint ${size}: signature does not verify\n`,
    });
    expect((await verify()).code).toBe(0);
  });
});
