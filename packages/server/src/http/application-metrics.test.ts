import { Readable } from 'node:stream';
import { operatorPrincipal } from '@hanoi247/core';
import { TestNode, type SignedInUser } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxRepository, type OutboxRecord } from '../repositories/outbox.repository.js';
import { peerRepository } from '../repositories/peer.repository.js';
import { contentOf, evidenceMetadata } from './evidence.fixtures.js';
import { orderBody, type OrderJson } from './orders.fixtures.js';
import { orderDesk, type OrderDesk } from './order-desk.fixtures.js';
import { longSessions, minute, preservationDetails, requestApi } from './requests.fixtures.js';

type Labels = Record<string, string>;

/** Samples of one scrape, looked up by name and exact labels. */
function samples(text: string) {
  const parsed = text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = /^([^{\s]+)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (match === null) throw new Error(`unparsable sample: ${line}`);
      const labels = Object.fromEntries(
        [...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1] ?? '', m[2] ?? '']),
      );
      return { name: match[1] ?? '', labels, value: Number(match[3]) };
    });
  const find = (name: string, labels: Labels = {}) =>
    parsed.filter(
      (s) =>
        s.name === name &&
        Object.keys(s.labels).length === Object.keys(labels).length &&
        Object.entries(labels).every(([k, v]) => s.labels[k] === v),
    );
  return {
    value(name: string, labels: Labels = {}): number {
      const found = find(name, labels);
      if (found.length !== 1) {
        throw new Error(`expected one sample ${name} ${JSON.stringify(labels)}, got ${found.length}`);
      }
      return found[0]!.value;
    },
    has: (name: string, labels: Labels = {}) => find(name, labels).length > 0,
  };
}

const operator = { principal: operatorPrincipal('metrics-clerk'), requestId: null };

/** Each application metric read from /metrics after real changes to the node's data. */
describe('application metrics', () => {
  let node: TestNode;
  let desk: OrderDesk;
  let prometheus: SignedInUser;
  let requestId: string;

  const scrape = async () => {
    const response = await node.call('GET', '/metrics', { as: prometheus });
    expect(response.statusCode).toBe(200);
    return samples(response.body);
  };
  const travelTo = (iso: string, plus = 0) => node.clock.advance(Date.parse(iso) + plus - node.clock.now().getTime());
  const deadlines = async (clock: 'request' | 'order') => {
    const s = await scrape();
    return Object.fromEntries(
      ['open', 'warned', 'breached'].map((status) => [status, s.value('hanoi247_deadlines', { clock, status })]),
    );
  };

  beforeAll(async () => {
    node = await TestNode.start({ configure: longSessions });
    desk = await orderDesk(node, 'metrics');
    prometheus = desk.admin;
  });
  afterAll(async () => node.stop());

  it('counts request clocks open, warned (at risk) and breached', async () => {
    const before = await deadlines('request');
    const request = await requestApi<SignedInUser>(node).receive(desk.duty, {
      reference: 'FR-2026-700',
      requestingState: 'FR',
      type: 'PRESERVATION_42',
      legalBasis: 'UN',
      language: 'en',
      details: preservationDetails(),
      priority: 'emergency',
      emergencyJustification: 'The victim, a child, is in contact with the suspect right now',
    });
    requestId = request.id;
    expect(await deadlines('request')).toEqual({ ...before, open: before['open']! + 1 });
    const clock = request.deadlines.find((d) => d.ruleId === 'acknowledge-urgent')!;
    travelTo(clock.warnAt, minute);
    await node.app.node.services.deadlineScanner.scan();
    expect(await deadlines('request')).toEqual({ ...before, warned: before['warned']! + 1 });
    travelTo(clock.dueAt, minute);
    await node.app.node.services.deadlineScanner.scan();
    expect(await deadlines('request')).toEqual({ ...before, breached: before['breached']! + 1 });
  });

  it('counts order clocks the same way', async () => {
    const draft = await desk.api.draft(
      desk.duty,
      orderBody(desk.providerId, { type: 'SUBSCRIBER_27B', durationDays: undefined }),
    );
    await desk.api.move(desk.supervisor, draft.id, 'authorise');
    const order: OrderJson = await desk.api.move(desk.duty, draft.id, 'serve');
    const running = order.deadlines.filter((d) => d.status === 'open').length;
    expect(running).toBeGreaterThanOrEqual(1);
    expect(await deadlines('order')).toEqual({ open: running, warned: 0, breached: 0 });
    const acknowledgement = order.deadlines.find((d) => d.ruleId === 'order-acknowledgement')!;
    travelTo(acknowledgement.warnAt);
    await node.app.node.services.orderScanner.scan();
    expect(await deadlines('order')).toEqual({ open: running - 1, warned: 1, breached: 0 });
    travelTo(acknowledgement.dueAt);
    await node.app.node.services.orderScanner.scan();
    expect(await deadlines('order')).toEqual({ open: running - 1, warned: 0, breached: 1 });
  });

  it('reports the ledger: leaves, the sequencer\u2019s backlog and its age, the checkpoint\u2019s age', async () => {
    // Nothing sequenced yet: audit entries wait, and there is no checkpoint to be late with.
    const fresh = await scrape();
    expect(fresh.value('hanoi247_ledger_leaves')).toBe(0);
    expect(fresh.value('hanoi247_ledger_unsequenced_leaves', { source: 'audit' })).toBeGreaterThan(0);
    expect(fresh.has('hanoi247_ledger_checkpoint_age_seconds')).toBe(false);

    let treeSize = 0;
    for (let run = await node.app.node.services.ledgerSequencer.sequence(); run !== null;) {
      treeSize = run.treeSize;
      run = await node.app.node.services.ledgerSequencer.sequence();
    }
    const sequenced = await scrape();
    expect(sequenced.value('hanoi247_ledger_leaves')).toBe(treeSize);
    expect(sequenced.value('hanoi247_ledger_unsequenced_leaves', { source: 'custody' })).toBe(0);
    expect(sequenced.value('hanoi247_ledger_unsequenced_leaves', { source: 'audit' })).toBe(0);
    expect(sequenced.value('hanoi247_ledger_oldest_unsequenced_age_seconds')).toBe(0);
    expect(sequenced.value('hanoi247_ledger_checkpoint_age_seconds')).toBe(0);

    // Evidence queues three custody leaves (collected, hashed, sealed) and audits its addition.
    await node.app.node.services.evidence.add(
      operator,
      { requestId, filename: 'a.bin', mediaType: 'application/octet-stream', metadata: evidenceMetadata() },
      Readable.from([contentOf(1000, 1)]),
    );
    node.clock.advance(90_000);
    const waiting = await scrape();
    expect(waiting.value('hanoi247_ledger_unsequenced_leaves', { source: 'custody' })).toBe(3);
    expect(waiting.value('hanoi247_ledger_unsequenced_leaves', { source: 'audit' })).toBeGreaterThanOrEqual(1);
    expect(waiting.value('hanoi247_ledger_oldest_unsequenced_age_seconds')).toBe(90);
    expect(waiting.value('hanoi247_ledger_checkpoint_age_seconds')).toBe(90);
    expect(waiting.value('hanoi247_ledger_leaves')).toBe(treeSize);

    const run = await node.app.node.services.ledgerSequencer.sequence();
    const after = await scrape();
    expect(after.value('hanoi247_ledger_leaves')).toBe(run!.treeSize);
    expect(run!.treeSize - treeSize).toBeGreaterThanOrEqual(4);
    expect(after.value('hanoi247_ledger_unsequenced_leaves', { source: 'custody' })).toBe(0);
    expect(after.value('hanoi247_ledger_checkpoint_age_seconds')).toBe(0);
  });

  it('reports the evidence bytes stored, identical content once', async () => {
    const before = (await scrape()).value('hanoi247_evidence_stored_bytes');
    const add = (filename: string, content: Buffer) =>
      node.app.node.services.evidence.add(
        operator,
        { requestId, filename, mediaType: 'application/octet-stream', metadata: evidenceMetadata() },
        Readable.from([content]),
      );
    await add('b.bin', contentOf(4096, 2));
    await add('b-again.bin', contentOf(4096, 2));
    await add('c.bin', contentOf(512, 3));
    expect((await scrape()).value('hanoi247_evidence_stored_bytes')).toBe(before + 4096 + 512);
  });

  it('reports each partner\u2019s queue, the age of its oldest message and its delivery failures', async () => {
    const db = node.app.node.database.db;
    const at = node.clock.now();
    const message = (id: string, to: string, status: OutboxRecord['status'], secondsAgo: number): OutboxRecord => ({
      messageId: id,
      toCountry: to,
      type: 'request.sent',
      requestId: null,
      envelope: status === 'undeliverable' ? null : '{}',
      envelopeDigest: null,
      status,
      priorityRank: 1,
      attempts: status === 'failed' ? 50 : 0,
      nextAttemptAt: at.toISOString(),
      lastError: status === 'pending' ? null : 'refused',
      receipt: null,
      createdAt: new Date(at.getTime() - secondsAgo * 1000).toISOString(),
      deliveredAt: null,
    });
    for (const m of [
      message('m-sg-1', 'SG', 'pending', 120),
      message('m-sg-2', 'SG', 'pending', 30),
      message('m-sg-3', 'SG', 'failed', 600),
      message('m-fr-1', 'FR', 'undeliverable', 10),
      message('m-fr-2', 'FR', 'delivered', 10),
    ]) {
      await outboxRepository.insert(db, m);
    }
    // A pinned partner with nothing waiting still has its series, at zero.
    await peerRepository.upsert(db, {
      country: 'DE',
      name: 'Germany node',
      baseUrl: 'https://de.example',
      signedDescriptor: '{}',
      pinnedFingerprint: 'SHA256:test',
      status: 'active',
      addedAt: at.toISOString(),
      updatedAt: at.toISOString(),
    });
    const s = await scrape();
    const of = (partner: string) => ({
      pending: s.value('hanoi247_federation_outbox_pending_messages', { partner }),
      age: s.value('hanoi247_federation_outbox_oldest_pending_age_seconds', { partner }),
      failed: s.value('hanoi247_federation_delivery_failed_messages', { partner, status: 'failed' }),
      undeliverable: s.value('hanoi247_federation_delivery_failed_messages', { partner, status: 'undeliverable' }),
    });
    expect(of('SG')).toEqual({ pending: 2, age: 120, failed: 1, undeliverable: 0 });
    expect(of('FR')).toEqual({ pending: 0, age: 0, failed: 0, undeliverable: 1 });
    expect(of('DE')).toEqual({ pending: 0, age: 0, failed: 0, undeliverable: 0 });
    node.clock.advance(60_000);
    expect((await scrape()).value('hanoi247_federation_outbox_oldest_pending_age_seconds', { partner: 'SG' })).toBe(
      180,
    );
    await outboxRepository.markDelivered(db, 'm-sg-1', 'receipt', node.clock.now().toISOString());
    const drained = await scrape();
    expect(drained.value('hanoi247_federation_outbox_pending_messages', { partner: 'SG' })).toBe(1);
    expect(drained.value('hanoi247_federation_outbox_oldest_pending_age_seconds', { partner: 'SG' })).toBe(90);
  });
});
