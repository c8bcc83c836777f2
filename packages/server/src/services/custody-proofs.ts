import { DomainError } from '@hanoi247/core';
import type { CheckpointView, LedgerService } from '../ledger/ledger.service.js';
import type { EvidenceService } from './evidence.service.js';
import type { CallContext } from './service-runtime.js';

export interface CustodyEventProof {
  readonly eventId: string;
  /** null while the event still waits for the sequencer (or is beyond the latest checkpoint). */
  readonly leafIndex: number | null;
  readonly leafData: string | null;
  readonly proof: readonly string[];
}

export interface CustodyProofs {
  readonly checkpoint: Pick<CheckpointView, 'treeSize' | 'rootHash' | 'note'> | null;
  readonly proofs: readonly CustodyEventProof[];
}

const notYet = (eventId: string): CustodyEventProof => ({ eventId, leafIndex: null, leafData: null, proof: [] });

async function latestOrNull(ledger: LedgerService): Promise<CheckpointView | null> {
  try {
    return await ledger.latestCheckpoint();
  } catch (error) {
    if (error instanceof DomainError && error.code === 'ledger/empty') return null;
    throw error;
  }
}

/**
 * Inclusion proofs of every custody event of an item against the latest checkpoint, so the
 * browser can verify each one itself. Reading the custody chain first applies (and audits)
 * the same visibility as GET /api/v1/evidence/{id}/custody.
 */
export async function custodyProofs(
  deps: { evidence: EvidenceService; ledger: LedgerService },
  context: CallContext,
  evidenceId: string,
  purpose: string | null,
): Promise<CustodyProofs> {
  const { events } = await deps.evidence.custody(context, evidenceId, purpose);
  const latest = await latestOrNull(deps.ledger);
  if (latest === null) return { checkpoint: null, proofs: events.map((e) => notYet(e.id)) };
  const proofs: CustodyEventProof[] = [];
  for (const event of events) {
    const index = await deps.ledger.leafIndexOf('custody', event.id);
    if (index === null || index >= latest.treeSize) {
      proofs.push(notYet(event.id));
      continue;
    }
    const found = await deps.ledger.inclusionProofByRef('custody', event.id, latest.treeSize);
    proofs.push({ eventId: event.id, leafIndex: found.index, leafData: found.leafData, proof: found.proof });
  }
  return { checkpoint: { treeSize: latest.treeSize, rootHash: latest.rootHash, note: latest.note }, proofs };
}
