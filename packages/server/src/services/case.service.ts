import {
  DomainError,
  caseInputSchema,
  checkEligibility,
  visiblePersons,
  type CaseData,
  type CaseInput,
  type Eligibility,
} from '@hanoi247/core';
import { auditRepository } from '../repositories/audit.repository.js';
import { caseRepository, type CaseRecord } from '../repositories/case.repository.js';
import { auditEntryFor, type CallContext, type ServiceRuntime } from './service-runtime.js';
import { requirePermission } from './user.service.js';

export interface CaseView {
  readonly id: string;
  readonly data: CaseData;
  readonly eligibility: Eligibility;
  readonly createdBy: string;
  readonly createdAt: string;
}

/** Protected witnesses appear only to the officers named on them. */
function present(record: CaseRecord, viewerId: string | null): CaseView {
  return {
    id: record.id,
    data: { ...record.data, persons: visiblePersons(record.data.persons, viewerId) },
    eligibility: checkEligibility(record.data.offences),
    createdBy: record.createdBy,
    createdAt: record.createdAt,
  };
}

export function createCaseService(deps: ServiceRuntime) {
  const { db, clock, ids } = deps;
  return {
    async create(context: CallContext, input: CaseInput): Promise<CaseView> {
      const principal = requirePermission(context.principal, 'requests:draft');
      const parsed = caseInputSchema.safeParse(input);
      if (!parsed.success) {
        throw new DomainError('request/validation-failed', 'the case is not valid', {
          issues: parsed.error.issues.map((i) => ({ path: `/${i.path.join('/')}`, message: i.message })),
        });
      }
      const now = clock.now().toISOString();
      const record: CaseRecord = {
        id: ids(),
        data: parsed.data,
        createdBy: principal.userId ?? principal.username,
        createdAt: now,
        updatedAt: now,
      };
      await db.transaction().execute(async (tx) => {
        await caseRepository.insert(tx, record);
        await auditRepository.append(
          tx,
          auditEntryFor(deps, context, {
            action: 'case.created',
            objectType: 'case',
            objectId: record.id,
            details: { domesticReference: record.data.domesticReference },
          }),
        );
      });
      return present(record, principal.userId);
    },

    async get(context: CallContext, id: string, purpose: string | null): Promise<CaseView> {
      const principal = requirePermission(context.principal, 'requests:read');
      return db.transaction().execute(async (tx) => {
        const record = await caseRepository.findById(tx, id);
        if (record === undefined) throw new DomainError('case/not-found', 'no such case');
        await auditRepository.append(
          tx,
          auditEntryFor(deps, context, { action: 'case.viewed', objectType: 'case', objectId: id, purpose }),
        );
        return present(record, principal.userId);
      });
    },

    async list(
      context: CallContext,
    ): Promise<{ id: string; domesticReference: string; title: string; createdAt: string }[]> {
      requirePermission(context.principal, 'requests:read');
      const records = await caseRepository.list(db, 200);
      return records.map((r) => ({
        id: r.id,
        domesticReference: r.data.domesticReference,
        title: r.data.title,
        createdAt: r.createdAt,
      }));
    },
  };
}

export type CaseService = ReturnType<typeof createCaseService>;
