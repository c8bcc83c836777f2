import { DomainError, isDomainError, type Principal } from '@hanoi247/core';
import { exportBundle, type BundleExportInput, type BundleExportResult } from '../bundle/bundle-exporter.js';
import type { BundleExportPorts } from '../bundle/bundle-ports.js';
import { recordCustodyEvent, type OwnSystem } from '../evidence/custody-recorder.js';
import type { LedgerService } from '../ledger/ledger.service.js';
import { sequenceUntilLogged } from '../ledger/sequence-until-logged.js';
import type { LedgerSequencer } from '../ledger/sequencer.js';
import { auditRepository } from '../repositories/audit.repository.js';
import { custodyEventRepository } from '../repositories/custody-event.repository.js';
import { evidenceRepository, type EvidenceRecord } from '../repositories/evidence.repository.js';
import { requestRepository } from '../repositories/request.repository.js';
import { visibleEvidence } from './evidence-owner.js';
import { requireEvidencePermission, visibleRequest } from './evidence-view.js';
import type { OnwardTransferService } from './onward-transfer.service.js';
import { auditEntryFor, type CallContext, type ServiceRuntime } from './service-runtime.js';

export interface BundleExportDeps extends ServiceRuntime {
  readonly system: () => OwnSystem;
  readonly ports: () => Promise<BundleExportPorts<EvidenceRecord>>;
  readonly ledger: LedgerService;
  readonly sequencer: LedgerSequencer;
  readonly onwardTransfer: OnwardTransferService;
}

/**
 * `bundle export` as a use case: the caller must see every item; Art. 36 is checked (and a
 * refusal logged) before anything is read; every custody event is sequenced under a signed
 * checkpoint first, so each one ships with its proof; afterwards each item gets a "packaged"
 * event (and "onward-transferred" when foreign evidence leaves for a third State) naming the
 * bundle's SHA-256, with an audit entry.
 */
export function createBundleExportService(deps: BundleExportDeps) {
  const { db } = deps;

  async function itemsOf(principal: Principal, input: BundleExportInput): Promise<EvidenceRecord[]> {
    const ids = new Set(input.evidenceIds ?? []);
    if (input.requestId !== undefined) {
      visibleRequest(principal, await requestRepository.findById(db, input.requestId));
      for (const item of await evidenceRepository.listForRequest(db, input.requestId, 1000)) ids.add(item.id);
    }
    const items: EvidenceRecord[] = [];
    for (const id of ids) {
      const item = await evidenceRepository.findById(db, id);
      items.push(await visibleEvidence(db, principal, item));
    }
    if (items.length === 0) {
      throw new DomainError('bundle/nothing-to-export', 'name a request with evidence, or evidence items');
    }
    return items;
  }

  return {
    async export(context: CallContext, input: BundleExportInput): Promise<BundleExportResult> {
      const principal = requireEvidencePermission(context.principal, 'evidence:export');
      const items = await itemsOf(principal, input);
      if (input.destinationCountry !== null) {
        await deps.onwardTransfer.check(context, items, input.destinationCountry, 'bundle');
      }
      const events = (await Promise.all(items.map((i) => custodyEventRepository.forEvidence(db, i.id)))).flat();
      await sequenceUntilLogged(
        deps.ledger,
        deps.sequencer,
        events.map((e) => e.event.id),
      );
      let result: BundleExportResult;
      try {
        result = await exportBundle(await deps.ports(), input);
      } catch (error) {
        if (isDomainError(error)) throw error;
        throw new DomainError(
          'bundle/write-failed',
          `the bundle could not be written: ${error instanceof Error ? error.message : String(error)}`,
          { cause: error },
        );
      }
      const system = deps.system();
      const authorised = new Map(result.authorisations.map((a) => [a.evidenceId, a.reference]));
      await db.transaction().execute(async (tx) => {
        for (const item of items) {
          const step = { evidenceId: item.id, evidenceSha256: item.sha256, requestId: item.requestId };
          const bundle = {
            bundleSha256: result.written.sha256,
            destination: input.destinationCountry ?? 'domestic',
            personalDisclosed: input.disclosePersonal,
          };
          await recordCustodyEvent(tx, deps, system, context, { ...step, type: 'packaged', details: bundle });
          const reference = authorised.get(item.id);
          if (reference !== undefined) {
            await recordCustodyEvent(tx, deps, system, context, {
              ...step,
              type: 'onward-transferred',
              details: { ...bundle, authorisation: reference },
            });
          }
        }
        await auditRepository.append(
          tx,
          auditEntryFor(deps, context, {
            action: 'evidence.bundle-exported',
            objectType: input.requestId === undefined ? 'evidence' : 'request',
            objectId: input.requestId ?? items[0]!.id,
            details: {
              items: items.map((i) => i.id),
              bundleSha256: result.written.sha256,
              destination: input.destinationCountry ?? 'domestic',
              personalDisclosed: input.disclosePersonal,
            },
          }),
        );
      });
      return result;
    },
  };
}

export type BundleExportService = ReturnType<typeof createBundleExportService>;
