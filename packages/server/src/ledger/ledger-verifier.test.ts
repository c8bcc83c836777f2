import { queueCustodyLeaves, TestNode, testBackends } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKeyring } from '../identity/node-keyring.js';
import { ledgerRepository } from '../repositories/ledger.repository.js';
import { verifyLedger } from './ledger-verifier.js';

const flipHexBit = (hex: string) => `${(parseInt(hex[0]!, 16) ^ 1).toString(16)}${hex.slice(1)}`;
const changeChar = (text: string, at: number) =>
  `${text.slice(0, at)}${text[at] === 'A' ? 'B' : 'A'}${text.slice(at + 1)}`;

/** Security scenario 2 (the Yeti bit flip): every kind of stored damage is found and named by its index. */
describe.each(testBackends())('ledger verify on %s', (backend) => {
  let test: TestNode;
  const db = () => test.app.node.database.db;
  const verify = async () => (await verifyLedger(db(), loadKeyring(test.config.dataDir)!, { pageSize: 10 })).problem;
  let sizes: number[] = [];

  beforeAll(async () => {
    test = await TestNode.start({ backend, configure: (c) => ({ ...c, ledger: { ...c.ledger, batchSize: 16 } }) });
    await queueCustodyLeaves(test.app.node, 45);
    for (
      let r = await test.app.node.services.ledgerSequencer.sequence();
      r !== null;
      r = await test.app.node.services.ledgerSequencer.sequence()
    ) {
      sizes.push(r.treeSize);
    }
    sizes = sizes.filter((s) => s > 17);
  });
  afterAll(async () => test.stop());

  it('passes an intact log and reports what it checked', async () => {
    const result = await verifyLedger(db(), loadKeyring(test.config.dataDir)!, { pageSize: 10 });
    expect(result).toMatchObject({ problem: null, leaves: sizes.at(-1), latest: { treeSize: sizes.at(-1) } });
    expect(result.nodes).toBe((await ledgerRepository.counts(db())).nodes);
    expect(result.origin).toMatch(/^hanoi247\/VN\/[0-9a-f]{16}$/);
  });

  it('names a leaf whose data or stored hash changed', async () => {
    const leaf = (await ledgerRepository.leavesFrom(db(), 17, 1))[0]!;
    await db()
      .updateTable('ledger_leaves')
      .set({ leaf_data: leaf.leafData.replace('"collected"', '"destroyed"') })
      .where('leaf_index', '=', 17)
      .execute();
    expect(await verify()).toBe('leaf 17: stored hash does not match its data');
    await db()
      .updateTable('ledger_leaves')
      .set({ leaf_data: leaf.leafData, leaf_hash: flipHexBit(leaf.leafHash) })
      .where('leaf_index', '=', 17)
      .execute();
    expect(await verify()).toBe('leaf 17: stored hash does not match its data');
    await db().updateTable('ledger_leaves').set({ leaf_hash: leaf.leafHash }).where('leaf_index', '=', 17).execute();
    expect(await verify()).toBeNull();
  });

  it('names a perfect subtree whose stored hash changed, and a missing leaf', async () => {
    const node = (await ledgerRepository.nodesIn(db(), [{ level: 2, from: 3, to: 3 }]))[0]!;
    await db()
      .updateTable('ledger_nodes')
      .set({ hash: flipHexBit(node.hash) })
      .where('level', '=', 2)
      .where('node_index', '=', 3)
      .execute();
    expect(await verify()).toBe('node 2/3 (leaves 12\u201315): stored hash does not match the leaves');
    await db()
      .updateTable('ledger_nodes')
      .set({ hash: node.hash })
      .where('level', '=', 2)
      .where('node_index', '=', 3)
      .execute();
    const leaf = (await ledgerRepository.leavesFrom(db(), 30, 1))[0]!;
    await db().deleteFrom('ledger_leaves').where('leaf_index', '=', 30).execute();
    expect(await verify()).toBe('leaf 30: missing (the next stored leaf is 31)');
    await ledgerRepository.insertLeaves(db(), [leaf]);
    expect(await verify()).toBeNull();
  });

  it('names a checkpoint whose root, signature or signed text changed', async () => {
    const size = sizes[0]!;
    const checkpoint = (await ledgerRepository.checkpointAt(db(), size))!;
    const set = (values: { root_hash?: string; note?: string }) =>
      db().updateTable('ledger_checkpoints').set(values).where('tree_size', '=', size).execute();
    await set({ root_hash: flipHexBit(checkpoint.rootHash) });
    expect(await verify()).toBe(`checkpoint ${size}: root does not match the leaves`);
    await set({ root_hash: checkpoint.rootHash, note: changeChar(checkpoint.note, checkpoint.note.length - 10) });
    expect(await verify()).toBe(`checkpoint ${size}: signature does not verify`);
    const lines = checkpoint.note.split('\n');
    await set({ note: [lines[0], lines[1], changeChar(lines[2]!, 5), ...lines.slice(3)].join('\n') });
    expect(await verify()).toBe(`checkpoint ${size}: signature does not verify`);
    await set({ note: checkpoint.note });
    expect(await verify()).toBeNull();
  });

  it('notices stray rows: a node no leaf makes, a checkpoint beyond the leaves', async () => {
    const last = sizes.at(-1)!;
    await ledgerRepository.insertNodes(db(), [{ level: 9, index: 0, hash: '00'.repeat(32) }]);
    expect(await verify()).toMatch(/^ledger nodes: \d+ stored, but \d+ leaves make \d+$/);
    await db().deleteFrom('ledger_nodes').where('level', '=', 9).execute();
    const latest = (await ledgerRepository.checkpointAt(db(), last))!;
    await ledgerRepository.insertCheckpoint(db(), { ...latest, treeSize: last + 5 });
    expect(await verify()).toBe(`checkpoint ${last + 5}: the log has only ${last} leaves`);
    await db()
      .deleteFrom('ledger_checkpoints')
      .where('tree_size', '=', last + 5)
      .execute();
    expect(await verify()).toBeNull();
  });
});
