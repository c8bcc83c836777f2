import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../database-schema.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against the schema as it was then, not as typed now */

/**
 * Citizens' fraud reports (issue 14, item 1): the acknowledgement number and the hashed status token of
 * each, its public status timeline, the sealed narrative and reporter's contact kept apart from the
 * indicators (field-level AES-256-GCM, privacy/field-box.ts), and the proof-of-work challenges already spent.
 */
export function citizenReportsMigration(_dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('citizen_reports')
        .addColumn('report_id', 'text', (c) => c.primaryKey().references('fraud_reports.id'))
        .addColumn('ack_number', 'text', (c) => c.notNull().unique())
        .addColumn('ack_year', 'integer', (c) => c.notNull())
        .addColumn('ack_seq', 'integer', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('citizen_reports_seq_idx')
        .on('citizen_reports')
        .columns(['ack_year', 'ack_seq'])
        .unique()
        .execute();

      await db.schema
        .createTable('citizen_report_events')
        .addColumn('report_id', 'text', (c) => c.notNull().references('fraud_reports.id'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('citizen_report_events_pk', ['report_id', 'seq'])
        .execute();

      await db.schema
        .createTable('fraud_report_narratives')
        .addColumn('report_id', 'text', (c) => c.notNull().references('fraud_reports.id'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('sealed', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('fraud_report_narratives_pk', ['report_id', 'seq'])
        .execute();

      await db.schema
        .createTable('fraud_report_parties')
        .addColumn('report_id', 'text', (c) => c.notNull().references('fraud_reports.id'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('sealed', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('fraud_report_parties_pk', ['report_id', 'role'])
        .execute();

      await db.schema
        .createTable('fraud_pow_challenges')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
