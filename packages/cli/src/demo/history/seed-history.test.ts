import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { userPrincipal } from '@hanoi247/core';
import {
  evidenceRepository,
  loadKeyring,
  requestRepository,
  userRepository,
  verifyLedger,
  type NodeRuntime,
} from '@hanoi247/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDemoNetwork, startDemoNetwork, type DemoNetwork } from '../demo-network.js';
import type { DemoOptions } from '../demo-options.js';

const options = (dataDir: string, seed: number): DemoOptions => ({
  countries: ['VN', 'SG', 'FR'],
  dataDir,
  basePort: 0,
  scenario: null,
  exit: true,
  logLevel: 'silent',
  history: true,
  seed,
});

/** What the history says, without what may differ between two runs (ids, keys, dates). */
async function requestsOf(node: NodeRuntime) {
  const requests = await requestRepository.list(node.database.db, { limit: 1000, offset: 0 });
  const evidence = async (id: string) => (await evidenceRepository.listForRequest(node.database.db, id, 100)).length;
  const listed = await Promise.all(
    requests.map(async (r) => ({
      reference: r.reference,
      type: r.type,
      direction: r.direction,
      state: r.state,
      priority: r.priority,
      language: r.language,
      text: String(r.details['offenceSummary'] ?? r.details['subjectMatter'] ?? r.details['subject']),
      evidence: await evidence(r.id),
    })),
  );
  return listed.sort((a, b) => a.reference.localeCompare(b.reference));
}

async function ordersOf(node: NodeRuntime, country: string) {
  const user = await userRepository.findByUsername(node.database.db, `${country.toLowerCase()}.supervisor`);
  if (user === undefined) throw new Error('no supervisor');
  const context = { principal: userPrincipal(user, 'session'), requestId: null };
  const orders = await node.services.orders.list(context, { limit: 500, offset: 0 });
  return orders
    .map((o) => ({ reference: o.reference, type: o.type, state: o.state }))
    .sort((a, b) => a.reference.localeCompare(b.reference));
}

async function contents(network: DemoNetwork) {
  return Promise.all(
    network.nodes.map(async (n) => ({
      country: n.country,
      requests: await requestsOf(n.app.node),
      orders: await ordersOf(n.app.node, n.country),
    })),
  );
}

describe('the demo history', () => {
  const dirs: string[] = [];
  let first: Awaited<ReturnType<typeof contents>>;
  let firstDir: string;

  const seeded = async (seed: number, dataDir = mkdtempSync(join(tmpdir(), 'h247-history-'))) => {
    dirs.push(dataDir);
    const network = await startDemoNetwork(options(dataDir, seed), 'test');
    try {
      const verified = await Promise.all(
        network.nodes.map(async (n) => {
          const keyring = loadKeyring(n.dataDir);
          if (keyring === null) throw new Error(`no keys in ${n.dataDir}`);
          return (await verifyLedger(n.app.node.database.db, keyring)).problem;
        }),
      );
      return { dataDir, summary: network.history, verified, contents: await contents(network) };
    } finally {
      await closeDemoNetwork(network.nodes.map((n) => n.app));
    }
  };

  beforeAll(async () => {
    const run = await seeded(11);
    first = run.contents;
    firstDir = run.dataDir;
    expect(run.verified).toEqual([null, null, null]);
    expect(run.summary?.problem).toBeNull();
    expect(run.summary?.requests).toBeGreaterThanOrEqual(30);
  }, 60_000);
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('reaches every state of the requests and the orders, each request marked as demo data', () => {
    const requests = first.flatMap((n) => n.requests);
    expect(new Set(requests.map((r) => r.state))).toEqual(
      new Set([
        ...['DRAFT', 'SUBMITTED', 'APPROVED', 'SENT', 'RECEIVED', 'ACKNOWLEDGED', 'WITHDRAWN'],
        ...['TRIAGE', 'INFO_REQUESTED', 'ACCEPTED', 'REFUSED', 'DOMESTIC_ORDER_ISSUED', 'PRESERVED', 'WARNING_ISSUED'],
        ...['EXTENSION_REQUESTED', 'UNDER_ASSESSMENT', 'CONSULTATION', 'IN_EXECUTION', 'CLOSED'],
        ...['CONDITIONS_ACCEPTED', 'ANSWERED'],
      ]),
    );
    expect(new Set(first.flatMap((n) => n.orders).map((o) => o.state))).toEqual(
      new Set([
        'CREATED',
        'AUTHORISED',
        'SERVED',
        'ACKNOWLEDGED',
        'PRESERVED',
        'OBJECTED',
        'EVIDENCE_INGESTED',
        'WITHDRAWN',
      ]),
    );
    expect(new Set(requests.map((r) => r.type))).toEqual(new Set(['PRESERVATION_42', 'STORED_DATA_44', 'LE_INFO_47']));
    expect(new Set(requests.map((r) => r.language))).toEqual(new Set(['en', 'vi']));
    expect(requests.filter((r) => !r.text.startsWith('[DEMO] '))).toEqual([]);
    // The provider's production, with its custody, reached the requesting State before it closed the request.
    const closed = requests.filter((r) => r.state === 'CLOSED' && r.type === 'STORED_DATA_44');
    expect(closed.length).toBeGreaterThan(0);
    expect(closed.every((r) => r.evidence === 1)).toBe(true);
  });

  it('records each request that crossed on both nodes, in the same state', () => {
    const [vn, ...partners] = first;
    const theirs = new Map(partners.flatMap((n) => n.requests).map((r) => [r.reference, r]));
    const crossed = (vn?.requests ?? []).filter((r) => theirs.has(r.reference));
    expect(crossed.length).toBeGreaterThanOrEqual(20);
    // Only an unacknowledged request reads differently: SENT for its sender, RECEIVED for VN.
    const differing = crossed.filter((r) => theirs.get(r.reference)?.state !== r.state);
    expect(differing.every((r) => r.state === 'RECEIVED' && theirs.get(r.reference)?.state === 'SENT')).toBe(true);
  });

  it('seeds the same contents from the same seed, and leaves a seeded network alone on restart', async () => {
    const again = await seeded(11);
    expect(again.contents).toEqual(first);
    const restarted = await seeded(11, firstDir);
    expect(restarted.summary).toBeNull();
    expect(restarted.contents).toEqual(first);
  }, 60_000);
});
