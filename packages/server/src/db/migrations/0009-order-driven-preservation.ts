import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../database-schema.js';
import { noteFromEnglish } from './english-notes.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against the schema as it was then, not as typed now */

/**
 * Each request records the version of the legal rule set it was made under. A request's preservation as its domestic orders made it: the date the provider confirmed and the
 * end of the order's period, recorded by the order's events (or mirrored from the partner's). And
 * the notes earlier versions wrote on timelines in English become codes with parameters, so every
 * reader sees them in their own language.
 */
export function orderDrivenPreservationMigration(_dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('requests').addColumn('preserved_until', 'text').execute();
      await db.schema.alterTable('requests').addColumn('preservation_ordered_until', 'text').execute();
      // The rule set a request was made under (null: made before rule sets were versioned).
      await db.schema.alterTable('requests').addColumn('rule_set_version', 'text').execute();
      // The last confirmed date on file becomes the request's, as the timeline recorded it.
      const confirmed = (await db
        .selectFrom('request_events')
        .select(['request_id', 'payload'])
        .where('action', 'in', ['confirm-preserved', 'grant-extension'])
        .orderBy('seq')
        .execute()) as { request_id: string; payload: string }[];
      const latest = new Map<string, string>();
      for (const row of confirmed) {
        const until = (JSON.parse(row.payload) as { preservedUntil?: unknown }).preservedUntil;
        if (typeof until === 'string') latest.set(row.request_id, until);
      }
      for (const [id, until] of latest) {
        await db.updateTable('requests').set({ preserved_until: until }).where('id', '=', id).execute();
      }
      const events = (await db
        .selectFrom('request_events')
        .select(['seq', 'payload'])
        .where((eb) =>
          eb.or([
            eb('payload', 'like', '%"note":"Domestic order%'),
            eb('payload', 'like', '%"note":"Preserved by the service provider%'),
            eb('payload', 'like', '%"information":"The service provider%'),
            eb('payload', 'like', '%"reason":"a service provider in the communication path%'),
          ]),
        )
        .execute()) as { seq: number; payload: string }[];
      for (const event of events) {
        const rewritten = noteFromEnglish(JSON.parse(event.payload) as Record<string, unknown>);
        if (rewritten === null) continue;
        await db
          .updateTable('request_events')
          .set({ payload: JSON.stringify(rewritten) })
          .where('seq', '=', event.seq)
          .execute();
      }
    },
  };
}
