import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Db, Dialect } from './database-schema.js';
import { cachingSqliteDatabase } from './statement-cache.js';

export interface DatabaseHandle {
  readonly db: Db;
  readonly dialect: Dialect;
  /** Human description without credentials, for logs. */
  readonly description: string;
  close(): Promise<void>;
}

export interface DatabaseTarget {
  readonly dataDir: string;
  readonly databaseUrl: string | null;
}

/** Told when the server drops an idle pooled connection (a restart, a terminated backend). */
export type ConnectionErrorListener = (error: Error) => void;

export function sqliteFile(dataDir: string): string {
  return join(dataDir, 'hanoi247.db');
}

function openSqlite(dataDir: string): DatabaseHandle {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = sqliteFile(dataDir);
  const sqlite = new SqliteDatabase(file);
  chmodSync(file, 0o600);
  // First, so that switching to WAL already waits for a second process opening the same file.
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('journal_mode = WAL');
  // FULL: a commit that returned has been fsynced, which audit, receipt and ledger rows need.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  const integrity = sqlite.pragma('quick_check', { simple: true });
  if (integrity !== 'ok') {
    sqlite.close();
    throw new Error(`database file ${file} failed its integrity check: ${String(integrity)}`);
  }
  // Prepared statements are reused across queries: preparing cost more than running a lookup.
  const db: Db = new Kysely({ dialect: new SqliteDialect({ database: cachingSqliteDatabase(sqlite) }) });
  return { db, dialect: 'sqlite', description: `sqlite:${file}`, close: () => db.destroy() };
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = parsed.password ? '***' : '';
    return parsed.toString();
  } catch {
    return 'postgres:(unparseable url)';
  }
}

const int8Oid = 20;

function openPostgres(url: string, onConnectionError: ConnectionErrorListener): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // int8 as a JS number: sequence numbers and TOTP steps stay far below 2^53.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === int8Oid
          ? (value: string) => Number(value)
          : (pg.types.getTypeParser(oid, format) as unknown)) as pg.CustomTypesConfig['getTypeParser'],
    },
  });
  // An idle client that loses its server emits 'error' on the pool; unheard, that event would
  // end the process. The pool discards the client and the next query opens a fresh one.
  pool.on('error', onConnectionError);
  const db: Db = new Kysely({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', description: redactUrl(url), close: () => db.destroy() };
}

/** The storage choice is a config value decided here, never at import time. */
export function openDatabase(
  target: DatabaseTarget,
  onConnectionError: ConnectionErrorListener = () => undefined,
): DatabaseHandle {
  return target.databaseUrl === null ? openSqlite(target.dataDir) : openPostgres(target.databaseUrl, onConnectionError);
}
