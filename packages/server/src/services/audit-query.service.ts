import { DomainError } from '@hanoi247/core';
import { auditRepository, type AuditFilter, type StoredAuditEntry } from '../repositories/audit.repository.js';
import { auditEntryFor, type CallContext, type ServiceRuntime } from './service-runtime.js';
import { requirePermission } from './user.service.js';

export type AuditQuery = Omit<AuditFilter, 'beforeSeq'> & { readonly cursor?: string | undefined };

export interface AuditPage {
  readonly entries: readonly StoredAuditEntry[];
  readonly nextCursor: string | null;
}

function decodeCursor(cursor: string): number {
  const value = Number(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new DomainError('audit/invalid-cursor', 'the cursor is not valid');
  }
  return value;
}

const encodeCursor = (seq: number): string => Buffer.from(String(seq), 'utf8').toString('base64url');

/** Auditors read the log; reading it is itself an audited consultation. */
export function createAuditQueryService(deps: ServiceRuntime) {
  const { db } = deps;
  return {
    async list(context: CallContext, query: AuditQuery, purpose: string | null): Promise<AuditPage> {
      requirePermission(context.principal, 'audit:read');
      const beforeSeq = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
      return db.transaction().execute(async (tx) => {
        const entries = await auditRepository.list(tx, { ...query, beforeSeq });
        await auditRepository.append(
          tx,
          auditEntryFor(deps, context, {
            action: 'audit.listed',
            objectType: 'audit-log',
            objectId: null,
            purpose,
            details: {
              returned: entries.length,
              filter: JSON.parse(JSON.stringify({ ...query, cursor: undefined })) as Record<string, string | number>,
            },
          }),
        );
        const last = entries.at(-1);
        return {
          entries,
          nextCursor: entries.length === query.limit && last !== undefined ? encodeCursor(last.seq) : null,
        };
      });
    },
  };
}

export type AuditQueryService = ReturnType<typeof createAuditQueryService>;
