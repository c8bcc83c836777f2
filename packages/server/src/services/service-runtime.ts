import type {
  AuditAction,
  AuditActorType,
  AuditEntry,
  AuditOutcome,
  Clock,
  JsonValue,
  Principal,
} from '@hanoi247/core';
import type { Db } from '../db/database-schema.js';
import type { IdGenerator } from '../identity/ids.js';
import type { CommitHook } from './commit-hook.js';

/** What every service may use. Each service adds only the ports it really needs. */
export interface ServiceRuntime {
  readonly db: Db;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /**
   * Told what a transaction wrote once it has committed (see commit-hook.ts). Absent where nothing
   * in the process waits for commits (maintenance tools, unit tests): the pollers still see them.
   */
  readonly commits?: CommitHook;
}

/** Who is calling and under which HTTP request (for correlation in the audit log). */
export interface CallContext {
  readonly principal: Principal | null;
  readonly requestId: string | null;
}

export interface AuditFields {
  readonly action: AuditAction;
  readonly objectType: string;
  readonly objectId: string | null;
  readonly purpose?: string | null;
  readonly outcome?: AuditOutcome;
  readonly details?: { readonly [key: string]: JsonValue };
  /** For anonymous callers whose claimed identity matters (sign-in attempts). */
  readonly actorName?: string;
  /** The node acting on its own (the legal-clock scanner) rather than a caller. */
  readonly actorType?: 'system';
}

export function auditEntryFor(runtime: ServiceRuntime, context: CallContext, fields: AuditFields): AuditEntry {
  const principal = context.principal;
  const actorType: AuditActorType =
    fields.actorType ?? (principal === null ? 'anonymous' : principal.via === 'cli' ? 'operator' : 'user');
  return {
    id: runtime.ids(),
    occurredAt: runtime.clock.now().toISOString(),
    actorType,
    actorId: principal?.userId ?? null,
    actorName: fields.actorName ?? principal?.username ?? 'anonymous',
    action: fields.action,
    objectType: fields.objectType,
    objectId: fields.objectId,
    purpose: fields.purpose ?? null,
    outcome: fields.outcome ?? 'success',
    requestId: context.requestId,
    details: fields.details ?? {},
  };
}

export function isoAfter(clock: Clock, seconds: number): string {
  return new Date(clock.now().getTime() + seconds * 1000).toISOString();
}
