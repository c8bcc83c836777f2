import type { CustodyEvent, CustodyPersonal } from '@hanoi247/core';
import type { Executor } from '../db/database-schema.js';

export interface StoredCustodyEvent {
  readonly event: CustodyEvent;
  readonly leafData: string;
  readonly eventHash: string;
  /** Null once erased at the retention date. */
  readonly personal: CustodyPersonal | null;
  readonly salt: string | null;
}

export const custodyEventRepository = {
  async insert(db: Executor, stored: StoredCustodyEvent, createdAt: string): Promise<void> {
    await db
      .insertInto('custody_events')
      .values({
        id: stored.event.id,
        evidence_id: stored.event.evidenceId,
        request_id: stored.event.requestId,
        type: stored.event.type,
        occurred_at: stored.event.occurredAt,
        leaf_data: stored.leafData,
        event_hash: stored.eventHash,
        personal: stored.personal === null ? null : JSON.stringify(stored.personal),
        salt: stored.salt,
        created_at: createdAt,
      })
      .execute();
  },

  /** The item's events in the order they happened (ids are time-ordered UUIDv7 within one node). */
  async forEvidence(db: Executor, evidenceId: string): Promise<StoredCustodyEvent[]> {
    const rows = await db
      .selectFrom('custody_events')
      .selectAll()
      .where('evidence_id', '=', evidenceId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      event: (JSON.parse(r.leaf_data) as { event: CustodyEvent }).event,
      leafData: r.leaf_data,
      eventHash: r.event_hash,
      personal: r.personal === null ? null : (JSON.parse(r.personal) as CustodyPersonal),
      salt: r.salt,
    }));
  },

  async lastHash(db: Executor, evidenceId: string): Promise<string | null> {
    const row = await db
      .selectFrom('custody_events')
      .select('event_hash')
      .where('evidence_id', '=', evidenceId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.event_hash ?? null;
  },

  /** Erases the personal opening at the retention date; the leaf and its proofs stay. */
  async erasePersonal(db: Executor, evidenceId: string): Promise<number> {
    const result = await db
      .updateTable('custody_events')
      .set({ personal: null, salt: null })
      .where('evidence_id', '=', evidenceId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  },
};
