import { DomainError, type Principal } from '@hanoi247/core';
import type { Executor } from '../db/database-schema.js';
import type { EvidenceRecord } from '../repositories/evidence.repository.js';
import { orderRepository } from '../repositories/order.repository.js';
import { requestRepository } from '../repositories/request.repository.js';
import { visibleItem } from './evidence-view.js';
import { officerCanSee } from './order-view.js';

/**
 * Evidence follows its owner's visibility: the request it belongs to, or, for production under
 * a purely domestic order (no request), that order as officers see it. Unknown and invisible
 * items look the same.
 */
export async function visibleEvidence(
  executor: Executor,
  principal: Principal,
  item: EvidenceRecord | undefined,
): Promise<EvidenceRecord> {
  if (item === undefined) return visibleItem(principal, item, undefined);
  if (item.requestId !== null) {
    return visibleItem(principal, item, await requestRepository.findById(executor, item.requestId));
  }
  const order = item.orderId === null ? undefined : await orderRepository.findById(executor, item.orderId);
  if (order === undefined || !(principal.via === 'cli' || officerCanSee(principal, order, undefined))) {
    throw new DomainError('evidence/not-found', 'no such evidence item');
  }
  return item;
}
