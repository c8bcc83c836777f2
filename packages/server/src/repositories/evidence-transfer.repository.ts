import type { EvidenceOfferedPayload } from '@hanoi247/core';
import type { Selectable } from 'kysely';
import type { EvidenceTransfersTable, Executor } from '../db/database-schema.js';

export type TransferDirection = 'outgoing' | 'incoming';
/** Incoming: offered → received | failed. Outgoing: offered → fetched. */
export type TransferStatus = 'offered' | 'received' | 'fetched' | 'failed';

export interface EvidenceTransferRecord {
  readonly id: string;
  readonly direction: TransferDirection;
  readonly country: string;
  readonly requestId: string;
  readonly messageId: string | null;
  readonly offer: EvidenceOfferedPayload;
  readonly contentKey: string | null;
  readonly status: TransferStatus;
  readonly attempts: number;
  readonly nextAttemptAt: string;
  readonly lastError: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

type Row = Selectable<EvidenceTransfersTable>;

function toRecord(row: Row): EvidenceTransferRecord {
  return {
    id: row.id,
    direction: row.direction as TransferDirection,
    country: row.country,
    requestId: row.request_id,
    messageId: row.message_id,
    offer: JSON.parse(row.offer) as EvidenceOfferedPayload,
    contentKey: row.content_key,
    status: row.status as TransferStatus,
    attempts: Number(row.attempts),
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export const evidenceTransferRepository = {
  async insert(db: Executor, record: EvidenceTransferRecord): Promise<void> {
    await db
      .insertInto('evidence_transfers')
      .values({
        id: record.id,
        direction: record.direction,
        country: record.country,
        request_id: record.requestId,
        message_id: record.messageId,
        offer: JSON.stringify(record.offer),
        content_key: record.contentKey,
        status: record.status,
        attempts: record.attempts,
        next_attempt_at: record.nextAttemptAt,
        last_error: record.lastError,
        created_at: record.createdAt,
        updated_at: record.updatedAt,
      })
      .execute();
  },

  async find(db: Executor, id: string, direction: TransferDirection): Promise<EvidenceTransferRecord | undefined> {
    const row = await db
      .selectFrom('evidence_transfers')
      .selectAll()
      .where('id', '=', id)
      .where('direction', '=', direction)
      .executeTakeFirst();
    return row === undefined ? undefined : toRecord(row);
  },

  async dueIncoming(db: Executor, now: string, limit: number): Promise<EvidenceTransferRecord[]> {
    const rows = await db
      .selectFrom('evidence_transfers')
      .selectAll()
      .where('direction', '=', 'incoming')
      .where('status', '=', 'offered')
      .where('next_attempt_at', '<=', now)
      .orderBy('next_attempt_at')
      .limit(limit)
      .execute();
    return rows.map(toRecord);
  },

  async forRequest(db: Executor, requestId: string): Promise<EvidenceTransferRecord[]> {
    const rows = await db
      .selectFrom('evidence_transfers')
      .selectAll()
      .where('request_id', '=', requestId)
      .orderBy('created_at')
      .execute();
    return rows.map(toRecord);
  },

  /** `counted: false` for an attempt that moved the transfer forward: only fruitless attempts use up the limit. */
  async retryLater(
    db: Executor,
    id: string,
    error: string,
    nextAttemptAt: string,
    now: string,
    counted = true,
  ): Promise<void> {
    await db
      .updateTable('evidence_transfers')
      .set((eb) => ({
        attempts: eb('attempts', '+', counted ? 1 : 0),
        last_error: error.slice(0, 500),
        next_attempt_at: nextAttemptAt,
        updated_at: now,
      }))
      .where('id', '=', id)
      .execute();
  },

  /** A finished transfer forgets its content key: nothing more may be opened with it. */
  async settle(
    db: Executor,
    id: string,
    direction: TransferDirection,
    status: TransferStatus,
    error: string | null,
    now: string,
  ): Promise<void> {
    await db
      .updateTable('evidence_transfers')
      .set({ status, last_error: error, content_key: null, updated_at: now })
      .where('id', '=', id)
      .where('direction', '=', direction)
      .execute();
  },
};
