import {
  descriptorLedgerOrigin,
  leafHash,
  openCheckpoint,
  verifyConsistency,
  verifyInclusion,
  type NodeDescriptor,
} from '@hanoi247/core';
import { queueCustodyLeaves, TestNode, waitFor, type SignedInUser } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface Leaf {
  index: number;
  kind: string;
  refId: string;
  leafData: string;
  leafHash: string;
}

const bytes = (b64: string) => Buffer.from(b64, 'base64');

describe('ledger HTTP API', () => {
  let node: TestNode;
  let auditor: SignedInUser;
  let officer: SignedInUser;
  const sizes: number[] = [];
  const sequence = async () => {
    const result = await node.app.node.services.ledgerSequencer.sequence();
    if (result !== null) sizes.push(result.treeSize);
  };
  const problem = async (url: string) => {
    const response = await node.call('GET', url);
    return { status: response.statusCode, code: response.json<{ code: string }>().code };
  };
  /** The checkpoint as a peer checks it: keys and origin from the node's signed descriptor only. */
  const checkpoint = async () => {
    const { descriptor } = (await node.call('GET', '/federation/v1/descriptor')).json<{ descriptor: NodeDescriptor }>();
    const note = (await node.call('GET', '/ledger/v1/checkpoint')).body;
    return openCheckpoint(
      note,
      descriptorLedgerOrigin(descriptor),
      descriptor.keys.map((k) => k.signing.publicKey),
    );
  };

  beforeAll(async () => {
    node = await TestNode.start();
  });
  afterAll(async () => node.stop());

  it('answers 404 ledger/empty before the first checkpoint, without sign-in', async () => {
    expect(await problem('/ledger/v1/checkpoint')).toEqual({ status: 404, code: 'ledger/empty' });
    expect(await problem('/ledger/v1/proof/inclusion?index=0&size=1')).toEqual({ status: 404, code: 'ledger/empty' });
  });

  it('serves the signed checkpoint as text that verifies with the keys of the node\u2019s descriptor', async () => {
    const admin = await node.administrator();
    auditor = await node.user(admin, 'ledger.auditor', ['auditor']);
    officer = await node.user(admin, 'duty.officer', ['duty_officer']);
    await queueCustodyLeaves(node.app.node, 3);
    await sequence();
    await queueCustodyLeaves(node.app.node, 6);
    await sequence();
    const response = await node.call('GET', '/ledger/v1/checkpoint');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(response.body).toMatch(
      /^hanoi247\/VN\/[0-9a-f]{16}\n\d+\n[A-Za-z0-9+/]{43}=\n\n\u2014 hanoi247\/VN\/[0-9a-f]{16} \S+\n$/,
    );
    expect((await checkpoint()).size).toBe(sizes.at(-1));
  });

  it('serves inclusion proofs that verify against the signed root, at the latest and at an older size', async () => {
    const signed = await checkpoint();
    const { leaves } = (await node.call('GET', `/ledger/v1/leaves?start=0&count=1000`, { as: auditor })).json<{
      leaves: Leaf[];
    }>();
    for (const leaf of leaves.filter((l) => l.index < signed.size)) {
      const proof = (
        await node.call('GET', `/ledger/v1/proof/inclusion?index=${leaf.index}&size=${signed.size}`)
      ).json<{ leafHash: string; proof: string[]; treeSize: number }>();
      expect(proof.leafHash).toBe(Buffer.from(leafHash(Buffer.from(leaf.leafData))).toString('base64'));
      expect(
        verifyInclusion(
          leafHash(Buffer.from(leaf.leafData)),
          leaf.index,
          signed.size,
          proof.proof.map(bytes),
          signed.rootHash,
        ),
      ).toBe(true);
    }
    const older = await node.app.node.services.ledger.checkpoint(sizes[0]!);
    const proof = (await node.call('GET', `/ledger/v1/proof/inclusion?index=1&size=${older.treeSize}`)).json<{
      proof: string[];
    }>();
    expect(
      verifyInclusion(bytes(leaves[1]!.leafHash), 1, older.treeSize, proof.proof.map(bytes), bytes(older.rootHash)),
    ).toBe(true);
  });

  it('serves consistency proofs from every older checkpoint to the latest', async () => {
    const signed = await checkpoint();
    for (const size of sizes.slice(0, -1)) {
      const older = await node.app.node.services.ledger.checkpoint(size);
      const response = (await node.call('GET', `/ledger/v1/proof/consistency?from=${size}&to=${signed.size}`)).json<{
        from: number;
        to: number;
        proof: string[];
      }>();
      expect(response).toMatchObject({ from: size, to: signed.size });
      expect(
        verifyConsistency(size, signed.size, bytes(older.rootHash), signed.rootHash, response.proof.map(bytes)),
      ).toBe(true);
    }
  });

  it('refuses bad parameters with 400 and a stable code', async () => {
    const size = sizes.at(-1)!;
    expect(await problem(`/ledger/v1/proof/inclusion?index=${size}&size=${size}`)).toEqual({
      status: 400,
      code: 'ledger/invalid-range',
    });
    expect(await problem(`/ledger/v1/proof/inclusion?index=0&size=${size + 1}`)).toEqual({
      status: 400,
      code: 'ledger/invalid-range',
    });
    expect(await problem('/ledger/v1/proof/consistency?from=0&to=1')).toEqual({
      status: 400,
      code: 'ledger/invalid-range',
    });
    expect(await problem('/ledger/v1/proof/consistency?from=3&to=2')).toEqual({
      status: 400,
      code: 'ledger/invalid-range',
    });
    for (const query of [
      'index=abc&size=1',
      'index=&size=1',
      'index=1e2&size=200',
      'index=-1&size=2',
      'size=2',
      'index=0&size=1&extra=1',
    ]) {
      expect(await problem(`/ledger/v1/proof/inclusion?${query}`)).toEqual({
        status: 400,
        code: 'request/validation-failed',
      });
    }
  });

  it('shows leaf contents to auditors only, and audits the reading', async () => {
    expect((await node.call('GET', '/ledger/v1/leaves?start=0')).statusCode).toBe(401);
    expect((await node.call('GET', '/ledger/v1/leaves?start=0', { as: officer })).statusCode).toBe(403);
    const response = await node.call('GET', '/ledger/v1/leaves?start=2&count=2', {
      as: auditor,
      headers: { 'x-audit-purpose': 'quarterly review' },
    });
    expect(response.json<{ leaves: Leaf[] }>().leaves.map((l) => l.index)).toEqual([2, 3]);
    const audit = await node.call('GET', '/api/v1/audit?action=ledger.leaves-read', { as: auditor });
    expect(audit.json<{ entries: { purpose: string | null; details: object }[] }>().entries[0]).toMatchObject({
      purpose: 'quarterly review',
      details: { start: 2, count: 2 },
    });
  });

  it('documents the ledger routes in the OpenAPI document', async () => {
    const document = (await node.call('GET', '/api/v1/openapi.json')).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/ledger/v1/checkpoint',
        '/ledger/v1/proof/inclusion',
        '/ledger/v1/proof/consistency',
        '/ledger/v1/leaves',
      ]),
    );
  });
});

describe('ledger sequencer job', () => {
  it('sequences queued leaves on its interval, without anyone calling it', async () => {
    const node = await TestNode.start({
      configure: (c) => ({ ...c, ledger: { ...c.ledger, sequenceIntervalMs: 20 } }),
    });
    try {
      await node.app.ready();
      await queueCustodyLeaves(node.app.node, 2);
      const status = await waitFor(
        'a checkpoint from the job',
        async () => ((await node.call('GET', '/ledger/v1/checkpoint')).statusCode === 200 ? 200 : undefined),
        10_000,
        20,
      );
      expect(status).toBe(200);
    } finally {
      await node.stop();
    }
  });
});
