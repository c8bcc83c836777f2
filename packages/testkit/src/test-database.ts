import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export type Backend = 'sqlite' | 'postgres';

export interface TestDatabase {
  readonly backend: Backend;
  readonly dataDir: string;
  readonly databaseUrl: string | null;
  drop(): Promise<void>;
}

/** The PostgreSQL server for conformance runs; when unset only SQLite runs. */
export function postgresTestUrl(): string | null {
  const url = process.env['TEST_DATABASE_URL'];
  return url === undefined || url === '' ? null : url;
}

/** SQLite always; PostgreSQL too when TEST_DATABASE_URL is set. */
export function testBackends(): Backend[] {
  return postgresTestUrl() === null ? ['sqlite'] : ['sqlite', 'postgres'];
}

/** The backend for tests that run once: PostgreSQL when configured, which is the stricter engine. */
export function defaultTestBackend(): Backend {
  return process.env['TEST_BACKEND'] === 'postgres' && postgresTestUrl() !== null ? 'postgres' : 'sqlite';
}

/** A fresh, empty database per call, so test files never share state. */
export async function createTestDatabase(backend: Backend = defaultTestBackend()): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'h247-test-'));
  const removeDir = () => rmSync(dataDir, { recursive: true, force: true });
  if (backend === 'sqlite') {
    return { backend, dataDir, databaseUrl: null, drop: async () => removeDir() };
  }
  const serverUrl = postgresTestUrl();
  if (serverUrl === null) throw new Error('TEST_DATABASE_URL is not set');
  const name = `h247_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
  } catch (error) {
    removeDir();
    throw error;
  } finally {
    await admin.end().catch(() => undefined);
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    backend,
    dataDir,
    databaseUrl: url.toString(),
    async drop() {
      removeDir();
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
