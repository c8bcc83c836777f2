import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { currentKey, operatorPrincipal, signDescriptor, type SignedDescriptor } from '@hanoi247/core';
import { settle } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incomingAt, keyringOf, sendPreservation, startPair, type Pair } from './federation.fixtures.js';

/**
 * The content-stream version is the newest both nodes read, as each announced it in its
 * descriptor (federation.md §3.2, §9.4): a partner of the previous version, which announces
 * nothing, still receives version 1 and fetches it.
 */
describe('content-stream version negotiated through the descriptor', () => {
  let pair: Pair;
  let vnRequestId: string;
  let sgRequestId: string;
  const contents = [randomBytes(1_300_000), randomBytes(70_000)];
  const operator = { principal: operatorPrincipal('test'), requestId: null };
  const metadata = {
    source: 'provider-production',
    dataCategory: 'subscriber',
    acquisition: { method: 'Production order to the provider', acquiredAt: '2026-11-01T15:00:00+08:00' },
    personalData: true,
    originCountry: 'SG',
  };
  const evidenceIds: string[] = [];

  beforeAll(async () => {
    pair = await startPair();
    vnRequestId = (await sendPreservation(pair)).id;
    await settle([pair.vn, pair.sg]);
    sgRequestId = (await incomingAt(pair.sg, pair.users.sgDuty))[0]!.id;
    for (const [index, content] of contents.entries()) {
      const added = await pair.sg.app.node.services.evidence.add(
        operator,
        { requestId: sgRequestId, filename: `records-${index}.csv`, mediaType: 'text/csv', metadata },
        Readable.from([content]),
      );
      evidenceIds.push(added.id);
    }
  });
  afterAll(async () => pair.stop());

  /** Singapore pins Viet Nam's descriptor as the operator received it. */
  const pinAtSingapore = (signed: SignedDescriptor) =>
    pair.sg.app.node.services.peers.pin(operator, signed, currentKey(signed.descriptor).signing.fingerprint);

  /** Offers both items and lets Viet Nam fetch them; the content cipher as Singapore recorded it. */
  async function offerAndFetch(): Promise<Record<string, unknown>> {
    const offered = await pair.sg.call('POST', `/api/v1/requests/${sgRequestId}/evidence-offers`, {
      as: pair.users.sgChief,
      body: { evidenceIds },
    });
    expect(offered.statusCode, offered.body).toBe(202);
    const { transferId } = offered.json<{ transferId: string }>();
    const outgoing = await pair.sg.app.node.database.db
      .selectFrom('evidence_transfers')
      .select('content_key')
      .where('id', '=', transferId)
      .where('direction', '=', 'outgoing')
      .executeTakeFirstOrThrow();
    await settle([pair.vn, pair.sg]);
    expect(await pair.vn.app.node.services.evidenceFetcher.fetchDue()).toEqual({ received: 1, failed: 0, retrying: 0 });
    const received = await pair.vn.app.node.database.db
      .selectFrom('evidence_items')
      .select('sha256')
      .where('request_id', '=', vnRequestId)
      .execute();
    for (const content of contents) {
      expect(received.map((r) => r.sha256)).toContain(createHash('sha256').update(content).digest('hex'));
    }
    return JSON.parse(outgoing.content_key ?? 'null') as Record<string, unknown>;
  }

  it('sends version 1 to a partner whose descriptor announces nothing, and the partner fetches it', async () => {
    const published = (await pair.vn.call('GET', '/federation/v1/descriptor')).json<SignedDescriptor>();
    // Viet Nam as the previous version published it: the same descriptor, no announcement in the header.
    await pinAtSingapore(await signDescriptor(published.descriptor, keyringOf(pair.vn).signingKey));
    const content = await offerAndFetch();
    expect(content).toMatchObject({ algorithm: 'A256GCM-STREAM', chunkSize: 1_048_576 });
    expect(content).not.toHaveProperty('v');
  });

  it('sends version 2 once the partner announces it reads it', async () => {
    await pinAtSingapore((await pair.vn.call('GET', '/federation/v1/descriptor')).json<SignedDescriptor>());
    const content = await offerAndFetch();
    expect(content).toMatchObject({ v: 2, algorithm: 'A256GCM-HKDF-STREAM', chunkSize: 1_048_576 });
  });
});
