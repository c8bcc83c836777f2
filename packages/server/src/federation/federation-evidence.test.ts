import { Readable } from 'node:stream';
import { createHash, randomBytes } from 'node:crypto';
import { custodyEventHash, operatorPrincipal, parseCustodyLeaf } from '@hanoi247/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditEntries,
  incomingAt,
  latestPendingEnvelope,
  sendPreservation,
  startPair,
  type Pair,
  type Problem,
} from './federation.fixtures.js';
import { settle } from '@hanoi247/testkit';

/**
 * Evidence crossing a border: Singapore answers Viet Nam's request with a file; Viet Nam
 * checks the checkpoint, every custody proof and the hash, and stores the item with its
 * chain continuing Singapore's. Foreign evidence then cannot go to a third State without
 * Singapore's authorisation.
 */
describe('evidence across borders', () => {
  let pair: Pair;
  let vnRequestId: string;
  let sgRequestId: string;
  let sgEvidenceId: string;
  const content = randomBytes(2_500_000);
  const sha256 = createHash('sha256').update(content).digest('hex');
  const operator = { principal: operatorPrincipal('test'), requestId: null };
  const metadata = {
    source: 'provider-production',
    dataCategory: 'subscriber',
    acquisition: { method: 'Production order to the provider', acquiredAt: '2026-11-01T15:00:00+08:00' },
    personalData: true,
    originCountry: 'SG',
  };

  beforeAll(async () => {
    pair = await startPair();
    vnRequestId = (await sendPreservation(pair)).id;
    await settle([pair.vn, pair.sg]);
    sgRequestId = (await incomingAt(pair.sg, pair.users.sgDuty))[0]!.id;
    const added = await pair.sg.app.node.services.evidence.add(
      operator,
      { requestId: sgRequestId, filename: 'subscriber-records.csv', mediaType: 'text/csv', metadata },
      Readable.from([content]),
    );
    sgEvidenceId = added.id;
  });
  afterAll(async () => pair.stop());

  const offer = (as = pair.users.sgChief, evidenceIds = [sgEvidenceId]) =>
    pair.sg.call('POST', `/api/v1/requests/${sgRequestId}/evidence-offers`, { as, body: { evidenceIds } });

  it('refuses offers by officers who may not disclose evidence, and of items of other requests', async () => {
    expect((await offer(pair.users.sgDuty)).json<Problem>()).toMatchObject({ status: 403, code: 'auth/forbidden' });
    expect((await offer(pair.users.sgChief, ['0190f1c2-0000-7000-8000-000000000009'])).json<Problem>()).toMatchObject({
      status: 404,
      code: 'evidence/not-found',
    });
  });

  it('delivers the item with its custody proved, its hash verified and its chain continued', async () => {
    const offered = await offer();
    expect(offered.statusCode, offered.body).toBe(202);
    const { transferId } = offered.json<{ transferId: string }>();
    await settle([pair.vn, pair.sg]);
    expect(await pair.vn.app.node.services.evidenceFetcher.fetchDue()).toEqual({ received: 1, failed: 0, retrying: 0 });

    const db = pair.vn.app.node.database.db;
    const [item] = await db.selectFrom('evidence_items').selectAll().where('request_id', '=', vnRequestId).execute();
    expect(item).toMatchObject({
      sha256,
      origin_country: 'SG',
      onward_transfer: 'origin-authorisation-required',
      filename: 'subscriber-records.csv',
    });
    const foreign = await db
      .selectFrom('foreign_custody_events')
      .selectAll()
      .where('evidence_id', '=', item!.id)
      .orderBy('position')
      .execute();
    expect(foreign.map((f) => parseCustodyLeaf(f.leaf_data)?.type)).toEqual([
      'collected',
      'hashed',
      'sealed',
      'packaged',
      'transmitted',
    ]);
    const local = await db
      .selectFrom('custody_events')
      .selectAll()
      .where('evidence_id', '=', item!.id)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    expect(local.map((e) => e.type).slice(0, 2)).toEqual(['received', 'hash-verified']);
    // One chain across the border: Viet Nam's first event follows Singapore's last.
    expect(parseCustodyLeaf(local[0]!.leaf_data)?.previous).toBe(custodyEventHash(foreign.at(-1)!.leaf_data));
    const kept = await db.selectFrom('partner_checkpoints').selectAll().where('country', '=', 'SG').execute();
    expect(kept).toHaveLength(1);
    const transfer = await db
      .selectFrom('evidence_transfers')
      .selectAll()
      .where('id', '=', transferId)
      .executeTakeFirstOrThrow();
    expect(transfer).toMatchObject({ direction: 'incoming', status: 'received', content_key: null });
    // The bytes came through intact and are readable at Viet Nam.
    const download = await pair.vn.call('GET', `/api/v1/evidence/${item!.id}/content`, { as: pair.users.vnDuty });
    expect(download.statusCode).toBe(200);
    expect(createHash('sha256').update(download.rawPayload).digest('hex')).toBe(sha256);
  });

  it('accepts a later offer only with a consistency proof from the checkpoint it holds', async () => {
    const second = await offer();
    expect(second.statusCode, second.body).toBe(202);
    await settle([pair.vn, pair.sg]);
    expect((await pair.vn.app.node.services.evidenceFetcher.fetchDue()).received).toBe(1);
    const kept = await pair.vn.app.node.database.db
      .selectFrom('partner_checkpoints')
      .selectAll()
      .where('country', '=', 'SG')
      .orderBy('tree_size')
      .execute();
    expect(kept).toHaveLength(2);
    expect(kept[1]).toMatchObject({ consistency_verified: 1 });
  });

  it('serves content only to the partner it was offered to', async () => {
    const [transfer] = await pair.sg.app.node.database.db
      .selectFrom('evidence_transfers')
      .selectAll()
      .where('direction', '=', 'outgoing')
      .execute();
    const unsigned = await pair.sg.call('GET', `/federation/v1/evidence/${transfer!.id}/${sha256}`);
    expect(unsigned.json<Problem>()).toMatchObject({ status: 404, code: 'evidence/not-found' });
    const forged = await pair.sg.call('GET', `/federation/v1/evidence/${transfer!.id}/${sha256}`, {
      headers: { authorization: 'Hanoi247-Fetch eyJhbGciOiJFZERTQSJ9.e30.AAAA' },
    });
    expect(forged.json<Problem>()).toMatchObject({ status: 404, code: 'evidence/not-found' });
  });

  it(
    'refuses to send foreign evidence on to a third State without the origin ' + 'State\u2019s authorisation (Art. 36)',
    async () => {
      const [item] = await pair.vn.app.node.database.db
        .selectFrom('evidence_items')
        .selectAll()
        .where('request_id', '=', vnRequestId)
        .execute();
      const services = pair.vn.app.node.services;
      const record = (await services.evidence.findItem(pair.vn.app.node.database.db, item!.id))!;
      await expect(services.onwardTransfer.check(operator, [record], 'FR', 'federation')).rejects.toMatchObject({
        code: 'evidence/onward-transfer-not-authorised',
      });
      expect((await auditEntries(pair.vn, 'evidence.onward-transfer-refused')).at(-1)).toMatchObject({
        objectId: item!.id,
        outcome: 'denied',
        details: { destination: 'FR' },
      });
      // Back to Singapore needs nothing; France needs Singapore's recorded consent.
      await expect(services.onwardTransfer.check(operator, [record], 'SG', 'federation')).resolves.toBeDefined();
      const central = await pair.vn.user(pair.users.vnAdmin, 'vn.central', ['central_authority_officer']);
      const recorded = await pair.vn.call('POST', `/api/v1/evidence/${item!.id}/onward-transfer-authorisations`, {
        as: central,
        body: { destination: 'FR', reference: 'SG-AGC-2026-114' },
      });
      expect(recorded.statusCode, recorded.body).toBe(201);
      await expect(services.onwardTransfer.check(operator, [record], 'FR', 'federation')).resolves.toBeDefined();
      const byDuty = await pair.vn.call('POST', `/api/v1/evidence/${item!.id}/onward-transfer-authorisations`, {
        as: pair.users.vnDuty,
        body: { destination: 'DE', reference: 'x' },
      });
      expect(byDuty.json<Problem>()).toMatchObject({ status: 403 });
    },
  );

  it(
    'raises a split-view alert, and keeps both notes, when the partner signs ' + 'another root for a size it signed',
    async () => {
      const vnNode = pair.vn.app.node;
      const [held] = await vnNode.database.db
        .selectFrom('partner_checkpoints')
        .selectAll()
        .where('country', '=', 'SG')
        .orderBy('tree_size', 'desc')
        .limit(1)
        .execute();
      // Singapore's own key signs a forged note for the same size with another root: only the key holder can do this.
      const sgKeyring = (await import('../identity/node-keyring.js')).loadKeyring(pair.sg.config.dataDir)!;
      const { signCheckpoint, parseCheckpoint } = await import('@hanoi247/core');
      const original = parseCheckpoint(held!.note.split('\n\n')[0]! + '\n');
      const forged = signCheckpoint(
        { ...original, rootHash: createHash('sha256').update('another history').digest() },
        sgKeyring.signingKey,
        sgKeyring.generations[sgKeyring.generations.length - 1]!.signing.publicKey,
      );
      const stored = await vnNode.database.db
        .selectFrom('peers')
        .selectAll()
        .where('country', '=', 'SG')
        .executeTakeFirstOrThrow();
      const record = {
        country: 'SG',
        name: stored.name,
        baseUrl: stored.base_url,
        signedDescriptor: stored.signed_descriptor,
        pinnedFingerprint: stored.pinned_fingerprint,
        status: 'active' as const,
        addedAt: stored.added_at,
        updatedAt: stored.updated_at,
      };
      await expect(vnNode.services.partnerCheckpoints.accept(record, forged)).rejects.toMatchObject({
        code: 'ledger/split-view',
      });
      const alerts = await pair.vn.call('GET', '/api/v1/federation/ledger-alerts', { as: pair.users.vnDuty });
      expect(alerts.json<{ alerts: { kind: string; firstNote: string; secondNote: string }[] }>().alerts).toEqual([
        expect.objectContaining({ kind: 'split-view', firstNote: held!.note, secondNote: forged }),
      ]);
      const both = await vnNode.database.db
        .selectFrom('partner_checkpoints')
        .selectAll()
        .where('country', '=', 'SG')
        .where('tree_size', '=', held!.tree_size)
        .execute();
      expect(both).toHaveLength(2);
    },
  );

  it('fails a transfer whose custody proof does not hold, and keeps nothing', async () => {
    const sent = await offer();
    expect(sent.statusCode).toBe(202);
    const { envelope } = await latestPendingEnvelope(pair.sg);
    expect(envelope.header.type).toBe('evidence.offered');
    await settle([pair.vn, pair.sg]);
    const db = pair.vn.app.node.database.db;
    const incoming = await db
      .selectFrom('evidence_transfers')
      .selectAll()
      .where('direction', '=', 'incoming')
      .where('status', '=', 'offered')
      .executeTakeFirstOrThrow();
    const offerJson = JSON.parse(incoming.offer) as { items: { custody: { leafData: string }[] }[] };
    offerJson.items[0]!.custody[1]!.leafData = offerJson.items[0]!.custody[1]!.leafData.replace('"hashed"', '"sealed"');
    await db
      .updateTable('evidence_transfers')
      .set({ offer: JSON.stringify(offerJson) })
      .where('id', '=', incoming.id)
      .execute();
    const before = (await db.selectFrom('evidence_items').selectAll().execute()).length;
    expect(await pair.vn.app.node.services.evidenceFetcher.fetchDue()).toEqual({ received: 0, failed: 1, retrying: 0 });
    expect((await db.selectFrom('evidence_items').selectAll().execute()).length).toBe(before);
    expect((await auditEntries(pair.vn, 'evidence.transfer-failed')).at(-1)?.details['reason']).toMatch(
      /custody event 2 is not in the sender's signed checkpoint/,
    );
  });
});
