import type { Database as SqliteConnection, Statement } from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Enough for every distinct query the node issues; `IN (…)` lists of varying length cannot grow it past this. */
export const defaultStatementCacheSize = 256;

export interface StatementCacheStats {
  readonly size: number;
  readonly hits: number;
  readonly misses: number;
}

export interface CachingSqliteDatabase extends SqliteDatabase {
  stats(): StatementCacheStats;
}

/**
 * Kysely's SqliteDialect calls `prepare(sql)` for every query, and compiling SQL costs more
 * than running an indexed lookup. This wrapper hands back one prepared statement per SQL text
 * instead (least recently used evicted first). Reuse is safe because Kysely serialises all
 * work on its single SQLite connection behind a mutex, and better-sqlite3 resets a statement
 * and rebinds every parameter on each call, so nothing carries over from the previous run.
 * SQLite re-prepares a statement itself when a migration changes the schema.
 */
export function cachingSqliteDatabase(
  sqlite: SqliteConnection,
  capacity = defaultStatementCacheSize,
): CachingSqliteDatabase {
  if (!Number.isInteger(capacity) || capacity < 1) {
    throw new Error(`statement cache capacity must be a positive integer, got ${capacity}`);
  }
  // Map iteration order is insertion order, so the first key is the least recently used one.
  const statements = new Map<string, Statement>();
  let hits = 0;
  let misses = 0;

  return {
    prepare(text: string): SqliteStatement {
      // Kysely opens transactions with a deferred BEGIN. Nearly every transaction here writes
      // (at least its audit entry); a deferred one that read first and then writes fails at once
      // with SQLITE_BUSY_SNAPSHOT when another process (the CLI beside a running node) committed
      // meanwhile, and busy_timeout cannot help. IMMEDIATE takes the write lock up front and waits.
      const sql = text === 'begin' ? 'begin immediate' : text;
      const cached = statements.get(sql);
      // A statement still being iterated (a streamed query) cannot be run again; give it a fresh one.
      if (cached !== undefined && !cached.busy) {
        hits += 1;
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      misses += 1;
      const statement = sqlite.prepare(sql);
      if (cached === undefined) {
        if (statements.size >= capacity) {
          const oldest = statements.keys().next();
          if (oldest.done !== true) statements.delete(oldest.value);
        }
        statements.set(sql, statement);
      }
      return statement;
    },
    close(): void {
      // better-sqlite3 finalises every statement it prepared when the connection closes.
      statements.clear();
      sqlite.close();
    },
    stats: () => ({ size: statements.size, hits, misses }),
  };
}
