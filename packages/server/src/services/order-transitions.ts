import {
  canonicalJson,
  DomainError,
  endingNotices,
  planOrderTransition,
  type EndingNotice,
  type JsonValue,
  type OrderActor,
  type OrderDeadlineSettings,
  type OrderPayload,
  type OrderPlan,
} from '@hanoi247/core';
import type { Tx } from '../db/database-schema.js';
import { applyClockEffects, type ClockStore } from './clock-effects.js';
import { orderDocumentOf, type OrderSigner } from '../documents/order-document.js';
import { auditRepository } from '../repositories/audit.repository.js';
import { orderDeadlineRepository, orderEventRepository } from '../repositories/order-event.repository.js';
import { orderRepository, type OrderRecord } from '../repositories/order.repository.js';
import { providerRepository } from '../repositories/provider.repository.js';
import { createLinkedRequestEffects } from './order-linked-request.js';
import type { RecordedAnswer } from './provider-answers.service.js';
import { orderSnapshotOf } from './order-view.js';
import type { RequestTransitionService } from './request-transition.service.js';
import { auditEntryFor, type CallContext, type ServiceRuntime } from './service-runtime.js';

export interface OrderRuntimeDeps extends ServiceRuntime {
  readonly orderSettings: OrderDeadlineSettings;
  readonly requestTransitions: RequestTransitionService;
  readonly signer: OrderSigner;
}

/** What a transition changes besides the state: the provider's answers, the officers who acted, a signed revision. */
function recordChanges(
  order: OrderRecord,
  plan: OrderPlan,
  payload: OrderPayload,
  actor: OrderActor,
  at: string,
): OrderRecord {
  const changed: OrderRecord = { ...order, state: plan.to, periods: plan.periods, updatedAt: at };
  switch (plan.action) {
    case 'authorise':
      return { ...changed, authorisedBy: actor.userId, authorisedAt: at };
    case 'serve':
      return {
        ...changed,
        servedAt: order.servedAt ?? at,
        revision: order.servedJws === null ? 0 : order.revision + 1,
      };
    case 'renew':
      return { ...changed, revision: order.revision + 1 };
    case 'release':
    case 'withdraw':
    case 'end-collection':
      // The provider holds the served order: the end reaches it as the next signed revision.
      return order.servedJws === null ? changed : { ...changed, revision: order.revision + 1 };
    case 'confirm-preservation':
      return {
        ...changed,
        preservedUntil: payload.preservedUntil ?? null,
        preservedWhat: payload.preservedWhat ?? null,
      };
    case 'object':
      return {
        ...changed,
        objection: { reasonCode: payload.reasonCode ?? 'INCOMPLETE_OR_ERROR', note: payload.note ?? '', at },
      };
    case 'amend':
      return actor.userId === null || order.draftedBy.includes(actor.userId)
        ? changed
        : { ...changed, draftedBy: [...order.draftedBy, actor.userId] };
    default:
      return changed;
  }
}

export function createOrderTransitions(deps: OrderRuntimeDeps) {
  const { clock, ids } = deps;
  const linked = createLinkedRequestEffects(deps);

  /** The order's clocks, as the kernel's clock store. */
  const clocksOf = (tx: Tx, orderId: string): ClockStore => ({
    settle: (ruleId, status, at) => orderDeadlineRepository.settle(tx, orderId, ruleId, status, at),
    start: (ruleId, due, at) =>
      orderDeadlineRepository.insert(tx, {
        id: ids(),
        orderId,
        ruleId,
        status: 'open',
        startedAt: at,
        dueAt: due.dueAt,
        warnAt: due.warnAt,
        closedAt: null,
        escalatedAt: null,
      }),
  });

  /** Service and renewal hand the provider a new signed revision of the order. */
  async function signed(
    tx: Tx,
    order: OrderRecord,
    plan: OrderPlan,
    officer: string,
    at: string,
    notice?: EndingNotice,
  ): Promise<OrderRecord> {
    const provider = await providerRepository.findById(tx, order.providerId);
    if (provider === undefined) {
      throw new DomainError('provider/not-found', 'the order\u2019s provider is not in the registry');
    }
    const running = await orderDeadlineRepository.forOrder(tx, order.id);
    const dueOf = (ruleId: string) => {
      const started = plan.clocks.find((c) => c.kind === 'start' && c.ruleId === ruleId);
      if (started?.kind === 'start') return started.dueAt;
      return running.find((d) => d.ruleId === ruleId && (d.status === 'open' || d.status === 'warned'))?.dueAt ?? null;
    };
    // An emergency keeps naming the officer who issued it, whoever (or whichever clock) renews it.
    const issuing =
      order.servedDocument === null
        ? undefined
        : (JSON.parse(order.servedDocument) as { emergency?: { officer?: string } | null }).emergency?.officer;
    const document = orderDocumentOf(
      order,
      provider,
      await deps.signer.issuer(order.emergencyJustification === null ? null : (issuing ?? officer)),
      issuing ?? officer,
      { acknowledgeBy: dueOf('order-acknowledgement'), fulfilBy: dueOf('order-fulfilment') },
      at,
      notice,
    );
    return {
      ...order,
      servedDocument: canonicalJson(document as unknown as JsonValue),
      servedJws: await deps.signer.sign(document),
    };
  }

  /**
   * Applies one planned transition inside the caller's transaction: the order, its timeline, its
   * clocks, a signed revision when served or renewed, the audit entry and the linked request's
   * own transition commit together or not at all.
   */
  async function apply(
    tx: Tx,
    context: CallContext,
    order: OrderRecord,
    action: string,
    payload: OrderPayload,
    actor: OrderActor,
    changes: Partial<Pick<OrderRecord, 'terms'>> = {},
    recorded?: RecordedAnswer,
  ): Promise<OrderRecord> {
    const now = clock.now();
    const at = now.toISOString();
    const plan = planOrderTransition(orderSnapshotOf(order), action, payload, actor, now, deps.orderSettings);
    const caller = context.principal?.username ?? 'legal clock';
    // The provider's answer taken down by an officer says so wherever it shows.
    const actorName = recorded === undefined ? caller : `${caller}, recording the provider\u2019s answer`;
    let next = { ...recordChanges(order, plan, payload, actor, at), ...changes };
    const notice = endingNotices.find((n) => n === action && order.servedJws !== null);
    if (action === 'serve' || action === 'renew' || notice !== undefined) {
      next = await signed(tx, next, plan, actorName, at, notice);
    }
    if (!(await orderRepository.update(tx, next, order.version))) {
      throw new DomainError('order/concurrent-change', 'someone changed this order meanwhile; reload it');
    }
    await orderEventRepository.append(tx, {
      id: ids(),
      orderId: order.id,
      kind: 'transition',
      action,
      fromState: plan.from,
      toState: plan.to,
      side: actor.side,
      actorId: actor.userId,
      actorName,
      occurredAt: at,
      payload: {
        ...payload,
        ...(next.revision !== order.revision || action === 'serve' ? { revision: next.revision } : {}),
        ...(recorded === undefined ? {} : { recorded }),
      },
    });
    await applyClockEffects(clocksOf(tx, order.id), plan.clocks, at);
    await auditRepository.append(
      tx,
      auditEntryFor(deps, context, {
        action: 'order.transitioned',
        objectType: 'order',
        objectId: order.id,
        actorName,
        ...(actor.side === 'system' ? { actorType: 'system' as const } : {}),
        details: {
          reference: order.reference,
          action,
          from: plan.from,
          to: plan.to,
          side: actor.side,
          ...(payload.reasonCode === undefined ? {} : { reasonCode: payload.reasonCode }),
        },
      }),
    );
    const updated = { ...next, version: order.version + 1 };
    await linked.follow(tx, context, updated, action, payload, recorded);
    return updated;
  }

  return { apply };
}

export type OrderTransitions = ReturnType<typeof createOrderTransitions>;
