import {
  canonicalAuditEntry,
  auditEntryDigest,
  isAuditAction,
  type AuditEntry,
  type AuditActorType,
  type AuditOutcome,
} from '@hanoi247/core';
import type { AuditEntriesTable, Executor } from '../db/database-schema.js';

export interface StoredAuditEntry extends AuditEntry {
  readonly seq: number;
  readonly canonical: string;
  readonly digest: string;
}

export interface AuditFilter {
  readonly action?: string | undefined;
  readonly actorId?: string | undefined;
  readonly objectType?: string | undefined;
  readonly objectId?: string | undefined;
  readonly requestId?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  /** Entries with seq strictly below this (newest first paging). */
  readonly beforeSeq?: number | undefined;
  readonly limit: number;
}

function toStored(row: AuditEntriesTable): StoredAuditEntry {
  if (!isAuditAction(row.action)) {
    throw new Error(`audit entry ${row.id} has an unknown action ${row.action}`);
  }
  return {
    seq: Number(row.seq),
    id: row.id,
    occurredAt: row.occurred_at,
    actorType: row.actor_type as AuditActorType,
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    objectType: row.object_type,
    objectId: row.object_id,
    purpose: row.purpose,
    outcome: row.outcome as AuditOutcome,
    requestId: row.request_id,
    details: JSON.parse(row.details) as AuditEntry['details'],
    canonical: row.canonical,
    digest: row.digest,
  };
}

/** Append-only: there is deliberately no update or delete here, and triggers refuse them. */
export const auditRepository = {
  async append(db: Executor, entry: AuditEntry): Promise<void> {
    const canonical = canonicalAuditEntry(entry);
    await db
      .insertInto('audit_entries')
      .values({
        id: entry.id,
        occurred_at: entry.occurredAt,
        actor_type: entry.actorType,
        actor_id: entry.actorId,
        actor_name: entry.actorName,
        action: entry.action,
        object_type: entry.objectType,
        object_id: entry.objectId,
        purpose: entry.purpose,
        outcome: entry.outcome,
        request_id: entry.requestId,
        details: JSON.stringify(entry.details),
        canonical,
        digest: auditEntryDigest(canonical),
      })
      .execute();
  },

  async list(db: Executor, filter: AuditFilter): Promise<StoredAuditEntry[]> {
    let query = db.selectFrom('audit_entries').selectAll();
    if (filter.action !== undefined) query = query.where('action', '=', filter.action);
    if (filter.actorId !== undefined) query = query.where('actor_id', '=', filter.actorId);
    if (filter.objectType !== undefined) query = query.where('object_type', '=', filter.objectType);
    if (filter.objectId !== undefined) query = query.where('object_id', '=', filter.objectId);
    if (filter.requestId !== undefined) query = query.where('request_id', '=', filter.requestId);
    if (filter.from !== undefined) query = query.where('occurred_at', '>=', filter.from);
    if (filter.to !== undefined) query = query.where('occurred_at', '<', filter.to);
    if (filter.beforeSeq !== undefined) query = query.where('seq', '<', filter.beforeSeq);
    const rows = await query.orderBy('seq', 'desc').limit(filter.limit).execute();
    return rows.map(toStored);
  },

  async count(db: Executor): Promise<number> {
    const row = await db
      .selectFrom('audit_entries')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
};
