import type { EvidenceMetadata, OnwardTransferStatus } from '@hanoi247/core';
import type { EvidenceItemsTable, Executor } from '../db/database-schema.js';
import { counterRepository } from './counter.repository.js';

export interface EvidenceRecord {
  readonly id: string;
  readonly requestId: string | null;
  /** The domestic order that produced it; its owner when there is no request (a purely domestic order). */
  readonly orderId: string | null;
  /** SHA-256 of the plaintext, hex: the content address. */
  readonly sha256: string;
  readonly size: number;
  readonly mediaType: string;
  readonly filename: string;
  readonly metadata: EvidenceMetadata;
  readonly originCountry: string;
  readonly onwardTransfer: OnwardTransferStatus;
  readonly personalData: boolean;
  readonly retentionUntil: string | null;
  /** The item key wrapped by the storage key; null when the content is stored in clear. */
  readonly wrappedKey: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly erasedAt: string | null;
}

function toRecord(row: EvidenceItemsTable): EvidenceRecord {
  return {
    id: row.id,
    requestId: row.request_id,
    orderId: row.order_id,
    sha256: row.sha256,
    size: Number(row.size),
    mediaType: row.media_type,
    filename: row.filename,
    metadata: JSON.parse(row.metadata) as EvidenceMetadata,
    originCountry: row.origin_country,
    onwardTransfer: row.onward_transfer as OnwardTransferStatus,
    personalData: Number(row.personal_data) === 1,
    retentionUntil: row.retention_until,
    wrappedKey: row.wrapped_key,
    createdBy: row.created_by,
    createdAt: row.created_at,
    erasedAt: row.erased_at,
  };
}

export const evidenceRepository = {
  async insert(db: Executor, record: EvidenceRecord): Promise<void> {
    await db
      .insertInto('evidence_items')
      .values({
        id: record.id,
        request_id: record.requestId,
        order_id: record.orderId,
        sha256: record.sha256,
        size: record.size,
        media_type: record.mediaType,
        filename: record.filename,
        metadata: JSON.stringify(record.metadata),
        origin_country: record.originCountry,
        onward_transfer: record.onwardTransfer,
        personal_data: record.personalData ? 1 : 0,
        retention_until: record.retentionUntil,
        wrapped_key: record.wrappedKey,
        created_by: record.createdBy,
        created_at: record.createdAt,
        erased_at: record.erasedAt,
      })
      .execute();
  },

  async findById(db: Executor, id: string): Promise<EvidenceRecord | undefined> {
    const row = await db.selectFrom('evidence_items').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : toRecord(row);
  },

  /** Oldest first: the order the items arrived in. */
  async listForRequest(db: Executor, requestId: string, limit: number): Promise<EvidenceRecord[]> {
    const rows = await db
      .selectFrom('evidence_items')
      .selectAll()
      .where('request_id', '=', requestId)
      .orderBy('created_at')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(toRecord);
  },

  /** A domestic order's production, oldest first. */
  async listForOrder(db: Executor, orderId: string, limit: number): Promise<EvidenceRecord[]> {
    const rows = await db
      .selectFrom('evidence_items')
      .selectAll()
      .where('order_id', '=', orderId)
      .orderBy('created_at')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(toRecord);
  },

  /** An item whose content is still kept under this address: a new item with the same content shares it. */
  async liveWithContent(db: Executor, sha256: string): Promise<EvidenceRecord | undefined> {
    const row = await db
      .selectFrom('evidence_items')
      .selectAll()
      .where('sha256', '=', sha256)
      .where('erased_at', 'is', null)
      .orderBy('created_at')
      .limit(1)
      .executeTakeFirst();
    return row === undefined ? undefined : toRecord(row);
  },

  /** Destroyed or erased at its retention date: the record and its custody stay, the content goes. */
  async markErased(db: Executor, id: string, at: string): Promise<void> {
    await db
      .updateTable('evidence_items')
      .set({ erased_at: at })
      .where('id', '=', id)
      .where('erased_at', 'is', null)
      .execute();
  },

  /** Live items whose retention date has passed (YYYY-MM-DD, compared as text). */
  async pastRetention(db: Executor, today: string, limit: number): Promise<EvidenceRecord[]> {
    const rows = await db
      .selectFrom('evidence_items')
      .selectAll()
      .where('erased_at', 'is', null)
      .where('retention_until', '<', today)
      .orderBy('retention_until')
      .limit(limit)
      .execute();
    return rows.map(toRecord);
  },

  /** Whether any item was ever sealed: then a missing storage key is a loss, never a first start. */
  async anySealed(db: Executor): Promise<boolean> {
    const row = await db
      .selectFrom('evidence_items')
      .select('id')
      .where('wrapped_key', 'is not', null)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  },

  /**
   * Serialises the commits of one content address until the transaction ends (a row lock on
   * PostgreSQL, the write lock on SQLite), so two items with the same content never both
   * write the object, and an object is never removed while another item is recording it.
   */
  async lockContent(db: Executor, sha256: string): Promise<void> {
    await counterRepository.next(db, `evidence-content:${sha256.slice(0, 2)}`);
  },
};
