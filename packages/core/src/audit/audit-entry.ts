import { createHash } from 'node:crypto';
import { canonicalJson, type JsonValue } from '../support/canonical-json.js';
import type { AuditAction } from './audit-actions.js';

export type AuditActorType = 'user' | 'operator' | 'anonymous' | 'system';
export type AuditOutcome = 'success' | 'denied' | 'failure';

export interface AuditEntry {
  readonly id: string;
  readonly occurredAt: string;
  readonly actorType: AuditActorType;
  readonly actorId: string | null;
  readonly actorName: string;
  readonly action: AuditAction;
  readonly objectType: string;
  readonly objectId: string | null;
  readonly purpose: string | null;
  readonly outcome: AuditOutcome;
  readonly requestId: string | null;
  readonly details: { readonly [key: string]: JsonValue };
}

/** Version of the canonical form; bump when fields change so old leaves stay verifiable. */
export const auditEntryFormatVersion = 1;

/**
 * The stable byte form of an entry (RFC 8785). It is stored beside the row and later
 * becomes a Merkle leaf, so it must never depend on column order or driver quirks.
 */
export function canonicalAuditEntry(entry: AuditEntry): string {
  return canonicalJson({
    v: auditEntryFormatVersion,
    id: entry.id,
    occurredAt: entry.occurredAt,
    actor: { type: entry.actorType, id: entry.actorId, name: entry.actorName },
    action: entry.action,
    object: { type: entry.objectType, id: entry.objectId },
    purpose: entry.purpose,
    outcome: entry.outcome,
    requestId: entry.requestId,
    details: entry.details,
  });
}

export function auditEntryDigest(canonical: string): string {
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
