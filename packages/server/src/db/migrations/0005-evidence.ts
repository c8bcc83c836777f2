import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../database-schema.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against the schema as it was then, not as typed now */

/**
 * Evidence items (content addressed by the SHA-256 of their plaintext), resumable uploads,
 * custody events (each also a ledger leaf) and Art. 36 onward-transfer authorisations.
 */
export function evidenceMigration(_dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('evidence_items')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('request_id', 'text', (c) => c.references('requests.id'))
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('size', 'bigint', (c) => c.notNull())
        .addColumn('media_type', 'text', (c) => c.notNull())
        .addColumn('filename', 'text', (c) => c.notNull())
        // JSON of the core EvidenceMetadata: source, category, acquisition, zones, limits, retention.
        .addColumn('metadata', 'text', (c) => c.notNull())
        .addColumn('origin_country', 'text', (c) => c.notNull())
        .addColumn('onward_transfer', 'text', (c) => c.notNull())
        .addColumn('personal_data', 'integer', (c) => c.notNull())
        .addColumn('retention_until', 'text')
        // Encryption at rest: the per-item AES-256 key wrapped by the node's storage key (null: stored in clear).
        .addColumn('wrapped_key', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('erased_at', 'text')
        .execute();
      await db.schema.createIndex('evidence_items_request_idx').on('evidence_items').column('request_id').execute();
      await db.schema.createIndex('evidence_items_sha256_idx').on('evidence_items').column('sha256').execute();

      await db.schema
        .createTable('evidence_uploads')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('request_id', 'text', (c) => c.notNull())
        .addColumn('declared_size', 'bigint', (c) => c.notNull())
        .addColumn('declared_sha256', 'text')
        .addColumn('received_bytes', 'bigint', (c) => c.notNull())
        .addColumn('metadata', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('evidence_id', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('custody_events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('evidence_id', 'text', (c) => c.notNull())
        .addColumn('request_id', 'text')
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('occurred_at', 'text', (c) => c.notNull())
        // The canonical leaf (no personal data: that is only committed to) and its SHA-256, hex.
        .addColumn('leaf_data', 'text', (c) => c.notNull())
        .addColumn('event_hash', 'text', (c) => c.notNull())
        // The opening of the commitment: erased at the retention date, the leaf stays provable.
        .addColumn('personal', 'text')
        .addColumn('salt', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('custody_events_evidence_idx')
        .on('custody_events')
        .columns(['evidence_id', 'occurred_at'])
        .execute();

      // Evidence crossing a border: an outgoing offer we serve, or an incoming one we fetch.
      await db.schema
        .createTable('evidence_transfers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('direction', 'text', (c) => c.notNull())
        .addColumn('country', 'text', (c) => c.notNull())
        .addColumn('request_id', 'text', (c) => c.notNull())
        .addColumn('message_id', 'text')
        // The offer as signed into the envelope (items, custody leaves, proofs, checkpoint).
        .addColumn('offer', 'text', (c) => c.notNull())
        // The content key: needed until every item is fetched, then erased.
        .addColumn('content_key', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('next_attempt_at', 'text', (c) => c.notNull())
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('evidence_transfers_due_idx')
        .on('evidence_transfers')
        .columns(['direction', 'status', 'next_attempt_at'])
        .execute();

      // The sending State's custody leaves of an item we received, with their proofs: our own
      // chain for the item starts where theirs ended, so a court follows one chain across borders.
      await db.schema
        .createTable('foreign_custody_events')
        .addColumn('evidence_id', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('country', 'text', (c) => c.notNull())
        .addColumn('leaf_data', 'text', (c) => c.notNull())
        .addColumn('leaf_index', 'bigint', (c) => c.notNull())
        .addColumn('proof', 'text', (c) => c.notNull())
        .addColumn('checkpoint_size', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('foreign_custody_events_pk', ['evidence_id', 'position'])
        .execute();

      await db.schema
        .createTable('onward_transfer_authorisations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('evidence_id', 'text', (c) => c.notNull())
        .addColumn('origin_country', 'text', (c) => c.notNull())
        .addColumn('to_country', 'text', (c) => c.notNull())
        .addColumn('reference', 'text', (c) => c.notNull())
        .addColumn('recorded_by', 'text', (c) => c.notNull())
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
