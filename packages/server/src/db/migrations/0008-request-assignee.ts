import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../database-schema.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against the schema as it was then, not as typed now */

/** A request may be assigned to the officer who handles it; the inbox filters on it. */
export function requestAssigneeMigration(_dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('requests').addColumn('assigned_to', 'text').execute();
      await db.schema.createIndex('requests_assigned_to_idx').on('requests').column('assigned_to').execute();
    },
  };
}
