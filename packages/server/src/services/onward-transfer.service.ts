import {
  DomainError,
  citeLegalSource,
  decideOnwardTransfer,
  onwardTransferAuthorisationInputSchema,
  onwardTransferRule,
  type OnwardTransferDecision,
} from '@hanoi247/core';
import type { Executor } from '../db/database-schema.js';
import { auditRepository } from '../repositories/audit.repository.js';
import { evidenceRepository, type EvidenceRecord } from '../repositories/evidence.repository.js';
import {
  onwardTransferRepository,
  type OnwardTransferAuthorisation,
} from '../repositories/onward-transfer.repository.js';
import { visibleEvidence } from './evidence-owner.js';
import { requireEvidencePermission } from './evidence-view.js';
import { auditEntryFor, type CallContext, type ServiceRuntime } from './service-runtime.js';

/**
 * Art. 36: evidence received from another State goes to a third State (or an international
 * organisation) only with the origin State's prior authorisation. The central authority
 * records that authorisation here; every export path asks `check` before anything leaves,
 * and a refusal is logged with its reason.
 */
export function createOnwardTransferService(deps: ServiceRuntime) {
  const { db, clock, ids } = deps;

  async function visible(
    tx: Executor,
    context: CallContext,
    evidenceId: string,
    permission: 'evidence:read' | 'evidence:authorise-transfer',
  ): Promise<EvidenceRecord> {
    const principal = requireEvidencePermission(context.principal, permission);
    const item = await evidenceRepository.findById(tx, evidenceId);
    return visibleEvidence(tx, principal, item);
  }

  return {
    async authorise(context: CallContext, evidenceId: string, input: unknown): Promise<OnwardTransferAuthorisation> {
      const parsed = onwardTransferAuthorisationInputSchema.safeParse(input);
      if (!parsed.success) {
        throw new DomainError('request/validation-failed', 'the authorisation is not valid', {
          issues: parsed.error.issues.map((i) => ({ path: `/${i.path.join('/')}`, message: i.message })),
        });
      }
      return db.transaction().execute(async (tx) => {
        const item = await visible(tx, context, evidenceId, 'evidence:authorise-transfer');
        if (item.onwardTransfer === 'unrestricted') {
          throw new DomainError(
            'evidence/onward-transfer-unrestricted',
            'this is the node\u2019s own evidence: no origin State\u2019s authorisation is needed',
          );
        }
        if (parsed.data.destination === item.originCountry) {
          throw new DomainError(
            'evidence/onward-transfer-unrestricted',
            'returning evidence to its origin State needs no authorisation',
          );
        }
        const authorisation: OnwardTransferAuthorisation = {
          id: ids(),
          evidenceId,
          originCountry: item.originCountry,
          destination: parsed.data.destination,
          reference: parsed.data.reference,
          recordedBy: context.principal?.username ?? 'unknown',
          recordedAt: clock.now().toISOString(),
        };
        await onwardTransferRepository.insert(tx, authorisation);
        await auditRepository.append(
          tx,
          auditEntryFor(deps, context, {
            action: 'evidence.onward-transfer-authorised',
            objectType: 'evidence',
            objectId: evidenceId,
            details: {
              originCountry: item.originCountry,
              destination: authorisation.destination,
              reference: authorisation.reference,
            },
          }),
        );
        return authorisation;
      });
    },

    async list(context: CallContext, evidenceId: string): Promise<OnwardTransferAuthorisation[]> {
      return db.transaction().execute(async (tx) => {
        await visible(tx, context, evidenceId, 'evidence:read');
        return onwardTransferRepository.forEvidence(tx, evidenceId);
      });
    },

    /**
     * Decides for each item; if any may not go to `destination`, logs the refused attempt (in its
     * own transaction, so it survives the caller's rollback) and throws with every reason.
     */
    async check(
      context: CallContext,
      items: readonly EvidenceRecord[],
      destination: string,
      channel: 'federation' | 'bundle',
    ): Promise<Map<string, OnwardTransferDecision>> {
      const decisions = new Map<string, OnwardTransferDecision>();
      for (const item of items) {
        decisions.set(
          item.id,
          decideOnwardTransfer(item, destination, await onwardTransferRepository.forEvidence(db, item.id)),
        );
      }
      const refused = [...decisions].filter(([, d]) => !d.allowed);
      if (refused.length === 0) return decisions;
      const reasons = refused.map(([id, d]) => ({ evidenceId: id, reason: d.allowed ? '' : d.reason }));
      await db.transaction().execute(async (tx) => {
        for (const { evidenceId, reason } of reasons) {
          await auditRepository.append(
            tx,
            auditEntryFor(deps, context, {
              action: 'evidence.onward-transfer-refused',
              objectType: 'evidence',
              objectId: evidenceId,
              outcome: 'denied',
              details: { destination, channel, reason },
            }),
          );
        }
      });
      throw new DomainError(
        'evidence/onward-transfer-not-authorised',
        `${reasons.map((r) => r.reason).join('; ')} (${citeLegalSource(onwardTransferRule)})`,
        {
          issues: reasons.map((r) => ({ path: `/evidence/${r.evidenceId}`, message: r.reason })),
        },
      );
    },
  };
}

export type OnwardTransferService = ReturnType<typeof createOnwardTransferService>;
