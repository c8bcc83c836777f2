import { Readable } from 'node:stream';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { leafHash, operatorPrincipal, verifyInclusion } from '@hanoi247/core';
import { TestNode, type SignedInUser } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKeyring } from '../identity/node-keyring.js';
import { verifyLedger } from '../ledger/ledger-verifier.js';
import { contentOf, evidenceMetadata } from './evidence.fixtures.js';
import { day, preservationDetails, requestApi, type Problem } from './requests.fixtures.js';

interface Custody {
  readonly events: {
    id: string;
    type: string;
    personal: { actorName: string; notes?: string } | null;
    details: Record<string, unknown>;
  }[];
}

/**
 * Custody steps taken by hand, and destruction: the content goes and the personal openings
 * are erased, but the ledger leaves held only salted commitments, so every proof still holds.
 */
describe('custody steps and destruction', () => {
  let node: TestNode;
  let duty: SignedInUser;
  let chief: SignedInUser;
  let requestId: string;
  const operator = { principal: operatorPrincipal('test'), requestId: null };

  const add = async (overrides = {}, seed = 1) =>
    (
      await node.app.node.services.evidence.add(
        operator,
        { requestId, filename: 'logs.txt', mediaType: 'text/plain', metadata: evidenceMetadata(overrides) },
        Readable.from([contentOf(300_000, seed)]),
      )
    ).id;
  const custody = async (id: string) =>
    (await node.call('GET', `/api/v1/evidence/${id}/custody`, { as: duty })).json<Custody>();

  beforeAll(async () => {
    node = await TestNode.start();
    const admin = await node.administrator();
    duty = await node.user(admin, 'custody.duty', ['duty_officer']);
    chief = await node.user(admin, 'custody.chief', ['supervisor']);
    requestId = (
      await requestApi<SignedInUser>(node).receive(duty, {
        reference: 'FR-2026-77',
        requestingState: 'FR',
        type: 'PRESERVATION_42',
        legalBasis: 'UN',
        language: 'en',
        details: preservationDetails(),
      })
    ).id;
  });
  afterAll(async () => node.stop());

  it('records an analysis with its notes committed, not written, in the ledger leaf', async () => {
    const id = await add();
    const recorded = await node.call('POST', `/api/v1/evidence/${id}/custody-events`, {
      as: duty,
      body: { type: 'analysed', tool: 'X-Ways 21.1', notes: 'Examined by Trần Thị B at the lab' },
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    const { events } = await custody(id);
    expect(events.at(-1)).toMatchObject({
      type: 'analysed',
      details: { tool: 'X-Ways 21.1' },
      personal: { notes: 'Examined by Trần Thị B at the lab' },
    });
    const leaf = await node.app.node.database.db
      .selectFrom('custody_events')
      .select('leaf_data')
      .where('id', '=', events.at(-1)!.id)
      .executeTakeFirstOrThrow();
    expect(leaf.leaf_data).not.toContain('Trần');
    expect(
      (
        await node.call('POST', `/api/v1/evidence/${id}/custody-events`, { as: duty, body: { type: 'disclosed' } })
      ).json<Problem>(),
    ).toMatchObject({ status: 403 });
    expect(
      (await node.call('POST', `/api/v1/evidence/${id}/custody-events`, { as: duty, body: { type: 'destroyed' } }))
        .statusCode,
    ).toBe(400);
  });

  it('destroys an item: content gone, openings erased, and the ledger and every proof still verify', async () => {
    const id = await add({}, 2);
    const { sequence } = node.app.node.services.ledgerSequencer;
    await sequence();
    expect(
      (
        await node.call('POST', `/api/v1/evidence/${id}/destruction`, { as: duty, body: { reason: 'case closed' } })
      ).json<Problem>(),
    ).toMatchObject({ status: 403 });
    const destroyed = await node.call('POST', `/api/v1/evidence/${id}/destruction`, {
      as: chief,
      body: { reason: 'Case closed; court order 12/2026' },
    });
    expect(destroyed.statusCode, destroyed.body).toBe(204);
    await sequence();

    const item = await node.app.node.database.db
      .selectFrom('evidence_items')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(item.erased_at).not.toBeNull();
    expect(existsSync(join(node.config.dataDir, 'evidence', 'objects', item.sha256.slice(0, 2), item.sha256))).toBe(
      false,
    );
    expect((await node.call('GET', `/api/v1/evidence/${id}/content`, { as: duty })).statusCode).toBe(404);
    const events = await node.app.node.database.db
      .selectFrom('custody_events')
      .selectAll()
      .where('evidence_id', '=', id)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.type)).toEqual(['collected', 'hashed', 'sealed', 'destroyed']);
    expect(events.every((e) => e.personal === null && e.salt === null)).toBe(true);

    const keyring = loadKeyring(node.config.dataDir)!;
    expect((await verifyLedger(node.app.node.database.db, keyring)).problem).toBeNull();
    const ledger = node.app.node.services.ledger;
    const latest = await ledger.latestCheckpoint();
    for (const event of events) {
      const proof = await ledger.inclusionProofByRef('custody', event.id);
      expect(
        verifyInclusion(
          leafHash(Buffer.from(event.leaf_data, 'utf8')),
          proof.index,
          latest.treeSize,
          proof.proof.map((p) => Buffer.from(p, 'base64')),
          Buffer.from(latest.rootHash, 'base64'),
        ),
      ).toBe(true);
    }
    expect(
      (
        await node.call('POST', `/api/v1/evidence/${id}/destruction`, { as: chief, body: { reason: 'again' } })
      ).json<Problem>(),
    ).toMatchObject({ status: 404 });
  });

  it('keeps content another live item shares, and destroys items past their retention date by itself', async () => {
    const first = await add({ retentionUntil: '2026-11-05' }, 7);
    const twin = await add({ retentionUntil: '2031-01-01' }, 7);
    node.clock.advance(10 * day);
    expect(await node.app.node.services.evidenceCustody.destroyPastRetention()).toBe(1);
    const rows = await node.app.node.database.db
      .selectFrom('evidence_items')
      .select(['id', 'erased_at', 'sha256'])
      .where('id', 'in', [first, twin])
      .execute();
    expect(rows.find((r) => r.id === first)?.erased_at).not.toBeNull();
    expect(rows.find((r) => r.id === twin)?.erased_at).toBeNull();
    const sha = rows[0]!.sha256;
    expect(existsSync(join(node.config.dataDir, 'evidence', 'objects', sha.slice(0, 2), sha))).toBe(true);
    // Ten days on, the officers' sessions have expired: the operator console reads the chain.
    expect((await node.app.node.services.evidence.custody(operator, first, 'test')).events.at(-1)).toMatchObject({
      type: 'destroyed',
      details: { reason: 'retention date 2026-11-05 reached' },
    });
    expect(await node.app.node.services.evidenceCustody.destroyPastRetention()).toBe(0);
  });
});
