import { Readable } from 'node:stream';
import { leafHash, operatorPrincipal, verifyInclusion } from '@hanoi247/core';
import { TestNode, type SignedInUser } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentOf, evidenceMetadata } from './evidence.fixtures.js';
import { interceptionDetails, preservationDetails, requestApi, type Problem } from './requests.fixtures.js';

interface Proofs {
  readonly checkpoint: { treeSize: number; rootHash: string; note: string } | null;
  readonly proofs: { eventId: string; leafIndex: number | null; leafData: string | null; proof: string[] }[];
}

/** GET /api/v1/evidence/{id}/custody/proofs: what the officer app verifies in the browser. */
describe('custody inclusion proofs', () => {
  let node: TestNode;
  let duty: SignedInUser;
  let central: SignedInUser;
  let auditor: SignedInUser;
  let preservationId: string;
  let interceptionId: string;
  const operator = { principal: operatorPrincipal('test'), requestId: null };
  const unknownId = '01900000-0000-7000-8000-000000000000';

  const add = async (requestId: string, seed: number) =>
    (
      await node.app.node.services.evidence.add(
        operator,
        { requestId, filename: 'logs.txt', mediaType: 'text/plain', metadata: evidenceMetadata() },
        Readable.from([contentOf(50_000, seed)]),
      )
    ).id;
  const proofsOf = (id: string, as: SignedInUser) => node.call('GET', `/api/v1/evidence/${id}/custody/proofs`, { as });

  beforeAll(async () => {
    node = await TestNode.start();
    const admin = await node.administrator();
    duty = await node.user(admin, 'proofs.duty', ['duty_officer']);
    central = await node.user(admin, 'proofs.central', ['central_authority_officer']);
    auditor = await node.user(admin, 'proofs.auditor', ['auditor']);
    const api = requestApi<SignedInUser>(node);
    preservationId = (
      await api.receive(duty, {
        reference: 'FR-2026-90',
        requestingState: 'FR',
        type: 'PRESERVATION_42',
        legalBasis: 'UN',
        language: 'en',
        details: preservationDetails(),
      })
    ).id;
    interceptionId = (
      await api.receive(central, {
        reference: 'FR-2026-91',
        requestingState: 'FR',
        type: 'INTERCEPTION_46',
        legalBasis: 'UN',
        language: 'en',
        details: interceptionDetails(),
      })
    ).id;
  });
  afterAll(async () => node.stop());

  it('reports events not yet sequenced, then proofs that verify against the latest checkpoint', async () => {
    const id = await add(preservationId, 1);
    const before = await proofsOf(id, duty);
    expect(before.statusCode, before.body).toBe(200);
    const pending = before.json<Proofs>();
    expect(pending.proofs).toHaveLength(3);
    expect(pending.proofs.every((p) => p.leafIndex === null && p.leafData === null && p.proof.length === 0)).toBe(true);

    await node.app.node.services.ledgerSequencer.sequence();
    const { checkpoint, proofs } = (await proofsOf(id, duty)).json<Proofs>();
    expect(checkpoint).not.toBeNull();
    expect(checkpoint!.note).toContain(String(checkpoint!.treeSize));
    const root = Buffer.from(checkpoint!.rootHash, 'base64');
    for (const p of proofs) {
      expect(p.leafIndex).not.toBeNull();
      const leaf = leafHash(Buffer.from(p.leafData!, 'utf8'));
      expect(
        verifyInclusion(
          leaf,
          p.leafIndex!,
          checkpoint!.treeSize,
          p.proof.map((h) => Buffer.from(h, 'base64')),
          root,
        ),
      ).toBe(true);
    }
    const events = (await node.call('GET', `/api/v1/evidence/${id}/custody`, { as: duty })).json<{
      events: { id: string }[];
    }>().events;
    expect(proofs.map((p) => p.eventId)).toEqual(events.map((e) => e.id));
  });

  it('hides items the officer may not see, and needs evidence:read', async () => {
    const secret = await add(interceptionId, 2);
    for (const id of [secret, unknownId]) {
      expect((await proofsOf(id, duty)).json<Problem>()).toMatchObject({ status: 404, code: 'evidence/not-found' });
    }
    expect((await proofsOf(secret, central)).statusCode).toBe(200);
    expect((await proofsOf(secret, auditor)).statusCode).toBe(403);
  });
});
