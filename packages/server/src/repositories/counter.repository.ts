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
  /** The next number of a yearly series as references print it: `2026-000042`, the 42nd `kind` of 2026. */
  async nextOfYear(db: Executor, kind: string, year: number): Promise<string> {
    return `${year}-${String(await counterRepository.next(db, `${kind}:${year}`)).padStart(6, '0')}`;
  },
};
