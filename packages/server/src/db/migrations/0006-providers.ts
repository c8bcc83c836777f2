import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../database-schema.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against the schema as it was then, not as typed now */

/**
 * The provider registry, which users act for which provider, domestic orders (Arts. 24-30)
 * with their timeline and their clocks.
 */
export function providersMigration(dialect: Dialect): Migration {
  const serial = (table: ReturnType<Kysely<any>['schema']['createTable']>) =>
    table.addColumn('seq', dialect === 'sqlite' ? 'integer' : 'bigserial', (c) =>
      dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey(),
    );
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('providers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('legal_name', 'text', (c) => c.notNull())
        .addColumn('country', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        // JSON of the core ProviderInput: contacts, data categories, channel, languages, representative.
        .addColumn('profile', 'text', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('providers_name_idx')
        .on('providers')
        .columns(['country', 'legal_name'])
        .unique()
        .execute();

      await db.schema
        .createTable('provider_memberships')
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('provider_id', 'text', (c) => c.notNull().references('providers.id'))
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('provider_memberships_pk', ['user_id', 'provider_id'])
        .execute();

      await db.schema
        .createTable('domestic_orders')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('reference', 'text', (c) => c.notNull().unique())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('provider_id', 'text', (c) => c.notNull().references('providers.id'))
        // The foreign request this order executes, if any (Art. 42 preservation, Art. 44 production).
        .addColumn('request_id', 'text', (c) => c.references('requests.id'))
        .addColumn('emergency_justification', 'text')
        // JSON of the core OrderInput minus type and provider: authorisation, grounds, scope, duration, period, non-disclosure.
        .addColumn('terms', 'text', (c) => c.notNull())
        // JSON array of preservation periods; renewals append, each chained to the previous end.
        .addColumn('periods', 'text', (c) => c.notNull())
        .addColumn('preserved_until', 'text')
        .addColumn('preserved_what', 'text')
        .addColumn('objection', 'text')
        .addColumn('drafted_by', 'text', (c) => c.notNull())
        .addColumn('authorised_by', 'text')
        .addColumn('authorised_at', 'text')
        .addColumn('served_at', 'text')
        // The document as last served (canonical JSON) and the node's JWS over it: what the provider holds.
        .addColumn('served_document', 'text')
        .addColumn('served_jws', 'text')
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('domestic_orders_provider_idx')
        .on('domestic_orders')
        .columns(['provider_id', 'created_at'])
        .execute();
      await db.schema.createIndex('domestic_orders_request_idx').on('domestic_orders').column('request_id').execute();

      await serial(db.schema.createTable('order_events'))
        .addColumn('id', 'text', (c) => c.notNull().unique())
        .addColumn('order_id', 'text', (c) => c.notNull().references('domestic_orders.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('from_state', 'text')
        .addColumn('to_state', 'text')
        .addColumn('side', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('actor_name', 'text', (c) => c.notNull())
        .addColumn('occurred_at', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('order_events_order_idx').on('order_events').columns(['order_id', 'seq']).execute();

      await db.schema
        .createTable('order_deadlines')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('order_id', 'text', (c) => c.notNull().references('domestic_orders.id'))
        .addColumn('rule_id', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('due_at', 'text', (c) => c.notNull())
        .addColumn('warn_at', 'text', (c) => c.notNull())
        .addColumn('closed_at', 'text')
        .addColumn('escalated_at', 'text')
        .execute();
      await db.schema
        .createIndex('order_deadlines_active_idx')
        .on('order_deadlines')
        .columns(['status', 'due_at'])
        .execute();
      await db.schema.createIndex('order_deadlines_order_idx').on('order_deadlines').column('order_id').execute();
    },
  };
}
