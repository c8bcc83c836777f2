import { randomUUID } from 'node:crypto';
import {
  auditLeafData,
  custodyLeafData,
  isDomainError,
  leafHash,
  openCheckpoint,
  operatorPrincipal,
  rootOf,
} from '@hanoi247/core';
import { queueCustodyLeaves, sampleCustodyEvent, TestNode, testBackends } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNode, type NodeRuntime } from '../node-runtime.js';
import { auditRepository } from '../repositories/audit.repository.js';
import { ledgerPendingRepository } from '../repositories/ledger-pending.repository.js';
import { auditEntryFor } from '../services/service-runtime.js';
import { ledgerRepository } from '../repositories/ledger.repository.js';
import { keyringOrigin } from './checkpoint-signer.js';
import { verifyLedger } from './ledger-verifier.js';
import { loadKeyring } from '../identity/node-keyring.js';

const operator = { principal: operatorPrincipal('test'), requestId: null };

async function allLeaves(node: NodeRuntime) {
  return ledgerRepository.leavesFrom(node.database.db, 0, 100_000);
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'none';
  } catch (error) {
    return isDomainError(error) ? error.code : String(error);
  }
}

describe.each(testBackends())('the ledger sequencer on %s', (backend) => {
  let test: TestNode;
  let node: NodeRuntime;
  const keys = () => loadKeyring(test.config.dataDir)!;

  beforeAll(async () => {
    test = await TestNode.start({ backend, configure: (c) => ({ ...c, ledger: { ...c.ledger, batchSize: 16 } }) });
    node = test.app.node;
  });
  afterAll(async () => test.stop());

  it(
    'logs queued custody leaves, then the audit entries above the watermark, ' + 'under one signed checkpoint',
    async () => {
      const ids = await queueCustodyLeaves(node, 5);
      const result = await node.services.ledgerSequencer.sequence();
      const leaves = await allLeaves(node);
      expect(result).toMatchObject({ previousSize: 0, treeSize: leaves.length, duplicates: 0 });
      expect(leaves.slice(0, 5).map((l) => l.refId)).toEqual(ids);
      // Key generation and the bootstrap token were audited before: their entries follow, in seq order.
      expect(leaves.slice(5).map((l) => l.kind)).toEqual(leaves.slice(5).map(() => 'audit'));
      expect(leaves.length).toBeGreaterThan(5);
      expect(await ledgerPendingRepository.count(node.database.db)).toBe(0);
      const checkpoint = (await ledgerRepository.latestCheckpoint(node.database.db))!;
      const opened = openCheckpoint(checkpoint.note, keyringOrigin('VN', keys()), [keys().current.signing.publicKey]);
      expect(opened.size).toBe(leaves.length);
      expect(Buffer.from(opened.rootHash).toString('hex')).toBe(
        Buffer.from(rootOf(leaves.map((l) => leafHash(Buffer.from(l.leafData))))).toString('hex'),
      );
      expect(checkpoint.note.split('\n')[0]).toBe(`hanoi247/VN/${keys().generations[0]!.keyId}`);
    },
  );

  it('writes nothing when nothing waits, and takes only new audit entries next time', async () => {
    const before = (await allLeaves(node)).length;
    expect(await node.services.ledgerSequencer.sequence()).toBeNull();
    // Bootstrapping and signing in append audit entries, and nothing else to the ledger.
    await test.administrator();
    const result = await node.services.ledgerSequencer.sequence();
    expect(result?.previousSize).toBe(before);
    expect(result?.leaves.every((l) => l.kind === 'audit')).toBe(true);
    const leaves = await allLeaves(node);
    expect(new Set(leaves.map((l) => l.refId)).size).toBe(leaves.length);
    expect((await verifyLedger(node.database.db, keys())).problem).toBeNull();
  });

  it('takes at most a batch per run and the rest on the next runs, each with its checkpoint', async () => {
    await queueCustodyLeaves(node, 40);
    const sizes: number[] = [];
    for (
      let result = await node.services.ledgerSequencer.sequence();
      result !== null;
      result = await node.services.ledgerSequencer.sequence()
    ) {
      expect(result.leaves.length).toBeLessThanOrEqual(16);
      sizes.push(result.treeSize);
    }
    expect(sizes.length).toBeGreaterThanOrEqual(3);
    for (const size of sizes) expect(await ledgerRepository.checkpointAt(node.database.db, size)).toBeDefined();
    const verified = await verifyLedger(node.database.db, keys(), { pageSize: 7 });
    expect(verified).toMatchObject({ problem: null, leaves: sizes.at(-1), checkpoints: expect.any(Number) as number });
  });

  it('logs a re-queued event once, and stops on a different leaf for the same event', async () => {
    const event = sampleCustodyEvent(1);
    const queue = (data: string) =>
      node.database.db.transaction().execute((tx) =>
        ledgerPendingRepository.enqueue(tx, {
          kind: 'custody',
          refId: event.id,
          leafData: data,
          queuedAt: '2026-11-01T08:00:00.000Z',
        }),
      );
    await queue(custodyLeafData(event));
    await queue(custodyLeafData(event));
    const first = await node.services.ledgerSequencer.sequence();
    expect(first).toMatchObject({ duplicates: 1 });
    expect(first?.leaves.filter((l) => l.refId === event.id)).toHaveLength(1);
    await queue(custodyLeafData(event));
    expect(await node.services.ledgerSequencer.sequence()).toMatchObject({ leaves: [], duplicates: 1 });
    await queue(custodyLeafData({ ...event, type: 'destroyed' }));
    expect(await codeOf(node.services.ledgerSequencer.sequence())).toBe('bug/invariant-violated');
    await node.database.db.deleteFrom('ledger_pending').execute();
  });

  it('logs an audit entry once even when its leaf was also queued', async () => {
    await auditRepository.append(
      node.database.db,
      auditEntryFor({ db: node.database.db, clock: node.clock, ids: randomUUID }, operator, {
        action: 'peer.removed',
        objectType: 'peer',
        objectId: 'SG',
      }),
    );
    const [entry] = await auditRepository.list(node.database.db, { limit: 1 });
    await node.database.db.transaction().execute((tx) =>
      ledgerPendingRepository.enqueue(tx, {
        kind: 'audit',
        refId: entry!.id,
        leafData: auditLeafData(entry!),
        queuedAt: entry!.occurredAt,
      }),
    );
    const result = await node.services.ledgerSequencer.sequence();
    expect(result?.leaves.filter((l) => l.refId === entry!.id)).toHaveLength(1);
    expect(result?.duplicates).toBe(1);
    expect((await verifyLedger(node.database.db, keys())).problem).toBeNull();
  });

  it('keeps old checkpoints verifiable after a key rotation, under the same origin', async () => {
    const origin = (await ledgerRepository.latestCheckpoint(node.database.db))!.note.split('\n')[0];
    await node.services.identity.rotate(operator);
    // The running node keeps its key until restarted; a restarted runtime signs with the new one.
    const restarted = await openNode(test.config);
    try {
      await queueCustodyLeaves(restarted, 3);
      const result = await restarted.services.ledgerSequencer.sequence();
      const note = (await ledgerRepository.checkpointAt(restarted.database.db, result!.treeSize))!.note;
      expect(note.split('\n')[0]).toBe(origin);
      expect(() => openCheckpoint(note, origin!, [keys().generations[0]!.signing.publicKey])).toThrow(/no known key/);
      expect((await verifyLedger(restarted.database.db, keys())).problem).toBeNull();
    } finally {
      await restarted.close();
    }
  });
});
