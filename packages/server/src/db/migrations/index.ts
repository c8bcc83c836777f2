import type { Migration } from 'kysely';
import type { Dialect } from '../database-schema.js';
import { foundationMigration } from './0001-foundation.js';
import { requestsMigration } from './0002-requests.js';
import { federationMigration } from './0003-federation.js';
import { ledgerMigration } from './0004-ledger.js';
import { evidenceMigration } from './0005-evidence.js';
import { providersMigration } from './0006-providers.js';
import { orderEvidenceMigration } from './0007-order-evidence.js';
import { requestAssigneeMigration } from './0008-request-assignee.js';
import { orderDrivenPreservationMigration } from './0009-order-driven-preservation.js';
import { jobsMigration } from './0010-jobs.js';
import { fraudReportsMigration } from './0011-fraud-reports.js';
import { outboxLeaseMigration } from './0012-outbox-lease.js';
import { fraudClustersMigration } from './0013-fraud-clusters.js';
import { citizenReportsMigration } from './0014-citizen-reports.js';

/**
 * Versioned migrations in order. Imported statically (not read from disk) so the set is
 * fixed at build time and identical wherever the node runs. Never edit a released one.
 */
export function migrationsFor(dialect: Dialect): Record<string, Migration> {
  return {
    '0001-foundation': foundationMigration(dialect),
    '0002-requests': requestsMigration(dialect),
    '0003-federation': federationMigration(dialect),
    '0004-ledger': ledgerMigration(dialect),
    '0005-evidence': evidenceMigration(dialect),
    '0006-providers': providersMigration(dialect),
    '0007-order-evidence': orderEvidenceMigration(dialect),
    '0008-request-assignee': requestAssigneeMigration(dialect),
    '0009-order-driven-preservation': orderDrivenPreservationMigration(dialect),
    '0010-jobs': jobsMigration(dialect),
    '0011-fraud-reports': fraudReportsMigration(dialect),
    '0012-outbox-lease': outboxLeaseMigration(dialect),
    '0013-fraud-clusters': fraudClustersMigration(dialect),
    '0014-citizen-reports': citizenReportsMigration(dialect),
  };
}
