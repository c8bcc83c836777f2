import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { TestNode, type SignedInUser } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentOf, evidenceMetadata, sha256Hex, tusClient } from './evidence.fixtures.js';
import { longSessions, preservationDetails, requestApi, type Problem } from './requests.fixtures.js';

/** Sends the first `sendBytes` of a PATCH that announces `content.length`, then cuts the connection. */
async function brokenPatch(
  baseUrl: string,
  location: string,
  as: SignedInUser,
  offset: number,
  content: Buffer,
  sendBytes: number,
): Promise<void> {
  const url = new URL(location, baseUrl);
  await new Promise<void>((resolve) => {
    const req = httpRequest(url, {
      method: 'PATCH',
      headers: {
        cookie: as.cookie,
        'x-csrf-token': as.csrfToken,
        'tus-resumable': '1.0.0',
        'content-type': 'application/offset+octet-stream',
        'upload-offset': String(offset),
        'content-length': String(content.length),
      },
    });
    req.on('error', () => resolve());
    req.on('response', () => resolve());
    req.write(content.subarray(0, sendBytes), () => setTimeout(() => req.destroy(), 50));
  });
}

describe('resumable evidence upload (tus 1.0.0)', () => {
  let node: TestNode;
  let duty: SignedInUser;
  let other: SignedInUser;
  let requestId: string;
  let tus: ReturnType<typeof tusClient>;

  beforeAll(async () => {
    node = await TestNode.start({
      configure: (c) => ({
        ...longSessions(c),
        evidence: { ...c.evidence, maxUploadBytes: 8 * 1024 * 1024, maxOpenUploadsPerUser: 3 },
      }),
    });
    const admin = await node.administrator();
    duty = await node.user(admin, 'upload.duty', ['duty_officer']);
    other = await node.user(admin, 'upload.other', ['duty_officer']);
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
    tus = tusClient(node.app);
  });
  afterAll(async () => node.stop());

  it('announces its capabilities', async () => {
    const options = await tus.call(duty, 'OPTIONS', '/api/v1/evidence/uploads');
    expect(options.statusCode).toBe(204);
    expect(options.headers).toMatchObject({
      'tus-version': '1.0.0',
      'tus-extension': 'creation,expiration,termination',
      'tus-max-size': String(8 * 1024 * 1024),
    });
  });

  it(
    'takes the content in several PATCHes, survives a broken link, resumes from ' + 'HEAD and records the item',
    async () => {
      const content = contentOf(3 * 1024 * 1024 + 17);
      const created = await tus.create(duty, { requestId, sha256: sha256Hex(content) }, content.length);
      expect(created.statusCode).toBe(201);
      expect(created.headers['tus-resumable']).toBe('1.0.0');
      expect(created.headers['upload-expires']).toMatch(/GMT$/);
      const location = String(created.headers['location']);
      expect(location).toMatch(/^\/api\/v1\/evidence\/uploads\/[0-9a-f-]{36}$/);

      const first = await tus.patch(duty, location, 0, content.subarray(0, 1024 * 1024));
      expect(first.statusCode).toBe(204);
      expect(first.headers['upload-offset']).toBe(String(1024 * 1024));
      // Encrypted at rest while it waits, like the item it will become.
      const partial = readFileSync(
        join(node.config.dataDir, 'evidence', 'uploads', `${location.split('/').pop() ?? ''}.part`),
      );
      expect(partial.length).toBe(1024 * 1024);
      expect(partial.subarray(0, 64).equals(content.subarray(0, 64))).toBe(false);

      // The link breaks in the middle of the second chunk: what arrived is kept.
      const baseUrl = await node.listen();
      await brokenPatch(baseUrl, location, duty, 1024 * 1024, content.subarray(1024 * 1024), 700 * 1024);
      let head = await tus.head(duty, location);
      for (let i = 0; i < 500 && Number(head.headers['upload-offset']) === 1024 * 1024; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        head = await tus.head(duty, location);
      }
      expect(head.statusCode).toBe(200);
      expect(head.headers['cache-control']).toBe('no-store');
      expect(head.headers['upload-length']).toBe(String(content.length));
      const resumeAt = Number(head.headers['upload-offset']);
      expect(resumeAt).toBeGreaterThan(1024 * 1024);
      expect(resumeAt).toBeLessThanOrEqual(1024 * 1024 + 700 * 1024);

      // A stale offset is refused without writing anything.
      const stale = await tus.patch(duty, location, 1024 * 1024, content.subarray(1024 * 1024, 2 * 1024 * 1024));
      expect(stale.statusCode).toBe(409);
      expect(stale.json<Problem>().code).toBe('evidence/upload-offset-mismatch');

      const last = await tus.patch(duty, location, resumeAt, content.subarray(resumeAt));
      expect(last.statusCode).toBe(204);
      expect(last.headers['upload-offset']).toBe(String(content.length));
      const evidenceId = String(last.headers['hanoi247-evidence-id']);
      expect(evidenceId).toMatch(/^[0-9a-f-]{36}$/);

      const status = await tus.call(duty, 'GET', location);
      expect(status.json()).toMatchObject({
        status: 'completed',
        evidenceId,
        offset: content.length,
        length: content.length,
      });
      const item = await node.call('GET', `/api/v1/evidence/${evidenceId}`, { as: duty });
      expect(item.json()).toMatchObject({
        sha256: sha256Hex(content),
        size: content.length,
        filename: 'logins.csv',
        requestId,
      });
      const downloaded = await node.call('GET', `/api/v1/evidence/${evidenceId}/content`, { as: duty });
      expect(sha256Hex(downloaded.rawPayload)).toBe(sha256Hex(content));
    },
  );

  it('refuses content whose SHA-256 differs from the declared one and keeps nothing', async () => {
    const content = contentOf(4096, 7);
    const created = await tus.create(duty, { requestId, sha256: sha256Hex('something else') }, content.length);
    const url = String(created.headers['location']);
    const refused = await tus.patch(duty, url, 0, content);
    expect(refused.statusCode).toBe(400);
    expect(refused.json<Problem>().code).toBe('evidence/hash-mismatch');
    expect((await tus.call(duty, 'GET', url)).json()).toMatchObject({ status: 'refused', evidenceId: null });
    expect((await tus.head(duty, url)).statusCode).toBe(410);
    const items = await node.app.node.database.db
      .selectFrom('evidence_items')
      .select('sha256')
      .where('sha256', '=', sha256Hex(content))
      .execute();
    expect(items).toHaveLength(0);
  });

  it('keeps uploads to their owner: another officer gets 404 for every call', async () => {
    const created = await tus.create(duty, { requestId }, 10);
    const location = String(created.headers['location']);
    for (const response of [
      await tus.head(other, location),
      await tus.patch(other, location, 0, Buffer.alloc(10)),
      await tus.call(other, 'DELETE', location),
      await tus.call(other, 'GET', location),
    ]) {
      expect(response.statusCode).toBe(404);
    }
    expect((await tus.call(duty, 'DELETE', location)).statusCode).toBe(204);
    expect((await tus.head(duty, location)).statusCode).toBe(410);
    expect((await tus.patch(duty, location, 0, Buffer.alloc(10))).statusCode).toBe(410);
  });

  it('answers bad input with the tus statuses', async () => {
    const noVersion = await tus.create(duty, { requestId }, 10, { 'tus-resumable': '0.2.2' });
    expect(noVersion.statusCode).toBe(412);
    expect(noVersion.headers['tus-version']).toBe('1.0.0');
    expect((await tus.create(duty, { requestId }, 9 * 1024 * 1024)).statusCode).toBe(413);
    expect(
      (await tus.create(duty, { requestId: '01900000-0000-7000-8000-000000000000' }, 10)).json<Problem>(),
    ).toMatchObject({ status: 404, code: 'request/not-found' });
    const badMetadata = await tus.create(
      duty,
      {
        requestId,
        metadata: evidenceMetadata({
          originCountry: 'XX',
          acquisition: { method: 'copy', acquiredAt: '2026-11-01T09:30:00' },
        }),
      },
      10,
    );
    expect(badMetadata.statusCode).toBe(400);
    expect(badMetadata.json<Problem>().errors?.map((e) => e.path)).toEqual(
      expect.arrayContaining(['/metadata/originCountry', '/metadata/acquisition/acquiredAt']),
    );
    const garbled = await tus.call(duty, 'POST', '/api/v1/evidence/uploads', {
      'upload-length': '10',
      'upload-metadata': 'requestId !!!',
    });
    expect(garbled.statusCode).toBe(400);

    const created = await tus.create(duty, { requestId }, 10);
    const location = String(created.headers['location']);
    expect(
      (await tus.patch(duty, location, 0, Buffer.alloc(10), { 'content-type': 'application/octet-stream' })).statusCode,
    ).toBe(415);
    expect((await tus.patch(duty, location, 0, Buffer.alloc(11))).statusCode).toBe(413);
    expect((await tus.head(duty, location)).headers['upload-offset']).toBe('0');
    expect((await tus.patch(duty, location, 0, Buffer.alloc(10), { 'x-csrf-token': 'wrong' })).statusCode).toBe(403);
    await tus.call(duty, 'DELETE', location);
  });

  it('sanitises the file name and limits the uploads a user may keep open', async () => {
    const content = Buffer.from('a,b\n1,2\n');
    const { last } = await tus.upload(other, { requestId, filename: '../../etc/pass\u0000wd.csv' }, content);
    const item = (
      await node.call('GET', `/api/v1/evidence/${String(last.headers['hanoi247-evidence-id'])}`, { as: other })
    ).json<{ filename: string }>();
    expect(item.filename).toBe('pass_wd.csv');

    const open = [];
    for (let i = 0; i < 3; i += 1) open.push(await tus.create(other, { requestId }, 100));
    expect(open.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    const over = await tus.create(other, { requestId }, 100);
    expect(over.statusCode).toBe(429);
    expect(over.json<Problem>().code).toBe('evidence/upload-quota-exceeded');
  });

  it('expires abandoned uploads and removes their bytes', async () => {
    const created = await tus.create(duty, { requestId }, 100);
    const location = String(created.headers['location']);
    await tus.patch(duty, location, 0, Buffer.alloc(40, 1));
    node.clock.advance(25 * 3600 * 1000);
    expect(await node.app.node.services.evidenceUploads.expireAbandoned()).toBeGreaterThanOrEqual(1);
    expect((await tus.head(duty, location)).statusCode).toBe(410);
    const audit = await node.app.node.database.db
      .selectFrom('audit_entries')
      .select(['action', 'actor_type'])
      .where('object_id', '=', location.split('/').pop() ?? '')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['evidence.upload-started', 'evidence.upload-expired']);
  });
});
