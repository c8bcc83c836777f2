import { createTestDatabase, testBackends, type TestDatabase } from '@hanoi247/testkit';
import { Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../migrate.js';
import { openDatabase, type DatabaseHandle } from '../open-database.js';
import { migrationsFor } from './index.js';

/**
 * A database written by the previous version (0008), with the English notes it used to write, is
 * migrated: the notes become codes, typed text stays, and the confirmed date moves onto the request.
 */
describe.each(testBackends())('migration 0009 on %s', (backend) => {
  let database: TestDatabase;
  let handle: DatabaseHandle;
  const at = '2026-11-02T03:00:00.000Z';
  const requestId = 'req-0008';

  const event = (seq: number, action: string, payload: Record<string, unknown>) => ({
    id: `event-${seq}`,
    request_id: requestId,
    kind: 'transition',
    action,
    from_state: null,
    to_state: null,
    response_kind: null,
    actor_id: null,
    actor_name: 'sg.duty',
    occurred_at: at,
    payload: JSON.stringify(payload),
  });

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    handle = openDatabase(database);
    const migrator = new Migrator({
      db: handle.db,
      provider: { getMigrations: () => Promise.resolve(migrationsFor(handle.dialect)) },
    });
    const previous = await migrator.migrateTo('0008-request-assignee');
    expect(previous.error).toBeUndefined();
    // Written as 0008 wrote it: the columns of that version only.
    await handle.db
      .insertInto('requests')
      .values({
        id: requestId,
        reference: 'VN-2026-000001',
        case_id: null,
        type: 'PRESERVATION_42',
        direction: 'incoming',
        state: 'PRESERVED',
        legal_basis: 'UN',
        requesting_state: 'VN',
        requested_state: 'SG',
        language: 'en',
        translations: '[]',
        priority: 'normal',
        priority_rank: 2,
        emergency_justification: null,
        details: '{}',
        drafted_by: '[]',
        consultation_recorded_at: null,
        parent_request_id: null,
        created_by: null,
        created_at: at,
        updated_at: at,
        version: 5,
        assigned_to: null,
      } as never)
      .execute();
    await handle.db
      .insertInto('request_events')
      .values([
        event(1, 'issue-domestic-order', { note: 'Domestic order(s) SG-ORD-2026-000001' }),
        event(2, 'confirm-preserved', {
          preservedUntil: '2027-01-31T14:00:00+07:00',
          note: 'Preserved by the service provider under domestic order SG-ORD-2026-000001: login log',
        }),
        event(3, 'triage', { note: 'Checked with the prosecutor by phone' }),
      ] as never)
      .execute();
    await migrateToLatest(handle);
  });

  afterAll(async () => {
    await handle.close();
    await database.drop();
  });

  it('turns the English notes into codes and keeps the officer\u2019s own words', async () => {
    const rows = await handle.db
      .selectFrom('request_events')
      .select(['action', 'payload'])
      .where('request_id', '=', requestId)
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => [r.action, JSON.parse(r.payload) as unknown])).toEqual([
      ['issue-domestic-order', { notes: [{ code: 'order.drafted', params: { orders: ['SG-ORD-2026-000001'] } }] }],
      [
        'confirm-preserved',
        {
          preservedUntil: '2027-01-31T14:00:00+07:00',
          information: 'login log',
          notes: [
            {
              code: 'order.preservation-confirmed-before-periods',
              params: { order: 'SG-ORD-2026-000001', until: '2027-01-31T14:00:00+07:00' },
            },
          ],
        },
      ],
      ['triage', { note: 'Checked with the prosecutor by phone' }],
    ]);
  });

  it('puts the date the provider confirmed on the request', async () => {
    const row = await handle.db
      .selectFrom('requests')
      .select(['preserved_until', 'preservation_ordered_until'])
      .where('id', '=', requestId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ preserved_until: '2027-01-31T14:00:00+07:00', preservation_ordered_until: null });
  });
});
