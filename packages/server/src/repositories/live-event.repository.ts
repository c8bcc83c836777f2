import type { RequestTypeCode } from '@hanoi247/core';
import type { Executor } from '../db/database-schema.js';

/** One timeline row as the live stream announces it, with what visibility needs (the type). */
export interface LiveEvent {
  readonly seq: number;
  readonly requestId: string;
  readonly reference: string;
  readonly type: RequestTypeCode;
  readonly state: string;
  readonly kind: string;
  readonly action: string;
}

const columns = ['e.seq', 'e.request_id', 'e.kind', 'e.action', 'r.reference', 'r.type', 'r.state'] as const;

interface Row {
  // PostgreSQL returns bigserial values as strings.
  readonly seq: number | string | bigint;
  readonly request_id: string;
  readonly kind: string;
  readonly action: string;
  readonly reference: string;
  readonly type: string;
  readonly state: string;
}

function toEvent(row: Row): LiveEvent {
  return {
    seq: Number(row.seq),
    requestId: row.request_id,
    reference: row.reference,
    type: row.type as RequestTypeCode,
    state: row.state,
    kind: row.kind,
    action: row.action,
  };
}

/** Reads of `request_events` for the change feed and the Last-Event-ID replay. */
export const liveEventRepository = {
  async latestSeq(db: Executor): Promise<number> {
    const row = await db
      .selectFrom('request_events')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .executeTakeFirst();
    return row?.seq === null || row?.seq === undefined ? 0 : Number(row.seq);
  },

  /** Oldest first: rows after the watermark, plus the listed seqs that were still missing. */
  async after(db: Executor, watermark: number, missing: readonly number[], limit: number): Promise<LiveEvent[]> {
    const rows = await db
      .selectFrom('request_events as e')
      .innerJoin('requests as r', 'r.id', 'e.request_id')
      .select(columns)
      .where((eb) =>
        missing.length === 0
          ? eb('e.seq', '>', watermark)
          : eb.or([eb('e.seq', '>', watermark), eb('e.seq', 'in', [...missing])]),
      )
      .orderBy('e.seq')
      .limit(limit)
      .execute();
    return rows.map(toEvent);
  },

  /** The newest `limit` rows after `seq`, oldest first: a reconnecting client catches up on these. */
  async newestAfter(db: Executor, seq: number, limit: number): Promise<LiveEvent[]> {
    const rows = await db
      .selectFrom('request_events as e')
      .innerJoin('requests as r', 'r.id', 'e.request_id')
      .select(columns)
      .where('e.seq', '>', seq)
      .orderBy('e.seq', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toEvent).reverse();
  },
};
