import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { isDomainError, operatorPrincipal } from '@hanoi247/core';
import { TestNode, type SignedInUser } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fsContentStore } from '../evidence/fs-content-store.js';
import { storageKeyPath, storageKeyProvider } from '../evidence/storage-key.js';
import { openForWrite, type OpenForWrite } from '../evidence/writable-file.js';
import { contentOf, evidenceMetadata, sha256Hex } from '../http/evidence.fixtures.js';
import { preservationDetails, requestApi } from '../http/requests.fixtures.js';
import { uuidV7Ids } from '../identity/ids.js';
import { createEvidenceService, type EvidenceServiceDeps } from './evidence.service.js';

const operator = { principal: operatorPrincipal('evidence-clerk'), requestId: null };
const codeOf = async (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) => (isDomainError(error) ? error.code : String(error)),
  );

async function drain(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

const fullDisk: OpenForWrite = async (path, flags) => ({
  ...(await openForWrite(path, flags)),
  write: async () => Promise.reject(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })),
});

describe('evidence service', () => {
  let node: TestNode;
  let requestId: string;
  let scratch: string;

  /** A second service on the node's database, with its own store and settings. */
  const variant = (overrides: Partial<EvidenceServiceDeps>) =>
    createEvidenceService({
      db: node.app.node.database.db,
      clock: node.clock,
      ids: uuidV7Ids,
      store: fsContentStore(join(scratch, 'evidence')),
      keys: storageKeyProvider(node.config.dataDir),
      system: { country: 'VN', node: 'Test node' },
      settings: { encryptAtRest: true, maxUploadBytes: 1024 * 1024 * 1024 },
      ...overrides,
    });
  const counts = async () => {
    const db = node.app.node.database.db;
    const items = await db
      .selectFrom('evidence_items')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const events = await db
      .selectFrom('custody_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return { items: Number(items.n), events: Number(events.n) };
  };
  const input = (overrides: Record<string, unknown> = {}) => ({
    requestId,
    filename: 'export.zip',
    mediaType: 'application/zip',
    metadata: evidenceMetadata(),
    ...overrides,
  });

  beforeAll(async () => {
    node = await TestNode.start();
    const admin = await node.administrator();
    const duty = await node.user(admin, 'service.duty', ['duty_officer']);
    requestId = (
      await requestApi<SignedInUser>(node).receive(duty, {
        reference: 'SG-2026-9',
        requestingState: 'SG',
        type: 'PRESERVATION_42',
        legalBasis: 'UN',
        language: 'en',
        details: preservationDetails(),
      })
    ).id;
    scratch = mkdtempSync(join(tmpdir(), 'h247-evidence-svc-'));
  });
  afterAll(async () => {
    await node.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('adds a streamed file for the console operator, who is named in custody and audit', async () => {
    const content = contentOf(2 * 1024 * 1024 + 3, 5);
    const item = await node.app.node.services.evidence.add(
      operator,
      input({ declaredSha256: sha256Hex(content).toUpperCase() }),
      Readable.from([content.subarray(0, 1000), content.subarray(1000)]),
    );
    expect(item).toMatchObject({
      sha256: sha256Hex(content),
      size: content.length,
      sealed: true,
      createdBy: 'cli:evidence-clerk',
    });
    const { events } = await node.app.node.services.evidence.custody(operator, item.id, null);
    expect(events.map((e) => [e.type, e.actor.type, e.personal?.actorName])).toEqual([
      ['collected', 'operator', 'cli:evidence-clerk'],
      ['hashed', 'operator', 'cli:evidence-clerk'],
      ['sealed', 'operator', 'cli:evidence-clerk'],
    ]);
    const reread = await drain(
      await node.app.node.services.evidence.openContent(
        (await node.app.node.services.evidence.findItem(node.app.node.database.db, item.id))!,
      ),
    );
    expect(reread.equals(content)).toBe(true);
  });

  it('refuses a declared hash that does not match: nothing kept, the refusal audited', async () => {
    const before = await counts();
    const content = Buffer.from('the real content');
    expect(
      await codeOf(
        node.app.node.services.evidence.add(
          operator,
          input({ declaredSha256: sha256Hex('declared') }),
          Readable.from([content]),
        ),
      ),
    ).toBe('evidence/hash-mismatch');
    expect(await counts()).toEqual(before);
    expect(
      existsSync(join(node.config.dataDir, 'evidence', 'objects', sha256Hex(content).slice(0, 2), sha256Hex(content))),
    ).toBe(false);
    const refusal = await node.app.node.database.db
      .selectFrom('audit_entries')
      .selectAll()
      .where('action', '=', 'evidence.add-refused')
      .executeTakeFirstOrThrow();
    expect(refusal).toMatchObject({ outcome: 'failure', object_id: requestId });
    expect(JSON.parse(refusal.details)).toMatchObject({
      computedSha256: sha256Hex(content),
      declaredSha256: sha256Hex('declared'),
    });
  });

  it('validates the declaration before reading a byte', async () => {
    let started = false;
    async function* content(): AsyncGenerator<Buffer> {
      started = true;
      yield Buffer.from('x');
    }
    const bad = input({
      metadata: { ...evidenceMetadata(), dataCategory: 'gossip' },
      mediaType: 'not a type',
      declaredSha256: 'abc',
    });
    const error = await node.app.node.services.evidence.add(operator, bad, content()).catch((e: unknown) => e);
    expect(isDomainError(error) && error.issues.map((i) => i.path)).toEqual([
      '/metadata/dataCategory',
      '/mediaType',
      '/sha256',
    ]);
    expect(
      await codeOf(
        node.app.node.services.evidence.add(
          operator,
          input({ requestId: '01900000-0000-7000-8000-000000000000' }),
          content(),
        ),
      ),
    ).toBe('request/not-found');
    expect(started).toBe(false);
  });

  it('fails closed on a full disk: no item, no custody event, no staged file', async () => {
    const before = await counts();
    const service = variant({ store: fsContentStore(join(scratch, 'full'), { openForWrite: fullDisk }) });
    expect(await codeOf(service.add(operator, input(), Readable.from([contentOf(100_000)])))).toBe(
      'evidence/storage-failed',
    );
    expect(await counts()).toEqual(before);
    expect(readdirSync(join(scratch, 'full', 'tmp'))).toEqual([]);
  });

  it('stores plaintext when encryption at rest is off, without a sealed event', async () => {
    const service = variant({ settings: { encryptAtRest: false, maxUploadBytes: 1024 } });
    const content = Buffer.from('clear content');
    const item = await service.add(operator, input(), Readable.from([content]));
    expect(item.sealed).toBe(false);
    expect(
      readFileSync(join(scratch, 'evidence', 'objects', item.sha256.slice(0, 2), item.sha256)).equals(content),
    ).toBe(true);
    expect((await service.custody(operator, item.id, null)).events.map((e) => e.type)).toEqual(['collected', 'hashed']);
    expect(await codeOf(service.add(operator, input(), Readable.from([Buffer.alloc(1025)])))).toBe(
      'evidence/too-large',
    );

    // Altered on disk: the stream that an export would read fails at its end.
    writeFileSync(join(scratch, 'evidence', 'objects', item.sha256.slice(0, 2), item.sha256), 'clear c0ntent');
    const record = (await service.findItem(node.app.node.database.db, item.id))!;
    expect(await codeOf(drain(await service.openContent(record)))).toBe('evidence/integrity-failed');
  });

  it('never replaces a lost storage key while sealed items depend on it', async () => {
    const item = await node.app.node.services.evidence.add(
      operator,
      input(),
      Readable.from([Buffer.from('sealed once')]),
    );
    const keyFile = storageKeyPath(node.config.dataDir);
    const backup = readFileSync(keyFile);
    rmSync(keyFile);
    try {
      const restarted = variant({ store: fsContentStore(join(node.config.dataDir, 'evidence')) });
      expect(await codeOf(restarted.add(operator, input(), Readable.from([Buffer.from('more')])))).toBe(
        'evidence/storage-key-missing',
      );
      expect(await codeOf(restarted.openContent((await restarted.findItem(node.app.node.database.db, item.id))!))).toBe(
        'evidence/storage-key-missing',
      );
      expect(existsSync(keyFile)).toBe(false);
    } finally {
      writeFileSync(keyFile, backup, { mode: 0o600 });
    }
  });

  it('records content a partner sent as received from that partner, for the node itself', async () => {
    const evidence = node.app.node.services.evidence;
    const input = {
      requestId,
      filename: '../from-sg.bin',
      mediaType: 'application/octet-stream',
      metadata: evidenceMetadata({ source: 'partner-transfer', originCountry: 'SG' }),
    };
    const record = await evidence.ingest.ingest(
      { principal: null, requestId: null },
      null,
      input,
      Readable.from([Buffer.from('partner content')]),
      {
        via: 'transfer',
        arrival: {
          type: 'received',
          actor: { type: 'partner', id: 'SG', role: null },
          actorName: 'SG node',
          details: { transferId: 't-1' },
          follows: 'ab'.repeat(32),
        },
      },
    );
    expect(record).toMatchObject({
      createdBy: 'SG',
      onwardTransfer: 'origin-authorisation-required',
      filename: 'from-sg.bin',
    });
    const { events } = await evidence.custody(operator, record.id, null);
    expect(events.map((e) => [e.type, e.actor.type, e.personal?.actorName])).toEqual([
      ['received', 'partner', 'SG node'],
      ['hash-verified', 'system', 'VN node'],
      ['sealed', 'system', 'VN node'],
    ]);
    expect(events[0]!.details).toMatchObject({ transferId: 't-1', source: 'partner-transfer' });
    // One chain across the border: our first event links to the sender's last one.
    expect(events.map((e) => e.previous)).toEqual(['ab'.repeat(32), events[0]!.eventHash, events[1]!.eventHash]);
    expect(
      await codeOf(
        evidence.ingest.ingest(
          { principal: null, requestId: null },
          null,
          { ...input, requestId: '01900000-0000-7000-8000-000000000000' },
          Readable.from([Buffer.from('x')]),
          { via: 'transfer' },
        ),
      ),
    ).toBe('request/not-found');
  });

  it('needs to know which State it acts for', async () => {
    expect(await codeOf(variant({ system: null }).add(operator, input(), Readable.from([Buffer.from('x')])))).toBe(
      'config/invalid',
    );
  });
});
