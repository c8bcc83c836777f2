import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../database-schema.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against the schema as it was then, not as typed now */

/**
 * Production under a purely domestic order has no request to belong to: an evidence item (and
 * the resumable upload that brings it) may belong to a domestic order instead. Items of a request
 * that came from an order name the order too.
 */
export function orderEvidenceMigration(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .alterTable('evidence_items')
        .addColumn('order_id', 'text', (c) => c.references('domestic_orders.id'))
        .execute();
      await db.schema.createIndex('evidence_items_order_idx').on('evidence_items').column('order_id').execute();
      if (dialect === 'postgres') {
        await db.schema
          .alterTable('evidence_uploads')
          .alterColumn('request_id', (c) => c.dropNotNull())
          .execute();
        await db.schema.alterTable('evidence_uploads').addColumn('order_id', 'text').execute();
        return;
      }
      // SQLite cannot drop NOT NULL: rebuild the table (open uploads and their offsets carry over).
      await db.schema
        .createTable('evidence_uploads_next')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('request_id', 'text')
        .addColumn('order_id', 'text')
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
      await sql`INSERT INTO evidence_uploads_next (id, request_id, declared_size, declared_sha256, received_bytes, metadata, status, evidence_id, created_by, created_at, expires_at)
        SELECT id, request_id, declared_size, declared_sha256, received_bytes, metadata, status, evidence_id, created_by, created_at, expires_at FROM evidence_uploads`.execute(
        db,
      );
      await db.schema.dropTable('evidence_uploads').execute();
      await db.schema.alterTable('evidence_uploads_next').renameTo('evidence_uploads').execute();
    },
  };
}
