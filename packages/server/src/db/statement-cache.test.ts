import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { cachingSqliteDatabase } from './statement-cache.js';

function memory() {
  const sqlite = new SqliteDatabase(':memory:');
  sqlite.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)');
  return sqlite;
}

describe('cachingSqliteDatabase', () => {
  it('prepares each SQL text once and hands back the same statement', () => {
    const cache = cachingSqliteDatabase(memory());
    const first = cache.prepare('SELECT name FROM t WHERE id = ?');
    expect(cache.prepare('SELECT name FROM t WHERE id = ?')).toBe(first);
    expect(cache.prepare('SELECT id FROM t')).not.toBe(first);
    expect(cache.stats()).toEqual({ size: 2, hits: 1, misses: 2 });
    cache.close();
  });

  it('keeps reader and writer statements working across reuse, with fresh parameters each time', () => {
    const cache = cachingSqliteDatabase(memory());
    for (const [id, name] of [
      [1, 'một'],
      [2, 'hai'],
    ] as const) {
      const insert = cache.prepare('INSERT INTO t (id, name) VALUES (?, ?)');
      expect(insert.reader).toBe(false);
      expect(insert.run([id, name]).changes).toBe(1);
    }
    const select = cache.prepare('SELECT name FROM t WHERE id = ?');
    expect(select.reader).toBe(true);
    expect(select.all([2])).toEqual([{ name: 'hai' }]);
    expect(cache.prepare('SELECT name FROM t WHERE id = ?').all([1])).toEqual([{ name: 'một' }]);
    cache.close();
  });

  it('evicts the least recently used statement when full', () => {
    const cache = cachingSqliteDatabase(memory(), 2);
    const a = cache.prepare('SELECT 1');
    const b = cache.prepare('SELECT 2');
    expect(cache.prepare('SELECT 1')).toBe(a); // now "SELECT 2" is the oldest
    cache.prepare('SELECT 3');
    expect(cache.stats().size).toBe(2);
    expect(cache.prepare('SELECT 1')).toBe(a);
    expect(cache.prepare('SELECT 2')).not.toBe(b);
    cache.close();
  });

  it('gives a fresh statement while the cached one is still being iterated', () => {
    const cache = cachingSqliteDatabase(memory());
    cache.prepare('INSERT INTO t (id, name) VALUES (?, ?)').run([1, 'a']);
    const streaming = cache.prepare('SELECT name FROM t');
    const iterator = streaming.iterate([]);
    expect(iterator.next().value).toEqual({ name: 'a' });
    const other = cache.prepare('SELECT name FROM t');
    expect(other).not.toBe(streaming);
    expect(other.all([])).toEqual([{ name: 'a' }]);
    iterator.return?.();
    cache.close();
  });

  it('closes the connection on close, as Kysely destroy expects', async () => {
    const sqlite = memory();
    const db = new Kysely<{ t: { id: number; name: string } }>({
      dialect: new SqliteDialect({ database: cachingSqliteDatabase(sqlite) }),
    });
    await db.insertInto('t').values({ id: 7, name: 'bảy' }).execute();
    expect(await db.selectFrom('t').select('name').where('id', '=', 7).executeTakeFirst()).toEqual({ name: 'bảy' });
    // A schema change between two runs of the same cached statement is re-prepared by SQLite.
    await sql`ALTER TABLE t ADD COLUMN note TEXT`.execute(db);
    expect(await db.selectFrom('t').select('name').where('id', '=', 7).executeTakeFirst()).toEqual({ name: 'bảy' });
    await db.destroy();
    expect(sqlite.open).toBe(false);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => cachingSqliteDatabase(memory(), 0)).toThrow(/capacity/);
  });
});
