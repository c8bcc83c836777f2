import type { Executor } from '../db/database-schema.js';

/** Gap-free sequence numbers inside the caller's transaction (request references). */
export const counterRepository = {
  /** One statement on both engines (upsert with RETURNING): the row is created at 1 or incremented. */
  async next(db: Executor, name: string): Promise<number> {
    const row = await db
      .insertInto('counters')
      .values({ name, value: 1 })
      .onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({ value: eb('counters.value', '+', 1) })))
      .returning('value')
      .executeTakeFirstOrThrow();
    return Number(row.value);
  },
};
