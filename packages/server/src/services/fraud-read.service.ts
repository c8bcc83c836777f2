import { DomainError, normaliseIndicator } from '@hanoi247/core';
import { auditRepository } from '../repositories/audit.repository.js';
import {
  fraudReportRepository,
  type FraudReportRecord,
  type FraudTransferRecord,
} from '../repositories/fraud-report.repository.js';
import { indicatorRepository, type IndicatorRecord } from '../repositories/indicator.repository.js';
import { auditEntryFor, type CallContext, type ServiceRuntime } from './service-runtime.js';
import { requirePermission } from './user.service.js';

export type IndicatorView = Omit<IndicatorRecord, 'hashKey' | 'facts'>;

const indicatorView = ({ hashKey: _key, facts: _facts, ...rest }: IndicatorRecord): IndicatorView => rest;

const transferView = (t: FraudTransferRecord) => ({
  at: t.at,
  amount: t.amount,
  currency: t.currency,
  payerInstitution: t.payerInstitution,
  payee: t.payeeValue === null ? null : { type: t.payeeType ?? '', value: t.payeeValue, refusal: t.payeeRefusal },
  payeeIndicatorId: t.payeeIndicatorId,
  transactionReference: t.transactionReference,
});

const reportView = (
  report: FraudReportRecord,
  transfers: readonly FraudTransferRecord[],
  links: readonly { role: string; indicator: IndicatorRecord }[],
) => ({
  id: report.id,
  channel: report.channel,
  institutionId: report.institutionId,
  institutionReference: report.institutionReference,
  scamType: report.scamType,
  scamTypesVersion: report.scamTypesVersion,
  occurredAt: report.occurredAt,
  reportedAt: report.reportedAt,
  firstContact: report.firstContact,
  province: report.province,
  lossVnd: report.lossVnd,
  tlp: report.tlp,
  identifiers: report.identifiers.map(({ type, value, role, refusal }) => ({ type, value, role, refusal })),
  transfers: transfers.map(transferView),
  indicators: links.map((l) => ({ role: l.role, indicator: indicatorView(l.indicator) })),
});

export type FraudReportView = ReturnType<typeof reportView>;

/** Reads for the fraud desk: a report (audited with its purpose) and an exact indicator lookup (audited, no value). */
export function createFraudReadService(runtime: ServiceRuntime) {
  const { db } = runtime;
  return {
    async get(context: CallContext, id: string, purpose: string | null): Promise<FraudReportView> {
      requirePermission(context.principal, 'fraud-reports:read');
      return db.transaction().execute(async (tx) => {
        const report = await fraudReportRepository.findById(tx, id);
        if (report === undefined) throw new DomainError('fraud/report-not-found', 'no such fraud report');
        const view = reportView(
          report,
          await fraudReportRepository.transfersOf(tx, id),
          await indicatorRepository.linksOf(tx, id),
        );
        await auditRepository.append(
          tx,
          auditEntryFor(runtime, context, {
            action: 'fraud-report.viewed',
            objectType: 'fraud-report',
            objectId: id,
            purpose,
          }),
        );
        return view;
      });
    },

    /** The raw value is normalised first, so any way of writing it finds the one indicator; refused values are 400. */
    async lookup(context: CallContext, type: string, value: string): Promise<IndicatorView[]> {
      requirePermission(context.principal, 'indicators:read');
      const normalised = normaliseIndicator(type, value);
      if (!normalised.ok) {
        throw new DomainError(normalised.reason, 'the value cannot be read as an indicator of this type', {
          issues: [{ path: '/value', message: normalised.reason, in: 'querystring' }],
        });
      }
      return db.transaction().execute(async (tx) => {
        const found = await indicatorRepository.findByHashKey(tx, normalised.indicator.hashKey);
        await auditRepository.append(
          tx,
          auditEntryFor(runtime, context, {
            action: 'indicator.looked-up',
            objectType: 'indicator',
            objectId: found?.id ?? null,
            details: { type: normalised.indicator.type, found: found !== undefined },
          }),
        );
        return found === undefined ? [] : [indicatorView(found)];
      });
    },
  };
}

export type FraudReadService = ReturnType<typeof createFraudReadService>;
