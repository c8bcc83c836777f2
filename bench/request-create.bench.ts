import { userPrincipal } from '@hanoi247/core';
import { openNode, type CallContext, type NodeRuntime } from '@hanoi247/server';
import { createTestDatabase, testConfig } from '@hanoi247/testkit';
import { v7 as uuidv7 } from 'uuid';
import { positiveNumberFromEnv, progress, type Benchmark, type BenchResult } from './report.js';

const name = 'request-create';

const details = {
  seekingAuthority: 'A05, Ministry of Public Security of Viet Nam',
  offenceSummary: 'Online investment fraud against 40 victims.',
  dataToPreserve: 'Subscriber and traffic data of the account used to collect payments.',
  dataCategories: ['subscriber', 'traffic'],
  custodianOrLocation: 'Example Platform Pte Ltd, Singapore',
  necessity: 'The suspect deletes accounts within days of each scam.',
  mlaWillFollow: true,
  identifiers: [{ kind: 'account', service: 'Example Platform', handle: 'invest.quick.vn' }],
  contact24x7: 'A05 24/7 desk, +84 24 0000 0000',
};

/** The row the service would write, prebuilt: the baseline pays only for the insert itself. */
function bareRow(i: number) {
  const now = new Date().toISOString();
  return {
    id: uuidv7(),
    reference: `VN-BARE-${String(i).padStart(8, '0')}`,
    case_id: null,
    type: 'PRESERVATION_42',
    direction: 'outgoing' as const,
    state: 'DRAFT',
    legal_basis: 'UN',
    requesting_state: 'VN',
    requested_state: 'SG',
    language: 'en',
    translations: '[]',
    priority: 'urgent' as const,
    priority_rank: 1,
    emergency_justification: null,
    details: JSON.stringify(details),
    drafted_by: '["bench"]',
    consultation_recorded_at: null,
    parent_request_id: null,
    created_by: 'bench',
    created_at: now,
    updated_at: now,
    version: 1,
  };
}

async function timed(iterations: number, work: (i: number) => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  for (let i = 0; i < iterations; i += 1) await work(i);
  return iterations / (Number(process.hrtime.bigint() - started) / 1e9);
}

async function measure(node: NodeRuntime, iterations: number): Promise<BenchResult> {
  const context: CallContext = {
    principal: userPrincipal({ id: 'bench-officer', username: 'bench.officer', roles: ['duty_officer'] }, 'session'),
    requestId: null,
  };
  const create = () =>
    node.services.requests.createDraft(context, {
      type: 'PRESERVATION_42',
      legalBasis: 'UN',
      requestedState: 'SG',
      language: 'en',
      priority: 'urgent',
      details,
    });
  for (let i = 0; i < 20; i += 1) await create();
  const service = await timed(iterations, create);
  progress(name, `validate + persist + audit through the request service: ${service.toFixed(0)} requests/s`);
  const rows = Array.from({ length: iterations + 20 }, (_, i) => bareRow(i));
  for (let i = 0; i < 20; i += 1) {
    await node.database.db
      .insertInto('requests')
      .values(rows[iterations + i]!)
      .execute();
  }
  const bare = await timed(iterations, (i) => node.database.db.insertInto('requests').values(rows[i]!).execute());
  progress(name, `bare insert of the same row: ${bare.toFixed(0)} rows/s`);
  return { value: service, baseline: bare, unit: 'requests/s' };
}

export const requestCreateBenchmark: Benchmark = {
  name,
  description: 'validate + persist + audit one request vs a bare insert of the same row (SQLite, synchronous=FULL)',
  async run() {
    const iterations = positiveNumberFromEnv('BENCH_ITERATIONS', 300);
    const database = await createTestDatabase('sqlite');
    const node = await openNode(testConfig(database));
    try {
      return await measure(node, iterations);
    } finally {
      await node.close();
      await database.drop();
    }
  },
};
