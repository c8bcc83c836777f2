import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCustodyLeaf } from '@hanoi247/core';
import { TestNode, type SignedInUser } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentOf, evidenceMetadata, sha256Hex, tusClient, type UploadDeclaration } from './evidence.fixtures.js';
import { interceptionDetails, preservationDetails, requestApi, type Problem } from './requests.fixtures.js';

interface Item {
  readonly id: string;
  readonly sha256: string;
  readonly size: number;
  readonly sealed: boolean;
  readonly onwardTransfer: string;
  readonly filename: string;
}
interface Custody {
  readonly events: {
    type: string;
    previous: string | null;
    eventHash: string;
    hashes: Record<string, string>;
    personal: { actorName: string; notes?: string } | null;
    actor: { type: string };
  }[];
}

/** Who may see evidence, what a download looks like, and what is recorded about each access. */
describe('evidence access', () => {
  let node: TestNode;
  let duty: SignedInUser;
  let central: SignedInUser;
  let provider: SignedInUser;
  let auditor: SignedInUser;
  let preservationId: string;
  let interceptionId: string;
  let tus: ReturnType<typeof tusClient>;
  const unknownId = '01900000-0000-7000-8000-000000000000';

  const add = async (as: SignedInUser, declaration: UploadDeclaration, content: Buffer): Promise<Item> => {
    const { last } = await tus.upload(as, declaration, content);
    return (
      await node.call('GET', `/api/v1/evidence/${String(last.headers['hanoi247-evidence-id'])}`, { as })
    ).json<Item>();
  };
  const objectFile = (sha256: string) => join(node.config.dataDir, 'evidence', 'objects', sha256.slice(0, 2), sha256);
  const custody = async (id: string) =>
    (await node.call('GET', `/api/v1/evidence/${id}/custody`, { as: duty })).json<Custody>();

  beforeAll(async () => {
    node = await TestNode.start();
    const admin = await node.administrator();
    duty = await node.user(admin, 'evidence.duty', ['duty_officer']);
    central = await node.user(admin, 'evidence.central', ['central_authority_officer']);
    provider = await node.user(admin, 'evidence.provider', ['provider_user']);
    auditor = await node.user(admin, 'evidence.auditor', ['auditor']);
    const api = requestApi<SignedInUser>(node);
    preservationId = (
      await api.receive(duty, {
        reference: 'FR-2026-42',
        requestingState: 'FR',
        type: 'PRESERVATION_42',
        legalBasis: 'UN',
        language: 'en',
        details: preservationDetails(),
      })
    ).id;
    interceptionId = (
      await api.receive(central, {
        reference: 'FR-2026-46',
        requestingState: 'FR',
        type: 'INTERCEPTION_46',
        legalBasis: 'UN',
        language: 'en',
        details: interceptionDetails(),
      })
    ).id;
    tus = tusClient(node.app);
  });
  afterAll(async () => node.stop());

  it('records the item with collected, hashed and sealed custody events, chained, and one audit entry', async () => {
    const content = contentOf(200_000, 3);
    const item = await add(duty, { requestId: preservationId }, content);
    expect(item).toMatchObject({
      sha256: sha256Hex(content),
      size: content.length,
      sealed: true,
      onwardTransfer: 'unrestricted',
    });
    const { events } = await custody(item.id);
    expect(events.map((e) => e.type)).toEqual(['collected', 'hashed', 'sealed']);
    expect(events.map((e) => e.previous)).toEqual([null, events[0]!.eventHash, events[1]!.eventHash]);
    expect(events[1]!.hashes).toEqual({ sha256: sha256Hex(content) });
    expect(events.every((e) => e.personal?.actorName === 'evidence.duty' && e.actor.type === 'user')).toBe(true);
    const leaves = await node.app.node.database.db
      .selectFrom('custody_events')
      .select('leaf_data')
      .where('evidence_id', '=', item.id)
      .execute();
    for (const leaf of leaves) expect(JSON.stringify(parseCustodyLeaf(leaf.leaf_data))).not.toContain('evidence.duty');
    const audit = await node.app.node.database.db
      .selectFrom('audit_entries')
      .select(['action', 'details'])
      .where('object_id', '=', item.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['evidence.added', 'evidence.viewed', 'evidence.custody-viewed']);
  });

  it('serves the content only as an attachment, with its digest, and records the access', async () => {
    const content = Buffer.from('<html><script>alert(1)</script></html>');
    const item = await add(
      duty,
      { requestId: preservationId, filename: 'Nhật ký "đăng nhập";\r\nX: y.html', mediaType: 'text/html' },
      content,
    );
    const response = await node.call('GET', `/api/v1/evidence/${item.id}/content`, {
      as: duty,
      headers: { 'x-audit-purpose': 'analysis for case 12' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.equals(content)).toBe(true);
    expect(response.headers['content-type']).toBe('application/octet-stream');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['repr-digest']).toBe(
      `sha-256=:${Buffer.from(sha256Hex(content), 'hex').toString('base64')}:`,
    );
    const disposition = String(response.headers['content-disposition']);
    expect(item.filename).toBe('Nh\u1eadt k\u00fd _\u0111\u0103ng nh\u1eadp_;__X_ y.html');
    const parts = /^attachment; filename="([A-Za-z0-9 ._()-]+)"; filename\*=UTF-8''([A-Za-z0-9!#$&+\-.^_`|~%]+)$/.exec(
      disposition,
    );
    expect(parts?.[1]).toBe('Nh_t k_ ___ng nh_p____X_ y.html');
    expect(decodeURIComponent(parts?.[2] ?? '')).toBe(item.filename);
    const { events } = await custody(item.id);
    expect(events.at(-1)).toMatchObject({
      type: 'accessed',
      personal: { actorName: 'evidence.duty', notes: 'purpose: analysis for case 12' },
    });
    expect(
      (
        await node.app.inject({
          method: 'HEAD',
          url: `/api/v1/evidence/${item.id}/content`,
          headers: { cookie: duty.cookie },
        })
      ).statusCode,
    ).toBe(404);
  });

  it('hides evidence of a request the officer may not see exactly as if it did not exist', async () => {
    const secret = await add(central, { requestId: interceptionId }, Buffer.from('intercepted content'));
    const expectNotFound = async (url: string, code: string) => {
      const invisible = await node.call('GET', url.replace(':id', secret.id).replace(':request', interceptionId), {
        as: duty,
      });
      const unknown = await node.call('GET', url.replace(':id', unknownId).replace(':request', unknownId), {
        as: duty,
      });
      for (const response of [invisible, unknown]) {
        expect(response.json<Problem>()).toMatchObject({ status: 404, code });
      }
    };
    await expectNotFound('/api/v1/evidence/:id', 'evidence/not-found');
    await expectNotFound('/api/v1/evidence/:id/content', 'evidence/not-found');
    await expectNotFound('/api/v1/evidence/:id/custody', 'evidence/not-found');
    await expectNotFound('/api/v1/requests/:request/evidence', 'request/not-found');
    expect((await tus.create(duty, { requestId: interceptionId }, 10)).json<Problem>()).toMatchObject({
      status: 404,
      code: 'request/not-found',
    });
    for (const as of [provider, auditor]) {
      expect((await node.call('GET', `/api/v1/evidence/${secret.id}`, { as })).statusCode).toBe(403);
      expect((await tus.create(as, { requestId: preservationId }, 10)).statusCode).toBe(403);
    }
    const listed = await node.call('GET', `/api/v1/requests/${interceptionId}/evidence`, { as: central });
    expect(listed.json<{ items: Item[] }>().items.map((i) => i.id)).toEqual([secret.id]);
    expect((await node.call('GET', `/api/v1/evidence/${secret.id}`)).statusCode).toBe(401);
  });

  it('seals content at rest and refuses to serve it once a byte of the ciphertext changes', async () => {
    const content = Buffer.from('subscriber: nguyen van a, +84 90 000 0000\n'.repeat(1000));
    const item = await add(duty, { requestId: preservationId }, content);
    const stored = readFileSync(objectFile(item.sha256));
    expect(stored.length).toBe(content.length + 8 + 12 + 16);
    expect(stored.includes(Buffer.from('nguyen van a'))).toBe(false);
    stored[stored.length - 100]! ^= 0x01;
    writeFileSync(objectFile(item.sha256), stored);
    const refused = await node.call('GET', `/api/v1/evidence/${item.id}/content`, { as: duty });
    expect(refused.json<Problem>()).toMatchObject({ status: 503, code: 'evidence/integrity-failed' });
    expect((await custody(item.id)).events.map((e) => e.type)).toEqual(['collected', 'hashed', 'sealed']);
  });

  it('is described in the OpenAPI document', async () => {
    const document = (await node.call('GET', '/api/v1/openapi.json')).json<{
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, unknown> };
    }>();
    expect(Object.keys(document.paths['/api/v1/evidence/uploads'] ?? {}).sort()).toEqual(['options', 'post']);
    // The HEAD of the tus protocol is an operation of its own; HEADs Fastify derives from a GET are not.
    expect(Object.keys(document.paths['/api/v1/evidence/uploads/{uploadId}'] ?? {}).sort()).toEqual([
      'delete',
      'get',
      'head',
      'patch',
    ]);
    for (const path of [
      '/api/v1/evidence/{evidenceId}',
      '/api/v1/evidence/{evidenceId}/content',
      '/api/v1/evidence/{evidenceId}/custody',
      '/api/v1/requests/{requestId}/evidence',
    ]) {
      expect(Object.keys(document.paths[path] ?? {})).toEqual(['get']);
    }
    expect(document.components.schemas).toHaveProperty('EvidenceItem');
    expect(document.components.schemas).toHaveProperty('CustodyEvent');
  });

  it('stores identical content once, and each item still reads back', async () => {
    const content = contentOf(50_000, 11);
    const first = await add(duty, { requestId: preservationId, filename: 'a.bin' }, content);
    const second = await add(
      central,
      { requestId: preservationId, filename: 'b.bin', metadata: evidenceMetadata({ originCountry: 'FR' }) },
      content,
    );
    expect(second.id).not.toBe(first.id);
    expect(second).toMatchObject({
      sha256: first.sha256,
      sealed: true,
      onwardTransfer: 'origin-authorisation-required',
    });
    const keys = await node.app.node.database.db
      .selectFrom('evidence_items')
      .select('wrapped_key')
      .where('sha256', '=', first.sha256)
      .execute();
    expect(new Set(keys.map((k) => k.wrapped_key)).size).toBe(1);
    for (const id of [first.id, second.id]) {
      expect((await node.call('GET', `/api/v1/evidence/${id}/content`, { as: duty })).rawPayload.equals(content)).toBe(
        true,
      );
    }
    const audit = await node.app.node.database.db
      .selectFrom('audit_entries')
      .select('details')
      .where('object_id', '=', second.id)
      .where('action', '=', 'evidence.added')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details)).toMatchObject({ deduplicated: true, via: 'upload' });
  });
});
