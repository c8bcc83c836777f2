import { Migrator, type MigrationResultSet } from 'kysely';
import { migrationsFor } from './migrations/index.js';
import type { DatabaseHandle } from './open-database.js';

export interface MigrationReport {
  readonly applied: readonly string[];
  readonly current: string | null;
}

/** Brings the schema to the latest version; Kysely's migrator locks so two processes cannot race. */
export async function migrateToLatest(handle: DatabaseHandle): Promise<MigrationReport> {
  const migrations = migrationsFor(handle.dialect);
  const migrator = new Migrator({
    db: handle.db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error !== undefined) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed`, { cause: result.error });
  }
  const applied = (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  const all = await migrator.getMigrations();
  const executed = all.filter((m) => m.executedAt !== undefined);
  return { applied, current: executed.at(-1)?.name ?? null };
}
