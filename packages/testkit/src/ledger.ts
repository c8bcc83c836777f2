import { randomUUID } from 'node:crypto';
import { custodyLeafData, type CustodyEvent } from '@hanoi247/core';
import { ledgerPendingRepository, type NodeRuntime } from '@hanoi247/server';

/** A well-formed custody event that no service recorded: ledger tests need leaves, not evidence. */
export function sampleCustodyEvent(n: number, occurredAt = '2026-11-01T08:00:00.000Z'): CustodyEvent {
  const sha256 = Buffer.from(`${n}`.padStart(32, '0')).toString('hex');
  return {
    v: 1,
    id: randomUUID(),
    evidenceId: randomUUID(),
    evidenceSha256: sha256,
    requestId: null,
    type: 'collected',
    occurredAt,
    system: { country: 'VN', node: 'Test node' },
    actor: { type: 'system', id: null, role: null },
    hashes: { sha256 },
    previous: null,
    details: { sample: n },
    personalCommitment: null,
  };
}

/** Queues `count` custody leaves in one transaction, as a service would; returns their event ids. */
export async function queueCustodyLeaves(node: NodeRuntime, count: number): Promise<string[]> {
  const events = Array.from({ length: count }, (_, i) => sampleCustodyEvent(i));
  const queuedAt = node.clock.now().toISOString();
  await node.database.db.transaction().execute(async (tx) => {
    for (const event of events) {
      await ledgerPendingRepository.enqueue(tx, {
        kind: 'custody',
        refId: event.id,
        leafData: custodyLeafData(event),
        queuedAt,
      });
    }
  });
  return events.map((e) => e.id);
}
