import { isDomainError, type Checkpoint } from '@hanoi247/core';
import { queueCustodyLeaves, TestNode, testBackends } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKeyring } from '../identity/node-keyring.js';
import { ledgerPendingRepository } from '../repositories/ledger-pending.repository.js';
import { ledgerRepository } from '../repositories/ledger.repository.js';
import { keyringCheckpointSigner } from './checkpoint-signer.js';
import { verifyLedger } from './ledger-verifier.js';
import { createLedgerSequencer } from './sequencer.js';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'none';
  } catch (error) {
    return isDomainError(error) ? error.code : String(error);
  }
}

/**
 * Security scenario 3: only one sequencer may extend the log from a given size. The primary
 * keys on leaf_index and tree_size are the fence; the loser fails loudly and writes nothing.
 */
describe.each(testBackends())('ledger fencing on %s', (backend) => {
  let test: TestNode;
  const db = () => test.app.node.database.db;
  const keyring = () => loadKeyring(test.config.dataDir)!;
  const sequencer = (sign?: (c: Checkpoint) => Promise<string>) => {
    const signer = keyringCheckpointSigner(() => 'VN', keyring);
    return createLedgerSequencer({
      ...test.app.node.services,
      db: db(),
      clock: test.clock,
      ids: () => crypto.randomUUID(),
      dialect: backend,
      batchSize: 100,
      signer: sign === undefined ? signer : { origin: signer.origin, sign },
    });
  };
  const state = async () => ({
    checkpoint: await ledgerRepository.latestCheckpoint(db()),
    counts: await ledgerRepository.counts(db()),
    pending: await ledgerPendingRepository.count(db()),
  });

  beforeAll(async () => {
    test = await TestNode.start({ backend });
    await queueCustodyLeaves(test.app.node, 3);
    await test.app.node.services.ledgerSequencer.sequence();
  });
  afterAll(async () => test.stop());

  it(
    'a sequencer that finds another one\u2019s leaf at its fenced size fails ' +
      'with ledger/sequencer-conflict and writes nothing',
    async () => {
      const before = await state();
      const size = before.checkpoint!.treeSize;
      // What a sequencer that read the same size and committed first leaves behind (its checkpoint aside).
      await ledgerRepository.insertLeaves(db(), [
        {
          index: size,
          kind: 'custody',
          refId: 'other-sequencer',
          leafData: '{}',
          leafHash: '00'.repeat(32),
          queuedAt: 'x',
          sequencedAt: 'x',
        },
      ]);
      await queueCustodyLeaves(test.app.node, 2);
      expect(await codeOf(sequencer().sequence())).toBe('ledger/sequencer-conflict');
      const after = await state();
      expect(after.checkpoint).toEqual(before.checkpoint);
      expect(after.counts.nodes).toBe(before.counts.nodes);
      expect(after.pending).toBe(2);
      await db().deleteFrom('ledger_leaves').where('leaf_index', '=', size).execute();
      expect((await sequencer().sequence())?.treeSize).toBeGreaterThanOrEqual(size + 2);
      expect((await verifyLedger(db(), keyring())).problem).toBeNull();
    },
  );

  it.skipIf(backend === 'sqlite')(
    'two sequencers that read the same size: the one that commits second fails with ledger/sequencer-conflict',
    async () => {
      // (On SQLite, BEGIN IMMEDIATE makes the second wait for the first and read its size; see
      // ledger-crash.e2e.test.ts.)
      await queueCustodyLeaves(test.app.node, 4);
      const before = await state();
      let signing!: () => void;
      const reachedSigning = new Promise<void>((resolve) => (signing = resolve));
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      const honest = keyringCheckpointSigner(() => 'VN', keyring);
      const slow = sequencer(async (checkpoint) => {
        signing();
        await released;
        return honest.sign(checkpoint);
      });
      const slowRun = codeOf(slow.sequence());
      await reachedSigning;
      const fast = await sequencer().sequence();
      expect(fast).toMatchObject({ previousSize: before.checkpoint!.treeSize });
      release();
      expect(await slowRun).toBe('ledger/sequencer-conflict');
      const after = await state();
      expect(after.checkpoint?.treeSize).toBe(fast!.treeSize);
      expect(after.pending).toBe(0);
      expect(await slow.sequence()).toBeNull();
      expect((await verifyLedger(db(), keyring())).problem).toBeNull();
    },
  );
});
