import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../database-schema.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against the schema as it was then, not as typed now */

/**
 * Online fraud (issue 14): institutions' reports with their transfers, and scam indicators stored once
 * per (type, normalised value) with their counts, linked to each report by the role they played.
 * No narrative and no reporter or victim identity is stored yet (docs/fraud-reports.md).
 */
export function fraudReportsMigration(_dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('fraud_reports')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('institution_id', 'text', (c) => c.references('providers.id'))
        .addColumn('institution_reference', 'text')
        .addColumn('body_digest', 'text', (c) => c.notNull())
        .addColumn('scam_type', 'text', (c) => c.notNull())
        .addColumn('scam_types_version', 'text', (c) => c.notNull())
        .addColumn('occurred_at', 'text', (c) => c.notNull())
        .addColumn('reported_at', 'text', (c) => c.notNull())
        .addColumn('first_contact', 'text', (c) => c.notNull())
        .addColumn('province', 'text')
        .addColumn('loss_vnd', 'bigint', (c) => c.notNull())
        .addColumn('identifiers', 'text', (c) => c.notNull())
        .addColumn('tlp', 'text', (c) => c.notNull())
        .addColumn('submitted_by', 'text', (c) => c.notNull())
        .execute();
      // Idempotency: one report per institution and reference (citizens' reports have neither).
      await db.schema
        .createIndex('fraud_reports_reference_idx')
        .on('fraud_reports')
        .columns(['institution_id', 'institution_reference'])
        .unique()
        .execute();
      await db.schema.createIndex('fraud_reports_reported_idx').on('fraud_reports').column('reported_at').execute();

      await db.schema
        .createTable('indicators')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('value_norm', 'text', (c) => c.notNull())
        .addColumn('value_display', 'text', (c) => c.notNull())
        .addColumn('hash_key', 'text', (c) => c.notNull().unique())
        .addColumn('facts', 'text', (c) => c.notNull())
        .addColumn('first_seen', 'text', (c) => c.notNull())
        .addColumn('last_seen', 'text', (c) => c.notNull())
        .addColumn('report_count', 'integer', (c) => c.notNull())
        .addColumn('loss_vnd', 'bigint', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('reported'))
        .addColumn('confidence', 'integer')
        .addColumn('tlp', 'text', (c) => c.notNull().defaultTo('amber'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('fraud_transfers')
        .addColumn('report_id', 'text', (c) => c.notNull().references('fraud_reports.id'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('amount', 'text', (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('payer_institution', 'text')
        .addColumn('payee_type', 'text')
        .addColumn('payee_value', 'text')
        .addColumn('payee_indicator_id', 'text', (c) => c.references('indicators.id'))
        .addColumn('payee_refusal', 'text')
        .addColumn('transaction_reference', 'text')
        .addPrimaryKeyConstraint('fraud_transfers_pk', ['report_id', 'seq'])
        .execute();

      await db.schema
        .createTable('report_indicators')
        .addColumn('report_id', 'text', (c) => c.notNull().references('fraud_reports.id'))
        .addColumn('indicator_id', 'text', (c) => c.notNull().references('indicators.id'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('report_indicators_pk', ['report_id', 'indicator_id', 'role'])
        .execute();
      await db.schema
        .createIndex('report_indicators_indicator_idx')
        .on('report_indicators')
        .column('indicator_id')
        .execute();
    },
  };
}
