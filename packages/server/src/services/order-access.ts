import type { Principal } from '@hanoi247/core';
import { auditRepository } from '../repositories/audit.repository.js';
import { orderRepository, type OrderRecord } from '../repositories/order.repository.js';
import { providerRepository } from '../repositories/provider.repository.js';
import { requestRepository, type RequestRecord } from '../repositories/request.repository.js';
import { officerCanSee, orderNotFound } from './order-view.js';
import { auditEntryFor, type CallContext, type ServiceRuntime } from './service-runtime.js';

/**
 * Unknown, another provider's, not yet served, hidden: all answer "not found" alike, and each
 * such answer is written to the audit log as a denial (security scenario 30). Call these before
 * opening the use case's transaction: the denial must commit although the use case fails (and on
 * SQLite a second writer inside a transaction would wait for itself).
 */
export function createOrderAccess(deps: ServiceRuntime) {
  async function deny(context: CallContext, id: string, route: string): Promise<never> {
    await auditRepository.append(
      deps.db,
      auditEntryFor(deps, context, {
        action: 'order.access-denied',
        objectType: 'order',
        objectId: id,
        outcome: 'denied',
        details: { route },
      }),
    );
    throw orderNotFound();
  }

  return {
    deny,

    /** An order the officer may see, with its linked request. */
    async forOfficer(
      context: CallContext,
      principal: Principal,
      id: string,
      route: string,
    ): Promise<{ order: OrderRecord; request: RequestRecord | undefined }> {
      const order = await orderRepository.findById(deps.db, id);
      const request =
        order?.requestId === null || order === undefined
          ? undefined
          : await requestRepository.findById(deps.db, order.requestId);
      if (order === undefined || !officerCanSee(principal, order, request)) return deny(context, id, route);
      return { order, request };
    },

    /** An order addressed to a provider the user acts for, once served: nothing else exists for them. */
    async forProvider(context: CallContext, principal: Principal, id: string, route: string): Promise<OrderRecord> {
      const order = await orderRepository.findById(deps.db, id);
      const mine = principal.userId === null ? [] : await providerRepository.providerIdsOf(deps.db, principal.userId);
      if (order === undefined || order.servedAt === null || !mine.includes(order.providerId)) {
        return deny(context, id, route);
      }
      return order;
    },
  };
}

export type OrderAccess = ReturnType<typeof createOrderAccess>;
