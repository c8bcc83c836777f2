import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../database-schema.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against the schema as it was then, not as typed now */

/**
 * Clusters of fraud reports (issue 14 item 4): reports sharing a linking indicator form one cluster, kept
 * incrementally with its totals. An indicator points at its cluster (`indicators.cluster_id`, indexed) and each
 * clustered report is listed once in `cluster_reports`, so joining, merging and splitting touch only the
 * clusters involved (docs/fraud-clusters.md).
 */
export function fraudClustersMigration(_dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('fraud_clusters')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('report_count', 'integer', (c) => c.notNull())
        .addColumn('victim_count', 'integer', (c) => c.notNull())
        .addColumn('loss_vnd', 'bigint', (c) => c.notNull())
        .addColumn('first_seen', 'text')
        .addColumn('last_seen', 'text')
        // JSON objects: each province and scam type with its number of reports (a merge adds them up).
        .addColumn('provinces', 'text', (c) => c.notNull())
        .addColumn('scam_types', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('fraud_clusters_last_seen_idx').on('fraud_clusters').column('last_seen').execute();
      await db.schema.createIndex('fraud_clusters_loss_idx').on('fraud_clusters').column('loss_vnd').execute();

      await db.schema
        .createTable('cluster_reports')
        .addColumn('report_id', 'text', (c) => c.primaryKey().references('fraud_reports.id'))
        .addColumn('cluster_id', 'text', (c) => c.notNull().references('fraud_clusters.id'))
        .execute();
      await db.schema.createIndex('cluster_reports_cluster_idx').on('cluster_reports').column('cluster_id').execute();

      await db.schema
        .alterTable('indicators')
        .addColumn('cluster_id', 'text', (c) => c.references('fraud_clusters.id'))
        .execute();
      await db.schema.createIndex('indicators_cluster_idx').on('indicators').column('cluster_id').execute();
    },
  };
}
