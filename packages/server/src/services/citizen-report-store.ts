import type { PreparedIdentifier, PreparedReport, Transfer } from '@hanoi247/core';
import type { Tx } from '../db/database-schema.js';
import type { FraudTransferRecord, StoredIdentifier } from '../repositories/fraud-report.repository.js';
import { fraudReportRepository } from '../repositories/fraud-report.repository.js';
import { indicatorRepository } from '../repositories/indicator.repository.js';
import type { ServiceRuntime } from './service-runtime.js';

/** Citizen-sourced data is need-to-know: TLP 2.0 AMBER (fraud brief, retention and markings). */
export const citizenTlp = 'amber';

export const storedIdentifier = (item: PreparedIdentifier): StoredIdentifier => ({
  type: item.raw.type,
  value: item.raw.value,
  role: item.raw.role,
  hashKey: item.ok ? item.indicator.hashKey : null,
  refusal: item.ok ? null : item.reason,
});

export const refusedCount = (prepared: PreparedReport): number =>
  [...prepared.identifiers, ...prepared.payees].filter((p) => p !== null && !p.ok).length;

/** What writing a citizen's identifiers touched: the indicator of each hash key, and which were new to the report. */
export interface IndicatorWrite {
  readonly idOf: ReadonlyMap<string, string>;
  readonly newToReport: readonly string[];
}

/**
 * Records the indicators of a report or of an addition to it, the same way as an institution's report: each
 * indicator new to the report counts one more report with `reportLossVnd`; links are added once per role.
 */
export async function writeIndicators(
  tx: Tx,
  runtime: ServiceRuntime,
  target: { reportId: string; prepared: PreparedReport; seenAt: string; reportLossVnd: number },
): Promise<IndicatorWrite> {
  const already = await indicatorRepository.linksOf(tx, target.reportId);
  const linkedIds = new Set(already.map((l) => l.indicator.id));
  const linkedPairs = new Set(already.map((l) => `${l.role}\n${l.indicator.id}`));
  const idOf = new Map<string, string>();
  const newToReport: string[] = [];
  for (const { indicator } of target.prepared.links) {
    if (idOf.has(indicator.hashKey)) continue;
    const known = already.find((l) => l.indicator.hashKey === indicator.hashKey);
    if (known !== undefined) {
      idOf.set(indicator.hashKey, known.indicator.id);
      continue;
    }
    const sighting = {
      newId: runtime.ids(),
      indicator,
      seenAt: target.seenAt,
      lossVnd: target.reportLossVnd,
      tlp: citizenTlp,
    };
    const id = await indicatorRepository.recordSighting(tx, sighting);
    idOf.set(indicator.hashKey, id);
    if (!linkedIds.has(id)) newToReport.push(id);
  }
  const links = target.prepared.links
    .map((l) => ({ reportId: target.reportId, indicatorId: idOf.get(l.indicator.hashKey) ?? '', role: l.role }))
    .filter((l) => !linkedPairs.has(`${l.role}\n${l.indicatorId}`));
  await indicatorRepository.link(tx, links);
  return { idOf, newToReport };
}

/** The transfers of a report or an addition, numbered on from `afterSeq`. */
export async function writeTransfers(
  tx: Tx,
  target: { reportId: string; transfers: readonly Transfer[]; prepared: PreparedReport; afterSeq: number },
  idOf: ReadonlyMap<string, string>,
): Promise<void> {
  const records: FraudTransferRecord[] = target.transfers.map((transfer, index) => {
    const payee = target.prepared.payees[index] ?? null;
    return {
      seq: target.afterSeq + index + 1,
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
  await fraudReportRepository.insertTransfers(tx, target.reportId, records);
}
