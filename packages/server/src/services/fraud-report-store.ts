import { scamTypesVersion, type PreparedIdentifier, type PreparedReport, type ReportInput } from '@hanoi247/core';
import type { Tx } from '../db/database-schema.js';
import { auditRepository } from '../repositories/audit.repository.js';
import {
  fraudReportRepository,
  type FraudTransferRecord,
  type StoredIdentifier,
} from '../repositories/fraud-report.repository.js';
import { indicatorRepository } from '../repositories/indicator.repository.js';
import { joinCluster } from './fraud-cluster-join.js';
import { auditEntryFor, type CallContext, type ServiceRuntime } from './service-runtime.js';

/** A report ready to write: who sent it, what it says, its identifiers normalised. */
export interface ReportToStore {
  readonly institutionId: string;
  readonly submittedBy: string;
  readonly input: ReportInput;
  readonly prepared: PreparedReport;
  readonly digest: string;
}

const stored = (item: PreparedIdentifier): StoredIdentifier => ({
  type: item.raw.type,
  value: item.raw.value,
  role: item.raw.role,
  hashKey: item.ok ? item.indicator.hashKey : null,
  refusal: item.ok ? null : item.reason,
});

function transfersOf(report: ReportToStore, idOf: ReadonlyMap<string, string>): FraudTransferRecord[] {
  return report.input.transfers.map((transfer, index) => {
    const payee = report.prepared.payees[index] ?? null;
    return {
      seq: index + 1,
      at: transfer.at,
      amount: String(transfer.amount),
      currency: transfer.currency,
      payerInstitution: transfer.payerInstitution ?? null,
      payeeType: payee?.raw.type ?? null,
      payeeValue: payee?.raw.value ?? null,
      payeeIndicatorId: payee?.ok === true ? (idOf.get(payee.indicator.hashKey) ?? null) : null,
      payeeRefusal: payee?.ok === false ? payee.reason : null,
      transactionReference: transfer.transactionReference ?? null,
    };
  });
}

/**
 * Writes one report in the caller's transaction: the report, each of its indicators once (created or
 * counted: one more report, its VND losses added), the links with their roles, the transfers, and the
 * audit entry — which names indicators by id only, never by value. Returns the report's id.
 */
export async function storeReport(
  tx: Tx,
  runtime: ServiceRuntime,
  context: CallContext,
  report: ReportToStore,
): Promise<string> {
  const { input, prepared } = report;
  const reportId = runtime.ids();
  const now = runtime.clock.now().toISOString();
  await fraudReportRepository.insert(tx, {
    id: reportId,
    channel: 'institution',
    institutionId: report.institutionId,
    institutionReference: input.institutionReference,
    bodyDigest: report.digest,
    scamType: input.scamType,
    scamTypesVersion,
    occurredAt: input.occurredAt,
    reportedAt: now,
    firstContact: input.firstContact,
    province: input.province ?? null,
    lossVnd: prepared.lossVnd,
    identifiers: prepared.identifiers.map(stored),
    // TLP 2.0 AMBER unless a later brick lets the sender choose: institution data is need-to-know.
    tlp: 'amber',
    submittedBy: report.submittedBy,
  });
  const idOf = new Map<string, string>();
  for (const { indicator } of prepared.links) {
    if (idOf.has(indicator.hashKey)) continue;
    const sighting = { newId: runtime.ids(), indicator, seenAt: now, lossVnd: prepared.lossVnd, tlp: 'amber' };
    idOf.set(indicator.hashKey, await indicatorRepository.recordSighting(tx, sighting));
  }
  await indicatorRepository.link(
    tx,
    prepared.links.map((l) => ({ reportId, indicatorId: idOf.get(l.indicator.hashKey) ?? '', role: l.role })),
  );
  await fraudReportRepository.insertTransfers(tx, reportId, transfersOf(report, idOf));
  const { occurredAt, scamType } = input;
  const facts = { lossVnd: prepared.lossVnd, occurredAt, province: input.province ?? null, scamType };
  const cluster = await joinCluster(tx, runtime, { reportId, links: prepared.links, idOf, facts });
  const refused = [...prepared.identifiers, ...prepared.payees].filter((p) => p !== null && !p.ok).length;
  await auditRepository.append(
    tx,
    auditEntryFor(runtime, context, {
      action: 'fraud-report.submitted',
      objectType: 'fraud-report',
      objectId: reportId,
      details: {
        institutionId: report.institutionId,
        indicatorIds: [...idOf.values()],
        refused,
        lossVnd: prepared.lossVnd,
        clusterId: cluster.clusterId,
        mergedClusterIds: [...cluster.merged],
      },
    }),
  );
  return reportId;
}
