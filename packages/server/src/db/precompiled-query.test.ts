import SqliteDatabase from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect, type KyselyPlugin } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import type { DatabaseSchema, Executor } from './database-schema.js';
import { precompiledQuery } from './precompiled-query.js';

/** Only the users table is needed; the full schema type keeps the builder honest. */
function usersDb(plugins: KyselyPlugin[] = []): Kysely<DatabaseSchema> {
  const sqlite = new SqliteDatabase(':memory:');
  sqlite.exec(
    `CREATE TABLE users (id TEXT PRIMARY KEY, username TEXT, display_name TEXT, roles TEXT, password_hash TEXT,
     totp_secret TEXT, totp_last_step INTEGER, status TEXT, created_at TEXT, updated_at TEXT)`,
  );
  const insert = sqlite.prepare(`INSERT INTO users VALUES (?, ?, 'Name', '[]', 'x', NULL, NULL, ?, 't', 't')`);
  insert.run('u1', 'lan', 'active');
  insert.run('u2', 'minh', 'disabled');
  return new Kysely<DatabaseSchema>({ dialect: new SqliteDialect({ database: sqlite }), plugins });
}

describe('precompiledQuery', () => {
  const db = usersDb();
  afterAll(async () => db.destroy());
  const byStatus = precompiledQuery((executor: Executor, status: 'active' | 'disabled', username: string) =>
    executor
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where('status', '=', status)
      .where('username', '=', username),
  );

  it('binds fresh arguments on every run of the same compiled query', async () => {
    expect(await byStatus.execute(db, 'active', 'lan')).toEqual([{ id: 'u1', display_name: 'Name' }]);
    expect(await byStatus.takeFirst(db, 'disabled', 'minh')).toEqual({ id: 'u2', display_name: 'Name' });
    expect(await byStatus.takeFirst(db, 'active', 'minh')).toBeUndefined();
  });

  it('runs inside a transaction of the same database', async () => {
    await db.transaction().execute(async (tx) => {
      await tx.updateTable('users').set({ status: 'disabled' }).where('id', '=', 'u1').execute();
      expect(await byStatus.takeFirst(tx, 'disabled', 'lan')).toEqual({ id: 'u1', display_name: 'Name' });
    });
  });

  it('gives a database with plugins the ordinary path, so plugins still apply', async () => {
    const camel = usersDb([new CamelCasePlugin()]);
    const rows = await byStatus.execute(camel, 'active', 'lan');
    expect(rows).toEqual([{ id: 'u1', displayName: 'Name' }]);
    await camel.destroy();
  });

  it('refuses a builder that does not bind each argument as a parameter', async () => {
    const branching = precompiledQuery((executor: Executor, username: string) =>
      // Branches on the argument, which a compiled-once query cannot honour.
      username === 'lan'
        ? executor.selectFrom('users').select('id').where('username', '=', username)
        : executor.selectFrom('users').select('id'),
    );
    await expect(branching.execute(db, 'minh')).rejects.toThrow(/not a bound parameter/);
  });
});
