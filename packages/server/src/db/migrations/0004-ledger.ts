import type { ColumnDefinitionBuilder, Kysely, Migration } from 'kysely';
import type { Dialect } from '../database-schema.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against the schema as it was then, not as typed now */

/**
 * The custody ledger (docs/protocols/ledger.md): leaves wait in ledger_pending until the
 * sequencer gives them an index. Fencing: leaf_index and tree_size are primary keys, so two
 * sequencers that both read size N cannot both commit leaf N or checkpoint N+k.
 */
export function ledgerMigration(dialect: Dialect): Migration {
  const serial = (c: ColumnDefinitionBuilder) =>
    dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey();
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('ledger_pending')
        .addColumn('seq', dialect === 'sqlite' ? 'integer' : 'bigserial', serial)
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('ref_id', 'text', (c) => c.notNull())
        .addColumn('leaf_data', 'text', (c) => c.notNull())
        .addColumn('queued_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('ledger_leaves')
        .addColumn('leaf_index', 'bigint', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('ref_id', 'text', (c) => c.notNull())
        .addColumn('leaf_data', 'text', (c) => c.notNull())
        .addColumn('leaf_hash', 'text', (c) => c.notNull())
        .addColumn('queued_at', 'text', (c) => c.notNull())
        .addColumn('sequenced_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('ledger_leaves_ref_idx')
        .on('ledger_leaves')
        .columns(['kind', 'ref_id'])
        .unique()
        .execute();

      // Hashes of perfect subtrees: level L, index i covers leaves [i·2^L, (i+1)·2^L). Level 0 is ledger_leaves.
      await db.schema
        .createTable('ledger_nodes')
        .addColumn('level', 'integer', (c) => c.notNull())
        .addColumn('node_index', 'bigint', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('ledger_nodes_pk', ['level', 'node_index'])
        .execute();

      await db.schema
        .createTable('ledger_checkpoints')
        .addColumn('tree_size', 'bigint', (c) => c.primaryKey())
        .addColumn('root_hash', 'text', (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      // Partners' checkpoints as received; a second, different note for one size is a split view and is kept too.
      await db.schema
        .createTable('partner_checkpoints')
        .addColumn('country', 'text', (c) => c.notNull())
        .addColumn('tree_size', 'bigint', (c) => c.notNull())
        .addColumn('root_hash', 'text', (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addColumn('consistency_verified', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('partner_checkpoints_pk', ['country', 'tree_size', 'root_hash'])
        .execute();

      await db.schema
        .createTable('ledger_alerts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('country', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('tree_size', 'bigint', (c) => c.notNull())
        .addColumn('first_note', 'text', (c) => c.notNull())
        .addColumn('second_note', 'text', (c) => c.notNull())
        .addColumn('raised_at', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
