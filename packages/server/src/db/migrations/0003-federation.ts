import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../database-schema.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against the schema as it was then, not as typed now */

export function federationMigration(_dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('peers')
        .addColumn('country', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('base_url', 'text', (c) => c.notNull())
        .addColumn('signed_descriptor', 'text', (c) => c.notNull())
        .addColumn('pinned_fingerprint', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('added_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('peer_keys')
        .addColumn('country', 'text', (c) => c.notNull().references('peers.country'))
        .addColumn('key_id', 'text', (c) => c.notNull())
        .addColumn('signing_public_key', 'text', (c) => c.notNull())
        .addColumn('encryption_public_key', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('retired_at', 'text')
        .addPrimaryKeyConstraint('peer_keys_pk', ['country', 'key_id'])
        .execute();

      await db.schema
        .createTable('outbox')
        .addColumn('message_id', 'text', (c) => c.primaryKey())
        .addColumn('to_country', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('request_id', 'text')
        .addColumn('envelope', 'text')
        .addColumn('envelope_digest', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('priority_rank', 'integer', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('next_attempt_at', 'text', (c) => c.notNull())
        .addColumn('last_error', 'text')
        .addColumn('receipt', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('delivered_at', 'text')
        .execute();
      await db.schema
        .createIndex('outbox_due_idx')
        .on('outbox')
        .columns(['status', 'priority_rank', 'next_attempt_at'])
        .execute();

      await db.schema
        .createTable('inbox')
        .addColumn('message_id', 'text', (c) => c.primaryKey())
        .addColumn('from_country', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('envelope', 'text', (c) => c.notNull())
        .addColumn('envelope_digest', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('receipt', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('error', 'text')
        .addColumn('request_id', 'text')
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addColumn('processed_at', 'text')
        .execute();
      await db.schema.createIndex('inbox_status_idx').on('inbox').columns(['status', 'received_at']).execute();
    },
  };
}
