import type { Executor, EvidenceUploadsTable } from '../db/database-schema.js';

export type UploadStatus = 'open' | 'completed' | 'cancelled' | 'expired' | 'refused';

/** What the item will be once the last byte arrives, as declared when the upload opened. */
export interface UploadSpec {
  readonly filename: string;
  readonly mediaType: string;
  /** The validated EvidenceMetadata, as JSON. */
  readonly metadata: unknown;
  /** How the partial file is encrypted while it waits (null: in clear, encryption at rest is off). */
  readonly sealing?: { readonly wrappedKey: string; readonly iv: string } | null;
}

export interface UploadRecord {
  readonly id: string;
  /** Null for a production upload under a purely domestic order. */
  readonly requestId: string | null;
  /** Set for a provider's production upload: its last byte also moves the order. */
  readonly orderId: string | null;
  readonly declaredSize: number;
  readonly declaredSha256: string | null;
  readonly receivedBytes: number;
  readonly spec: UploadSpec;
  readonly status: UploadStatus;
  readonly evidenceId: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly expiresAt: string;
}

function toRecord(row: EvidenceUploadsTable): UploadRecord {
  return {
    id: row.id,
    requestId: row.request_id,
    orderId: row.order_id,
    declaredSize: Number(row.declared_size),
    declaredSha256: row.declared_sha256,
    receivedBytes: Number(row.received_bytes),
    spec: JSON.parse(row.metadata) as UploadSpec,
    status: row.status as UploadStatus,
    evidenceId: row.evidence_id,
    createdBy: row.created_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}

export const evidenceUploadRepository = {
  async insert(db: Executor, record: UploadRecord): Promise<void> {
    await db
      .insertInto('evidence_uploads')
      .values({
        id: record.id,
        request_id: record.requestId,
        order_id: record.orderId,
        declared_size: record.declaredSize,
        declared_sha256: record.declaredSha256,
        received_bytes: record.receivedBytes,
        metadata: JSON.stringify(record.spec),
        status: record.status,
        evidence_id: record.evidenceId,
        created_by: record.createdBy,
        created_at: record.createdAt,
        expires_at: record.expiresAt,
      })
      .execute();
  },

  async findById(db: Executor, id: string): Promise<UploadRecord | undefined> {
    const row = await db.selectFrom('evidence_uploads').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : toRecord(row);
  },

  /** Moves the offset only from the value the writer read: two writers cannot both advance it. */
  async advance(db: Executor, id: string, from: number, to: number, expiresAt: string): Promise<boolean> {
    const result = await db
      .updateTable('evidence_uploads')
      .set({ received_bytes: to, expires_at: expiresAt })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .where('received_bytes', '=', from)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  async close(
    db: Executor,
    id: string,
    status: Exclude<UploadStatus, 'open'>,
    evidenceId: string | null,
  ): Promise<boolean> {
    const result = await db
      .updateTable('evidence_uploads')
      .set({ status, evidence_id: evidenceId })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  async countOpenBy(db: Executor, createdBy: string): Promise<number> {
    const row = await db
      .selectFrom('evidence_uploads')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('created_by', '=', createdBy)
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  async expiredOpen(db: Executor, now: string, limit: number): Promise<UploadRecord[]> {
    const rows = await db
      .selectFrom('evidence_uploads')
      .selectAll()
      .where('status', '=', 'open')
      .where('expires_at', '<=', now)
      .orderBy('expires_at')
      .limit(limit)
      .execute();
    return rows.map(toRecord);
  },
};
