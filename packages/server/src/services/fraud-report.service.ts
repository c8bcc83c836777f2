import { createHash } from 'node:crypto';
import {
  DomainError,
  canonicalJson,
  isDomainError,
  prepareReport,
  reportInputSchema,
  type BatchRow,
  type JsonValue,
  type PreparedReport,
  type ReportInput,
} from '@hanoi247/core';
import { fraudReportRepository } from '../repositories/fraud-report.repository.js';
import { providerRepository } from '../repositories/provider.repository.js';
import { reportingInstitutionTypes } from './fraud-institutions.js';
import { storeReport } from './fraud-report-store.js';
import type { CallContext, ServiceRuntime } from './service-runtime.js';
import { requirePermission } from './user.service.js';

export interface FraudReportReceipt {
  readonly reportId: string;
  readonly status: 'created' | 'duplicate';
  readonly lossVnd: number;
  readonly indicatorCount: number;
  readonly refused: { path: string; type: string; reason: string }[];
}

export interface BatchRowResult {
  readonly line: number;
  readonly status: 'created' | 'duplicate' | 'rejected';
  readonly reportId?: string;
  readonly problems: { code: string; detail: string; path?: string }[];
}

function refusedOf(prepared: PreparedReport): FraudReportReceipt['refused'] {
  const identifiers = prepared.identifiers.flatMap((p, i) =>
    p.ok ? [] : [{ path: `/identifiers/${i}/value`, type: p.raw.type, reason: p.reason }],
  );
  const payees = prepared.payees.flatMap((p, i) =>
    p === null || p.ok ? [] : [{ path: `/transfers/${i}/payee/value`, type: p.raw.type, reason: p.reason }],
  );
  return [...identifiers, ...payees];
}

const digestOf = (input: ReportInput) =>
  createHash('sha256')
    .update(canonicalJson(input as unknown as JsonValue))
    .digest('hex');

/** Institutions' fraud reports: one, or a batch of rows each stored in its own transaction. */
export function createFraudReportService(runtime: ServiceRuntime) {
  const { db } = runtime;

  /** The one institution the caller acts for: its member link to a bank, e-wallet or telecom of the registry. */
  async function institutionOf(context: CallContext): Promise<{ institutionId: string; userId: string }> {
    const principal = requirePermission(context.principal, 'fraud-reports:submit');
    const linked = principal.userId === null ? [] : await providerRepository.providerIdsOf(db, principal.userId);
    const institutions = [];
    for (const id of linked) {
      const provider = await providerRepository.findById(db, id);
      if (provider?.active === true && reportingInstitutionTypes.includes(provider.type)) institutions.push(id);
    }
    const [institutionId] = institutions;
    if (institutionId === undefined || institutions.length !== 1 || principal.userId === null) {
      throw new DomainError(
        'fraud/not-an-institution',
        'fraud reports are sent by the user of exactly one active bank, e-wallet or telecom of the registry',
      );
    }
    return { institutionId, userId: principal.userId };
  }

  /** A report already sent under this reference: the same report again is a duplicate, another one a conflict. */
  async function earlier(institutionId: string, input: ReportInput, digest: string): Promise<string | null> {
    const found = await fraudReportRepository.findByReference(db, institutionId, input.institutionReference);
    if (found === undefined) return null;
    if (found.bodyDigest === digest) return found.id;
    throw new DomainError(
      'fraud/reference-reused',
      'this institution reference was already used for a different report; give each report its own reference',
      { issues: [{ path: '/institutionReference', message: 'already used for a different report' }] },
    );
  }

  async function submitAs(
    context: CallContext,
    sender: { institutionId: string; userId: string },
    input: ReportInput,
  ): Promise<FraudReportReceipt> {
    const prepared = prepareReport(input);
    const digest = digestOf(input);
    const receipt = (reportId: string, status: FraudReportReceipt['status']): FraudReportReceipt => ({
      reportId,
      status,
      lossVnd: prepared.lossVnd,
      indicatorCount: new Set(prepared.links.map((l) => l.indicator.hashKey)).size,
      refused: refusedOf(prepared),
    });
    const before = await earlier(sender.institutionId, input, digest);
    if (before !== null) return receipt(before, 'duplicate');
    const report = { institutionId: sender.institutionId, submittedBy: sender.userId, input, prepared, digest };
    try {
      return receipt(await db.transaction().execute((tx) => storeReport(tx, runtime, context, report)), 'created');
    } catch (error) {
      // Two submissions of one reference at once: the unique index let one in; the other answers as a replay.
      const raced = await earlier(sender.institutionId, input, digest);
      if (raced !== null) return receipt(raced, 'duplicate');
      throw error;
    }
  }

  async function row(context: CallContext, sender: { institutionId: string; userId: string }, item: BatchRow) {
    const rejected = (problems: BatchRowResult['problems']): BatchRowResult => ({
      line: item.line,
      status: 'rejected',
      problems,
    });
    if (!item.ok) return rejected([{ code: 'fraud/batch-unreadable', detail: item.reason }]);
    const parsed = reportInputSchema.safeParse(item.input);
    if (!parsed.success) {
      return rejected(
        parsed.error.issues.map((issue) => ({
          code: 'request/validation-failed',
          detail: issue.message,
          path: `/${issue.path.map(String).join('/')}`,
        })),
      );
    }
    try {
      const receipt = await submitAs(context, sender, parsed.data);
      return { line: item.line, status: receipt.status, reportId: receipt.reportId, problems: [] };
    } catch (error) {
      if (!isDomainError(error) || error.kind !== 'conflict') throw error;
      return rejected([{ code: error.code, detail: error.message, path: '/institutionReference' }]);
    }
  }

  return {
    /** One report. Idempotent on (institution, reference): the same body again answers `duplicate`. */
    async submit(context: CallContext, input: ReportInput): Promise<FraudReportReceipt> {
      return submitAs(context, await institutionOf(context), input);
    },

    /**
     * A batch: each good row is stored in its own transaction, so a bad row costs only itself and a row is
     * never half-written; a batch cut short can be sent again, its stored rows answering `duplicate`.
     */
    async submitBatch(context: CallContext, rows: readonly BatchRow[]): Promise<BatchRowResult[]> {
      const sender = await institutionOf(context);
      const results: BatchRowResult[] = [];
      for (const item of rows) results.push(await row(context, sender, item));
      return results;
    },
  };
}

export type FraudReportService = ReturnType<typeof createFraudReportService>;
