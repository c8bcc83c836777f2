import { randomBytes } from 'node:crypto';
import {
  custodyEventHash,
  custodyLeafData,
  personalCommitment,
  type CustodyEvent,
  type CustodyEventType,
  type CustodyPersonal,
  type JsonValue,
} from '@hanoi247/core';
import type { Executor } from '../db/database-schema.js';
import { custodyEventRepository, type StoredCustodyEvent } from '../repositories/custody-event.repository.js';
import { ledgerPendingRepository } from '../repositories/ledger-pending.repository.js';
import type { CallContext, ServiceRuntime } from '../services/service-runtime.js';

export interface CustodyStep {
  readonly evidenceId: string;
  readonly evidenceSha256: string;
  readonly requestId: string | null;
  readonly type: CustodyEventType;
  readonly hashes?: { readonly [algorithm: string]: string };
  readonly details?: { readonly [key: string]: JsonValue };
  /** Who acted, when it was not the caller: a partner State's node on receipt. */
  readonly actor?: CustodyEvent['actor'];
  readonly actorName?: string;
  readonly notes?: string;
  /**
   * The event this one follows when it is not our own previous event: for evidence received
   * from a partner, the hash of the sender's last custody event, so one chain crosses the border.
   */
  readonly follows?: string;
}

export interface OwnSystem {
  readonly country: string;
  readonly node: string;
}

/**
 * Writes one custody event and queues its ledger leaf, inside the caller's transaction, so
 * the fact and its leaf commit together. The event links to the item's previous event hash.
 */
export async function recordCustodyEvent(
  tx: Executor,
  runtime: ServiceRuntime,
  system: OwnSystem,
  context: CallContext,
  step: CustodyStep,
): Promise<StoredCustodyEvent> {
  const principal = context.principal;
  const actor: CustodyEvent['actor'] = step.actor ?? {
    type: principal === null ? 'system' : principal.via === 'cli' ? 'operator' : 'user',
    id: principal?.userId ?? null,
    role: principal?.roles[0] ?? null,
  };
  const personal: CustodyPersonal = {
    actorName: step.actorName ?? principal?.username ?? `${system.country} node`,
    ...(step.notes === undefined ? {} : { notes: step.notes }),
  };
  const salt = randomBytes(32).toString('hex');
  const now = runtime.clock.now().toISOString();
  const event: CustodyEvent = {
    v: 1,
    id: runtime.ids(),
    evidenceId: step.evidenceId,
    evidenceSha256: step.evidenceSha256,
    requestId: step.requestId,
    type: step.type,
    occurredAt: now,
    system,
    actor,
    hashes: step.hashes ?? { sha256: step.evidenceSha256 },
    previous: (await custodyEventRepository.lastHash(tx, step.evidenceId)) ?? step.follows ?? null,
    details: step.details ?? {},
    personalCommitment: personalCommitment(salt, personal),
  };
  const leafData = custodyLeafData(event);
  const stored: StoredCustodyEvent = { event, leafData, eventHash: custodyEventHash(leafData), personal, salt };
  await custodyEventRepository.insert(tx, stored, now);
  await ledgerPendingRepository.enqueue(tx, { kind: 'custody', refId: event.id, leafData, queuedAt: now });
  return stored;
}
