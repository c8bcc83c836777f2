import type { EnvelopeHeader } from '@hanoi247/core';
import type { Tx } from '../db/database-schema.js';
import { requestEventRepository } from '../repositories/request-event.repository.js';
import { requestRepository } from '../repositories/request.repository.js';
import type { ServiceRuntime } from './service-runtime.js';

/**
 * Inside the caller's transaction: a partner's message about a request that can never apply shows
 * on that request's timeline by its code, so its officers know the partner's copy moved without
 * theirs. Returns the request's id, or null when the sender shares no request of that reference.
 */
export async function showNotApplied(
  tx: Tx,
  runtime: Pick<ServiceRuntime, 'clock' | 'ids'>,
  header: EnvelopeHeader,
  payload: unknown,
  code: string,
): Promise<string | null> {
  const reference = (payload as { reference?: unknown } | null)?.reference;
  const request = typeof reference === 'string' ? await requestRepository.findByReference(tx, reference) : undefined;
  if (request === undefined) return null;
  const partner = request.direction === 'outgoing' ? request.requestedState : request.requestingState;
  if (partner !== header.from) return null;
  await requestEventRepository.append(tx, {
    id: runtime.ids(),
    requestId: request.id,
    kind: 'delivery',
    action: 'message-not-applied',
    fromState: null,
    toState: null,
    responseKind: null,
    actorId: null,
    actorName: `node ${header.from}`,
    occurredAt: runtime.clock.now().toISOString(),
    payload: { messageId: header.messageId, from: header.from, type: header.type, code },
  });
  return request.id;
}
