import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../database-schema.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against the schema as it was then, not as typed now */

/**
 * Durable jobs (ADR 0009): an effect a committed change promised, written in the same transaction
 * and carried out afterwards, retried with back-off, claimed under a fenced lease so that processes
 * sharing one PostgreSQL database never run it twice at once.
 */
export function jobsMigration(_dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('jobs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('run_at', 'text', (c) => c.notNull())
        // The fence: each claim writes a new token, and every later write of that run names it.
        .addColumn('lease_token', 'text')
        .addColumn('leased_until', 'text')
        .addColumn('error_code', 'text')
        .addColumn('error_detail', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .execute();
      await db.schema.createIndex('jobs_due_idx').on('jobs').columns(['state', 'run_at']).execute();
    },
  };
}
