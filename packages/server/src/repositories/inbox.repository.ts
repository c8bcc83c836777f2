import type { Executor, InboxTable } from '../db/database-schema.js';

export type InboxRecord = {
  readonly messageId: string;
  readonly fromCountry: string;
  readonly type: string;
  readonly envelope: string;
  readonly envelopeDigest: string;
  readonly payload: unknown;
  readonly receipt: string;
  readonly status: InboxTable['status'];
  readonly error: string | null;
  readonly requestId: string | null;
  readonly receivedAt: string;
  readonly processedAt: string | null;
};

const toRecord = (r: InboxTable): InboxRecord => ({
  messageId: r.message_id,
  fromCountry: r.from_country,
  type: r.type,
  envelope: r.envelope,
  envelopeDigest: r.envelope_digest,
  payload: JSON.parse(r.payload) as unknown,
  receipt: r.receipt,
  status: r.status,
  error: r.error,
  requestId: r.request_id,
  receivedAt: r.received_at,
  processedAt: r.processed_at,
});

/** The primary key on message_id is what makes one business effect per message. */
export const inboxRepository = {
  async insert(db: Executor, m: InboxRecord): Promise<void> {
    await db
      .insertInto('inbox')
      .values({
        message_id: m.messageId,
        from_country: m.fromCountry,
        type: m.type,
        envelope: m.envelope,
        envelope_digest: m.envelopeDigest,
        payload: JSON.stringify(m.payload),
        receipt: m.receipt,
        status: m.status,
        error: m.error,
        request_id: m.requestId,
        received_at: m.receivedAt,
        processed_at: m.processedAt,
      })
      .execute();
  },

  async find(db: Executor, messageId: string): Promise<InboxRecord | undefined> {
    const row = await db.selectFrom('inbox').selectAll().where('message_id', '=', messageId).executeTakeFirst();
    return row && toRecord(row);
  },

  async deferred(db: Executor, limit: number): Promise<InboxRecord[]> {
    const rows = await db
      .selectFrom('inbox')
      .selectAll()
      .where('status', '=', 'deferred')
      .orderBy('received_at')
      .limit(limit)
      .execute();
    return rows.map(toRecord);
  },

  async settle(
    db: Executor,
    messageId: string,
    status: InboxTable['status'],
    error: string | null,
    requestId: string | null,
    at: string,
  ): Promise<void> {
    await db
      .updateTable('inbox')
      .set({ status, error, request_id: requestId, processed_at: at })
      .where('message_id', '=', messageId)
      .execute();
  },
};
