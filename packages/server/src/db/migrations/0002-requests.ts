import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../database-schema.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against the schema as it was then, not as typed now */

export function requestsMigration(dialect: Dialect): Migration {
  const serial = (table: ReturnType<Kysely<any>['schema']['createTable']>) =>
    table.addColumn('seq', dialect === 'sqlite' ? 'integer' : 'bigserial', (c) =>
      dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey(),
    );
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('counters')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('value', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('cases')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('domestic_reference', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('requests')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('reference', 'text', (c) => c.notNull().unique())
        .addColumn('case_id', 'text', (c) => c.references('cases.id'))
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('direction', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('legal_basis', 'text', (c) => c.notNull())
        .addColumn('requesting_state', 'text', (c) => c.notNull())
        .addColumn('requested_state', 'text', (c) => c.notNull())
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('translations', 'text', (c) => c.notNull())
        .addColumn('priority', 'text', (c) => c.notNull())
        .addColumn('priority_rank', 'integer', (c) => c.notNull())
        .addColumn('emergency_justification', 'text')
        .addColumn('details', 'text', (c) => c.notNull())
        .addColumn('drafted_by', 'text', (c) => c.notNull())
        .addColumn('consultation_recorded_at', 'text')
        .addColumn('parent_request_id', 'text')
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('requests_queue_idx')
        .on('requests')
        .columns(['priority_rank', 'created_at'])
        .execute();
      await db.schema.createIndex('requests_case_idx').on('requests').column('case_id').execute();

      await serial(db.schema.createTable('request_events'))
        .addColumn('id', 'text', (c) => c.notNull().unique())
        .addColumn('request_id', 'text', (c) => c.notNull().references('requests.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('from_state', 'text')
        .addColumn('to_state', 'text')
        .addColumn('response_kind', 'text')
        .addColumn('actor_id', 'text')
        .addColumn('actor_name', 'text', (c) => c.notNull())
        .addColumn('occurred_at', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('request_events_request_idx')
        .on('request_events')
        .columns(['request_id', 'seq'])
        .execute();

      await db.schema
        .createTable('request_conditions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('request_id', 'text', (c) => c.notNull().references('requests.id'))
        .addColumn('event_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('decided_at', 'text')
        .execute();
      await db.schema
        .createIndex('request_conditions_request_idx')
        .on('request_conditions')
        .column('request_id')
        .execute();

      await db.schema
        .createTable('request_links')
        .addColumn('from_request_id', 'text', (c) => c.notNull().references('requests.id'))
        .addColumn('to_reference', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('request_links_pk', ['from_request_id', 'to_reference', 'kind'])
        .execute();

      await db.schema
        .createTable('deadlines')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('request_id', 'text', (c) => c.notNull().references('requests.id'))
        .addColumn('rule_id', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('due_at', 'text', (c) => c.notNull())
        .addColumn('warn_at', 'text', (c) => c.notNull())
        .addColumn('closed_at', 'text')
        .addColumn('escalated_at', 'text')
        .execute();
      await db.schema.createIndex('deadlines_active_idx').on('deadlines').columns(['status', 'due_at']).execute();
      await db.schema.createIndex('deadlines_request_idx').on('deadlines').column('request_id').execute();
    },
  };
}
