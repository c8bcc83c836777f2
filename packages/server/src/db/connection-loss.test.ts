import { createTestDatabase, postgresTestUrl, type TestDatabase } from '@hanoi247/testkit';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from './open-database.js';

/**
 * A PostgreSQL restart or a terminated backend kills the pool's idle connections. That must
 * be reported and survived, never end the node (an unheard pool 'error' event would).
 */
describe.skipIf(postgresTestUrl() === null)('losing idle PostgreSQL connections', () => {
  let database: TestDatabase;
  let handle: DatabaseHandle;
  const lost: Error[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    handle = openDatabase(database, (error) => lost.push(error));
  });
  afterAll(async () => {
    await handle.close();
    await database.drop();
  });

  it('reports the lost connection and answers the next query on a fresh one', async () => {
    await sql`SELECT 1`.execute(handle.db);
    const admin = new pg.Client({ connectionString: database.databaseUrl ?? '' });
    await admin.connect();
    try {
      const terminated = await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ' +
          'current_database() AND pid <> pg_backend_pid()',
      );
      expect(terminated.rowCount).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
    await expect.poll(() => lost.length, { timeout: 10_000 }).toBeGreaterThan(0);
    const { rows } = await sql<{ answer: number }>`SELECT 42 AS answer`.execute(handle.db);
    expect(rows).toEqual([{ answer: 42 }]);
  });
});
