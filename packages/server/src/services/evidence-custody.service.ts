import { DomainError, boundedText, type Permission } from '@hanoi247/core';
import { z } from 'zod';
import type { ContentStore } from '../evidence/content-store.js';
import { recordCustodyEvent, type OwnSystem } from '../evidence/custody-recorder.js';
import { auditRepository } from '../repositories/audit.repository.js';
import { custodyEventRepository } from '../repositories/custody-event.repository.js';
import { evidenceRepository, type EvidenceRecord } from '../repositories/evidence.repository.js';
import type { Executor } from '../db/database-schema.js';
import { visibleEvidence } from './evidence-owner.js';
import { requireEvidencePermission } from './evidence-view.js';
import { auditEntryFor, type CallContext, type ServiceRuntime } from './service-runtime.js';

/** Steps an officer records by hand; the others are recorded by the use cases that perform them. */
export const manualCustodySteps = ['analysed', 'disclosed', 'returned'] as const;
const stepPermission: Record<(typeof manualCustodySteps)[number], Permission> = {
  analysed: 'evidence:add',
  disclosed: 'evidence:export',
  returned: 'evidence:export',
};

export const manualCustodyInputSchema = z.strictObject({
  type: z.enum(manualCustodySteps),
  /** Free notes (names, places): kept only as a salted commitment in the ledger, erasable. */
  notes: boundedText(2000, { multiline: true }).optional(),
  /** Non-personal facts: the tool used, the proceedings, the State or body it went to. */
  tool: boundedText(200).optional(),
  proceedings: boundedText(200).optional(),
  recipient: boundedText(200).optional(),
});

export const destructionInputSchema = z.strictObject({ reason: boundedText(500) });

export interface EvidenceCustodyDeps extends ServiceRuntime {
  readonly system: () => OwnSystem;
  readonly store: ContentStore;
}

const invalid = (error: z.ZodError) =>
  new DomainError('request/validation-failed', 'the custody step is not valid', {
    issues: error.issues.map((i) => ({ path: `/${i.path.join('/')}`, message: i.message })),
  });

/**
 * Custody steps officers record (analysed, disclosed, returned) and destruction. Destroying an
 * item (by hand or at its retention date) records "destroyed", removes the content and erases
 * the personal openings of every custody event of the item; the ledger leaves hold only
 * salted commitments, so every proof and `ledger verify` still hold afterwards.
 */
export function createEvidenceCustodyService(deps: EvidenceCustodyDeps) {
  const { db, clock } = deps;

  async function item(tx: Executor, context: CallContext, id: string, permission: Permission): Promise<EvidenceRecord> {
    const principal = requireEvidencePermission(context.principal, permission);
    const found = await evidenceRepository.findById(tx, id);
    const seen = await visibleEvidence(tx, principal, found);
    if (seen.erasedAt !== null) throw new DomainError('evidence/not-found', 'this item was destroyed');
    return seen;
  }

  async function destroyIn(tx: Executor, context: CallContext, record: EvidenceRecord, reason: string): Promise<void> {
    const now = clock.now().toISOString();
    await recordCustodyEvent(tx, deps, deps.system(), context, {
      evidenceId: record.id,
      evidenceSha256: record.sha256,
      requestId: record.requestId,
      type: 'destroyed',
      details: { reason },
    });
    await evidenceRepository.markErased(tx, record.id, now);
    const erased = await custodyEventRepository.erasePersonal(tx, record.id);
    await auditRepository.append(
      tx,
      auditEntryFor(deps, context, {
        action: 'evidence.destroyed',
        objectType: 'evidence',
        objectId: record.id,
        ...(context.principal === null ? { actorType: 'system' as const } : {}),
        details: { reason, sha256: record.sha256, personalOpeningsErased: erased },
      }),
    );
  }

  /** The content goes once no live item shares it (identical content is stored once). */
  async function removeContentIfUnshared(sha256: string): Promise<void> {
    await db.transaction().execute(async (tx) => {
      await evidenceRepository.lockContent(tx, sha256);
      if ((await evidenceRepository.liveWithContent(tx, sha256)) === undefined) await deps.store.remove(sha256);
    });
  }

  return {
    async record(context: CallContext, evidenceId: string, input: unknown): Promise<{ eventId: string }> {
      const parsed = manualCustodyInputSchema.safeParse(input);
      if (!parsed.success) throw invalid(parsed.error);
      const { type, notes, ...facts } = parsed.data;
      return db.transaction().execute(async (tx) => {
        const record = await item(tx, context, evidenceId, stepPermission[type]);
        const stored = await recordCustodyEvent(tx, deps, deps.system(), context, {
          evidenceId,
          evidenceSha256: record.sha256,
          requestId: record.requestId,
          type,
          details: Object.fromEntries(
            Object.entries(facts).filter((entry): entry is [string, string] => entry[1] !== undefined),
          ),
          ...(notes === undefined ? {} : { notes }),
        });
        await auditRepository.append(
          tx,
          auditEntryFor(deps, context, {
            action: 'evidence.custody-recorded',
            objectType: 'evidence',
            objectId: evidenceId,
            details: { type, eventId: stored.event.id },
          }),
        );
        return { eventId: stored.event.id };
      });
    },

    async destroy(context: CallContext, evidenceId: string, input: unknown): Promise<void> {
      const parsed = destructionInputSchema.safeParse(input);
      if (!parsed.success) throw invalid(parsed.error);
      const record = await db.transaction().execute(async (tx) => {
        const found = await item(tx, context, evidenceId, 'evidence:export');
        await destroyIn(tx, context, found, parsed.data.reason);
        return found;
      });
      await removeContentIfUnshared(record.sha256);
    },

    /** The retention job: every item past its retention date is destroyed by the node itself. */
    async destroyPastRetention(): Promise<number> {
      const today = clock.now().toISOString().slice(0, 10);
      const due = await evidenceRepository.pastRetention(db, today, 100);
      for (const record of due) {
        await db
          .transaction()
          .execute((tx) =>
            destroyIn(
              tx,
              { principal: null, requestId: null },
              record,
              `retention date ${record.retentionUntil ?? ''} reached`,
            ),
          );
        await removeContentIfUnshared(record.sha256);
      }
      return due.length;
    },
  };
}

export type EvidenceCustodyService = ReturnType<typeof createEvidenceCustodyService>;
