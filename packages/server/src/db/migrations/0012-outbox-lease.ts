import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../database-schema.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against the schema as it was then, not as typed now */

/**
 * A dispatcher claims an outbox message before it sends it, by one conditional UPDATE: of two
 * dispatch runs (in one process or in two sharing the database) only one sends each message.
 * A lease that runs out (the process died mid-send) frees the message for the next run.
 */
export function outboxLeaseMigration(_dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('outbox').addColumn('lease_token', 'text').execute();
      await db.schema.alterTable('outbox').addColumn('leased_until', 'text').execute();
    },
  };
}
