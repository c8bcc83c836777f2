import {
  currentPeriod,
  machineFor,
  orderRecordedTransitions,
  permissionsOf,
  type OrderFacts,
  type OrderPayload,
  type Principal,
  type TimelineNote,
  type TransitionActor,
  type TransitionPayload,
} from '@hanoi247/core';
import type { Tx } from '../db/database-schema.js';
import { orderEventRepository } from '../repositories/order-event.repository.js';
import type { OrderRecord } from '../repositories/order.repository.js';
import { requestRepository, type RequestRecord } from '../repositories/request.repository.js';
import type { RecordedAnswer } from './provider-answers.service.js';
import type { RequestTransitionService } from './request-transition.service.js';
import type { CallContext, ServiceRuntime } from './service-runtime.js';

/**
 * The node recording on the request what happened to its order. The transition is the order's
 * (`order` actor), so nobody can record it by hand; the name the partner State sees is the order's,
 * never a provider employee's or an officer's. The audit entry still names who acted.
 */
export function actingForOrder(
  context: CallContext,
  order: Pick<OrderRecord, 'reference'>,
): { context: CallContext; actor: TransitionActor } {
  const permissions = permissionsOf([]);
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
      : { ...caller, username: `domestic order ${order.reference}` };
  return { context: { ...context, principal }, actor: { kind: 'order', userId: null, permissions } };
}

/** What the order tells the request: its reference and period, and how an answer recorded by hand arrived. */
function factsOf(order: OrderRecord, recorded: RecordedAnswer | undefined, partial?: boolean): OrderFacts {
  const periodEnd = currentPeriod(order)?.end;
  return {
    reference: order.reference,
    ...(periodEnd === undefined ? {} : { periodEnd }),
    ...(recorded === undefined ? {} : { recorded: { channel: recorded.channel, receivedAt: recorded.receivedAt } }),
    ...(partial === undefined ? {} : { partial }),
  };
}

function notesOf(note: TimelineNote, recorded: RecordedAnswer | undefined): TimelineNote[] {
  if (recorded === undefined) return [note];
  return [
    note,
    { code: 'order.answer-recorded', params: { channel: recorded.channel, receivedAt: recorded.receivedAt } },
  ];
}

/** Which order-recorded action the request takes for this order event, from where it stands now. */
function requestActionFor(
  request: RequestRecord,
  order: OrderRecord,
  action: string,
  payload: OrderPayload,
): string | null {
  const preservation = request.type === 'PRESERVATION_42';
  switch (action) {
    case 'serve':
      if (preservation) return 'issue-domestic-order';
      return request.state === 'ACCEPTED' ? 'start-execution' : 'issue-domestic-order';
    case 'confirm-preservation':
      if (!preservation) return null;
      return request.state === 'EXTENSION_REQUESTED' ? 'grant-extension' : 'confirm-preserved';
    case 'renew':
      return preservation ? 'renew-domestic-order' : null;
    case 'object':
      if (payload.reasonCode !== 'DATA_NOT_HELD') return null;
      return preservation ? 'issue-warning' : 'report-partial-execution';
    case 'deliver-production':
      return !preservation && order.requestId !== null ? 'record-production' : null;
    default:
      return null;
  }
}

/**
 * How an order's events flow into the foreign request it executes, in the same transaction: the
 * order served is "domestic order issued" (or execution started), the provider's confirmation is
 * "preserved until" its date (never after the order's period, which its own rules check), a renewal
 * moves the period the requesting State is shown, "data not held" becomes the Art. 42 warning or a
 * partial execution, a production is recorded. Each is mirrored to the partner by the outbox.
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

  function payloadFor(
    requestAction: string,
    order: OrderRecord,
    orderPayload: OrderPayload,
    recorded: RecordedAnswer | undefined,
  ): TransitionPayload {
    const reference = order.reference;
    switch (requestAction) {
      case 'confirm-preserved':
      case 'grant-extension': {
        const until = orderPayload.preservedUntil ?? '';
        const periodEnd = currentPeriod(order)?.end ?? until;
        const partial = Date.parse(until) < Date.parse(periodEnd);
        const code = partial ? 'order.preservation-partial' : 'order.preservation-confirmed';
        return {
          preservedUntil: until,
          // What was preserved is the provider's own words.
          ...(orderPayload.preservedWhat === undefined ? {} : { information: orderPayload.preservedWhat }),
          order: factsOf(order, recorded, partial),
          notes: notesOf({ code, params: { order: reference, until, periodEnd } }, recorded),
        };
      }
      case 'renew-domestic-order':
        return {
          order: factsOf(order, recorded),
          notes: [{ code: 'order.renewed', params: { order: reference, periodEnd: currentPeriod(order)?.end ?? '' } }],
        };
      case 'issue-warning':
      case 'report-partial-execution':
        return {
          reasonCodes: ['DATA_NOT_HELD'],
          order: factsOf(order, recorded),
          notes: notesOf({ code: 'order.data-not-held', params: { order: reference } }, recorded),
        };
      case 'record-production':
        return {
          order: factsOf(order, recorded),
          notes: [{ code: 'order.production-received', params: { order: reference } }],
        };
      default:
        return { order: factsOf(order, recorded), notes: [{ code: 'order.served', params: { order: reference } }] };
    }
  }

  return {
    async follow(
      tx: Tx,
      context: CallContext,
      after: OrderRecord,
      action: string,
      payload: OrderPayload,
      recorded?: RecordedAnswer,
    ): Promise<void> {
      if (after.requestId === null) return;
      const request = await requestRepository.findById(tx, after.requestId);
      if (request === undefined || request.direction !== 'incoming') return;
      const requestAction = requestActionFor(request, after, action, payload);
      if (requestAction === null) return;
      // A request already closed, refused or withdrawn is not moved; the order's timeline says so.
      const possible = orderRecordedTransitions(machineFor(request.type), request.state).some(
        (t) => t.action === requestAction,
      );
      if (!possible) {
        await note(tx, after, 'linked-request-not-moved', { requestAction, requestState: request.state });
        return;
      }
      const acting = actingForOrder(context, after);
      const requestPayload = payloadFor(requestAction, after, payload, recorded);
      await deps.requestTransitions.apply(tx, acting.context, request, requestAction, requestPayload, acting.actor);
      await note(tx, after, 'linked-request-moved', { requestAction });
      if (requestPayload.order?.partial === true) {
        // The officer is alerted on the order's timeline (and the request's note says "partial").
        await note(tx, after, 'preservation-partial', { preservedUntil: payload.preservedUntil ?? null });
      }
    },
  };
}
