import {
  minimumPreservationDays,
  permissionsOf,
  type OrderPayload,
  type Principal,
  type TransitionActor,
  type TransitionPayload,
} from '@hanoi247/core';
import type { Tx } from '../db/database-schema.js';
import { orderEventRepository } from '../repositories/order-event.repository.js';
import type { OrderRecord } from '../repositories/order.repository.js';
import { requestRepository, type RequestRecord } from '../repositories/request.repository.js';
import type { RequestTransitionService } from './request-transition.service.js';
import type { CallContext, ServiceRuntime } from './service-runtime.js';

const dayMs = 86_400_000;

/**
 * The node acting on the request because of what happened to its order. It acts with a duty
 * officer's powers over the request only; the name the partner State sees is the order's, never
 * a provider employee's or an officer's.
 */
export function actingForOrder(
  context: CallContext,
  order: Pick<OrderRecord, 'reference'>,
): { context: CallContext; actor: TransitionActor } {
  const permissions = permissionsOf(['duty_officer']);
  const caller = context.principal;
  const principal: Principal =
    caller === null
      ? {
          kind: 'system',
          userId: null,
          username: `legal clock, domestic order ${order.reference}`,
          roles: [],
          permissions,
          via: 'cli',
        }
      : { ...caller, username: `domestic order ${order.reference}`, permissions };
  return { context: { ...context, principal }, actor: { kind: 'user', userId: principal.userId, permissions } };
}

/**
 * How an order's outcome flows into the foreign request it executes, in the same transaction:
 * the provider's confirmation becomes "preserved until …", "data not held" becomes the Art. 42
 * warning (and, on an Art. 44 request in execution, a partial-execution report), a renewal is
 * recorded on the request. The existing outbox mirrors each to the partner.
 */
export function createLinkedRequestEffects(
  deps: ServiceRuntime & { readonly requestTransitions: RequestTransitionService },
) {
  const { clock, ids } = deps;

  async function note(tx: Tx, order: OrderRecord, action: string, payload: Record<string, unknown>): Promise<void> {
    await orderEventRepository.append(tx, {
      id: ids(),
      orderId: order.id,
      kind: 'transition',
      action,
      fromState: null,
      toState: null,
      side: 'system',
      actorId: null,
      actorName: 'node',
      occurredAt: clock.now().toISOString(),
      payload,
    });
  }

  async function move(
    tx: Tx,
    context: CallContext,
    order: OrderRecord,
    request: RequestRecord,
    action: string,
    payload: TransitionPayload,
  ): Promise<void> {
    const acting = actingForOrder(context, order);
    await deps.requestTransitions.apply(tx, acting.context, request, action, payload, acting.actor);
    await note(tx, order, 'linked-request-moved', { requestAction: action });
  }

  return {
    async follow(
      tx: Tx,
      context: CallContext,
      before: OrderRecord,
      after: OrderRecord,
      action: string,
      payload: OrderPayload,
    ): Promise<void> {
      if (after.requestId === null) return;
      const request = await requestRepository.findById(tx, after.requestId);
      if (request === undefined || request.direction !== 'incoming') return;
      // Art. 44: a provider that does not hold the data leaves the request partly executed, and the requesting State is told why.
      if (
        request.type === 'STORED_DATA_44' &&
        action === 'object' &&
        payload.reasonCode === 'DATA_NOT_HELD' &&
        request.state === 'IN_EXECUTION'
      ) {
        await move(tx, context, after, request, 'report-partial-execution', {
          information: `The service provider addressed by domestic order ${after.reference} reports that it does not hold the data (DATA_NOT_HELD).`,
          reasonCodes: ['DATA_NOT_HELD'],
        });
        return;
      }
      if (request.type !== 'PRESERVATION_42') return;
      if (
        action === 'confirm-preservation' &&
        before.state === 'ACKNOWLEDGED' &&
        request.state === 'DOMESTIC_ORDER_ISSUED' &&
        payload.preservedUntil !== undefined
      ) {
        // Art. 42(7) promises at least 60 days; a shorter confirmation waits for an officer to renew, rather than overstate it.
        if (Date.parse(payload.preservedUntil) < clock.now().getTime() + minimumPreservationDays * dayMs) {
          await note(tx, after, 'linked-request-not-confirmed', {
            reason: `preserved for less than ${minimumPreservationDays} days: renew the order, then confirm on the request`,
          });
          return;
        }
        await move(tx, context, after, request, 'confirm-preserved', {
          preservedUntil: payload.preservedUntil,
          note: `Preserved by the service provider under domestic order ${after.reference}: ${payload.preservedWhat ?? ''}`.trim(),
        });
      }
      if (action === 'object' && payload.reasonCode === 'DATA_NOT_HELD' && request.state === 'DOMESTIC_ORDER_ISSUED') {
        await move(tx, context, after, request, 'issue-warning', {
          information:
            'The service provider reports that it does not hold the data: preservation will not ensure its availability.',
          reasonCodes: ['DATA_NOT_HELD'],
        });
      }
      if (action === 'renew' && (request.state === 'PRESERVED' || request.state === 'FOLLOW_UP_MLA_LINKED')) {
        const until = after.periods.at(-1)?.end ?? '';
        await move(tx, context, after, request, 'renew-domestic-order', {
          note: `Domestic order ${after.reference} renewed until ${until}`,
        });
      }
    },
  };
}
